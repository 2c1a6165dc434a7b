package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.Stage;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.kube.RetriedRequests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step-log lines that tell what the client tried again, e.g. "retried PUT configmaps/coalmine-release-web after
 * the API server answered 500 Internal Server Error (2 times)": one line per request and answer, at the stage the
 * release is in.
 */
final class RetryLines {
    private RetryLines() {
    }

    static ReleaseState told(ReleaseState state, List<RetriedRequests.Retry> retries) {
        if (retries.isEmpty()) {
            return state;
        }
        Map<String, List<RetriedRequests.Retry>> byRequest = new LinkedHashMap<>();
        for (RetriedRequests.Retry retry : retries) {
            byRequest.computeIfAbsent(retry.target() + "\n" + retry.answer(), k -> new ArrayList<>())
                    .add(retry);
        }
        List<StepLogEntry> log = state.log();
        Stage stage = log.isEmpty() ? Stage.PREPARE : log.get(log.size() - 1).stage();
        ReleaseState told = state;
        for (List<RetriedRequests.Retry> same : byRequest.values()) {
            RetriedRequests.Retry first = same.get(0);
            told = told.withLog(first.at(), stage, "retried " + first.target() + " after " + first.answer()
                    + (same.size() > 1 ? " (" + same.size() + " times)" : ""));
        }
        return told;
    }
}
