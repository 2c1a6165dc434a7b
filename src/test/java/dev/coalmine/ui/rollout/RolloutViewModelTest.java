package dev.coalmine.ui.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.release.TrackStatus;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rollout view keeps driving the release through errors, and says so, until the release ends or it is closed. */
class RolloutViewModelTest {
    private static final RolloutViewModel.DriveRetry QUICK = new RolloutViewModel.DriveRetry(Duration.ofMillis(50),
            Duration.ofMillis(200));
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void anErrorWhileDrivingIsShownAndTheDriveStartsAgain() {
        FlakyEngine engine = new FlakyEngine(2);
        RolloutViewModel model = open(engine);

        Eventually.assertThat(Duration.ofSeconds(10), () -> assertThat(engine.drives.get()).isEqualTo(3));
        assertThat(messages).anyMatch(m -> m.startsWith("the API server did not answer in time \u00b7 Coalmine tries "
                + "again in ") && m.endsWith("(nothing is lost)."));
        Eventually.assertThat(Duration.ofSeconds(10), () -> assertThat(model.messageProperty().get())
                .as("the error goes once a drive is under way again").isEmpty());
        model.close();
    }

    @Test
    void closingTheViewStopsTheRetries() throws InterruptedException {
        FlakyEngine engine = new FlakyEngine(Integer.MAX_VALUE);
        RolloutViewModel model = open(engine);
        Eventually.assertThat(Duration.ofSeconds(10), () -> assertThat(engine.drives.get()).isGreaterThanOrEqualTo(2));

        model.close();
        Thread.sleep(500);
        int afterClose = engine.drives.get();
        Thread.sleep(500);

        assertThat(engine.drives.get()).isEqualTo(afterClose);
    }

    private RolloutViewModel open(FlakyEngine engine) {
        RolloutViewModel model = new RolloutViewModel("shop", "web", engine, background, Runnable::run, QUICK);
        model.messageProperty().addListener((obs, old, text) -> messages.add(text));
        model.open();
        return model;
    }

    /** Fails its first {@code failures} drives, then drives to the end. */
    private static final class FlakyEngine implements ReleaseActionsGateway {
        final AtomicInteger drives = new AtomicInteger();
        private final int failures;

        FlakyEngine(int failures) {
            this.failures = failures;
        }

        @Override
        public ReleaseState drive(String namespace, String deployment, Consumer<ReleaseState> progress) {
            if (drives.incrementAndGet() <= failures) {
                throw new CoalmineException("the API server did not answer in time");
            }
            progress.accept(null);
            return null;
        }

        @Override
        public ReleaseStatus status(String namespace, String deployment) {
            return new ReleaseStatus(namespace, deployment, null, TrackStatus.absent(), TrackStatus.absent(),
                    TrackStatus.absent(), null);
        }

        @Override
        public AutoCloseable watch(String namespace, String deployment, Runnable changed) {
            return () -> { };
        }

        @Override
        public ReleaseState promote(String namespace, String deployment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReleaseState reject(String namespace, String deployment) {
            throw new UnsupportedOperationException();
        }
    }
}
