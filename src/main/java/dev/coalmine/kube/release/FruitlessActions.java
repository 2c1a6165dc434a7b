package dev.coalmine.kube.release;

import dev.coalmine.core.release.Observation;
import dev.coalmine.core.release.ReleaseAction;
import java.util.List;
import java.util.Objects;

/**
 * Notices a drive asking for the same actions on the same observation round after round: an action that changes
 * nothing the driver can see. Such rounds wait for a change instead of looping at once, and after
 * {@link #GIVE_UP_AFTER} of them the drive gives up with a reason rather than retrying forever.
 */
final class FruitlessActions {
    static final int GIVE_UP_AFTER = 10;
    private List<Object> last;
    private int repeats;

    /** Counts this round; true when it repeats the previous one. */
    boolean repeated(Observation seen, List<ReleaseAction> actions) {
        List<Object> round = actions.isEmpty() ? null : List.of(actions, seen.stable(), seen.canary(), seen.baseline(),
                seen.configCopiesNeeded(), seen.configCopiesPresent(), seen.routing());
        repeats = round != null && Objects.equals(round, last) ? repeats + 1 : 0;
        last = round;
        return repeats > 0;
    }

    boolean exhausted() {
        return repeats >= GIVE_UP_AFTER;
    }
}
