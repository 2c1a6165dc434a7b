package dev.coalmine.cli.canary;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/** Prints each new step-log line of a release to stderr, once, as the release moves. */
final class ProgressPrinter implements Consumer<ReleaseState> {
    private final PrintWriter err;
    private StepLogEntry lastPrinted;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    /** Lines already in the state when we start are not news. */
    ProgressPrinter skipping(ReleaseState seen) {
        lastPrinted = seen.log().isEmpty() ? null : seen.log().get(seen.log().size() - 1);
        return this;
    }

    @Override
    public void accept(ReleaseState state) {
        List<StepLogEntry> log = state.log();
        int from = lastPrinted == null ? 0 : log.lastIndexOf(lastPrinted) + 1;
        for (StepLogEntry line : log.subList(from, log.size())) {
            err.println("[" + line.stage().title() + "] " + line.message());
        }
        if (!log.isEmpty()) {
            lastPrinted = log.get(log.size() - 1);
        }
        err.flush();
    }
}
