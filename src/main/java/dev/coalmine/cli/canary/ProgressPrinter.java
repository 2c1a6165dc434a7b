package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Prints each new step-log line of a release to stderr, once, as the release moves. A drive shows lines before they
 * are saved, and a "waiting for …" line may be replaced by the next one before any save, so every line is printed
 * the first time it appears, wherever it stands in the log.
 */
final class ProgressPrinter implements Consumer<ReleaseState> {
    private final PrintWriter err;
    private final Set<StepLogEntry> printed = new HashSet<>();

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    /** Lines already in the state when we start are not news. */
    ProgressPrinter skipping(ReleaseState seen) {
        printed.addAll(seen.log());
        return this;
    }

    @Override
    public void accept(ReleaseState state) {
        for (StepLogEntry line : state.log()) {
            if (printed.add(line)) {
                err.println("[" + line.stage().title() + "] " + line.message());
            }
        }
        err.flush();
    }
}
