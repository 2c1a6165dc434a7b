package dev.coalmine.kube.release;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs a drive of a release again after each failure, with back-off, until a drive ends normally or the owner
 * stops it (by interrupting the thread). Each failure goes to {@code problems} with the pause before the next try;
 * an empty value follows once a drive gets going again.
 */
final class RetryingDrive {
    /** One drive; it calls {@code going} once it made progress. */
    interface Drive {
        void run(Runnable going);
    }

    private final Drive drive;
    private final DriveBackoff backoff;
    private final RandomGenerator random;

    RetryingDrive(Drive drive, DriveBackoff backoff, RandomGenerator random) {
        this.drive = drive;
        this.backoff = backoff;
        this.random = random;
    }

    /** Blocks until a drive ends normally, or the thread is interrupted. */
    void run(Consumer<Optional<String>> problems) {
        int failures = 0;
        while (!Thread.currentThread().isInterrupted()) {
            boolean[] problemShown = {failures > 0};
            try {
                drive.run(() -> {
                    if (problemShown[0]) {
                        problemShown[0] = false;
                        problems.accept(Optional.empty());
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                failures++;
                Duration pause = backoff.pause(failures, random);
                problems.accept(Optional.of(e.getMessage() + " \u00b7 Coalmine tries again in "
                        + Math.max(1, Math.round(pause.toMillis() / 1000.0)) + " s (nothing is lost)."));
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
