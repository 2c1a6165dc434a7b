package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.OperatorLog;
import dev.coalmine.kube.RetriedRequests;
import java.time.Clock;
import java.time.Duration;

/**
 * How this process takes part in releases.
 *
 * @param identity who this process is, in the Lease and in decisions (e.g. "ana@laptop (cli)")
 * @param leaseDuration how long a silent holder keeps the Lease
 * @param pollInterval how often the driver looks at the cluster on its own (timeouts, analysis checks); a change the
 *                     drive's watches see wakes it at once
 * @param hook called before each action; tests use it to simulate a process killed mid-release
 * @param log where releases started and decisions recorded are logged
 * @param retries the requests the client tried again ({@link dev.coalmine.kube.config.ClusterConnection#retries()}):
 *                a drive tells those of its release in the step log
 */
public record ReleaseSettings(String identity, Clock clock, Duration leaseDuration, Duration pollInterval,
                              ActionHook hook, OperatorLog log, RetriedRequests retries) {

    public static ReleaseSettings defaults(String identity) {
        return new ReleaseSettings(identity, Clock.systemUTC(), Duration.ofSeconds(15), Duration.ofMillis(500),
                ActionHook.NONE, OperatorLog.of(ReleaseService.class), new RetriedRequests());
    }

    public ReleaseSettings withIdentity(String newIdentity) {
        return new ReleaseSettings(newIdentity, clock, leaseDuration, pollInterval, hook, log, retries);
    }

    public ReleaseSettings withClock(Clock newClock) {
        return new ReleaseSettings(identity, newClock, leaseDuration, pollInterval, hook, log, retries);
    }

    public ReleaseSettings withTiming(Duration lease, Duration poll) {
        return new ReleaseSettings(identity, clock, lease, poll, hook, log, retries);
    }

    public ReleaseSettings withHook(ActionHook newHook) {
        return new ReleaseSettings(identity, clock, leaseDuration, pollInterval, newHook, log, retries);
    }

    public ReleaseSettings withLog(OperatorLog newLog) {
        return new ReleaseSettings(identity, clock, leaseDuration, pollInterval, hook, newLog, retries);
    }

    public ReleaseSettings withRetries(RetriedRequests fromTheClient) {
        return new ReleaseSettings(identity, clock, leaseDuration, pollInterval, hook, log, fromTheClient);
    }

    /** Runs before the driver performs an action (after the state that asked for it was saved). */
    @FunctionalInterface
    public interface ActionHook {
        ActionHook NONE = (action, state) -> { };

        void beforeAction(ReleaseAction action, ReleaseState state);
    }
}
