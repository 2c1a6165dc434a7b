package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.ReleaseState;
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
 */
public record ReleaseSettings(String identity, Clock clock, Duration leaseDuration, Duration pollInterval,
                              ActionHook hook) {

    public static ReleaseSettings defaults(String identity) {
        return new ReleaseSettings(identity, Clock.systemUTC(), Duration.ofSeconds(15), Duration.ofMillis(500),
                ActionHook.NONE);
    }

    public ReleaseSettings withIdentity(String newIdentity) {
        return new ReleaseSettings(newIdentity, clock, leaseDuration, pollInterval, hook);
    }

    public ReleaseSettings withTiming(Duration lease, Duration poll) {
        return new ReleaseSettings(identity, clock, lease, poll, hook);
    }

    public ReleaseSettings withHook(ActionHook newHook) {
        return new ReleaseSettings(identity, clock, leaseDuration, pollInterval, newHook);
    }

    /** Runs before the driver performs an action (after the state that asked for it was saved). */
    @FunctionalInterface
    public interface ActionHook {
        ActionHook NONE = (action, state) -> { };

        void beforeAction(ReleaseAction action, ReleaseState state);
    }
}
