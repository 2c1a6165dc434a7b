package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.Observation;
import dev.coalmine.core.release.ReleaseAction;
import dev.coalmine.core.release.WorkloadStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same actions on an unchanged cluster are noticed, and the drive gives up after a bounded number of them. */
class FruitlessActionsTest {
    private static final WorkloadStatus CANARY = new WorkloadStatus(true, 1, 1, 1, 1, 1, 1, 1, 1, List.of("x"), null);
    private static final List<ReleaseAction> DELETE = List.of(new ReleaseAction.DeleteCanary());

    private static Observation seen(long second, WorkloadStatus canary) {
        return new Observation(Instant.ofEpochSecond(second), CANARY, canary, WorkloadStatus.absent(), 0, 0);
    }

    @Test
    void repeatsOnAnUnchangedClusterAreCountedUntilTheDriveGivesUp() {
        FruitlessActions fruitless = new FruitlessActions();
        assertThat(fruitless.repeated(seen(0, CANARY), DELETE)).isFalse();
        for (int i = 1; i < FruitlessActions.GIVE_UP_AFTER; i++) {
            assertThat(fruitless.repeated(seen(i, CANARY), DELETE)).as("time alone is no change").isTrue();
            assertThat(fruitless.exhausted()).isFalse();
        }
        fruitless.repeated(seen(99, CANARY), DELETE);
        assertThat(fruitless.exhausted()).isTrue();
    }

    @Test
    void aVisibleChangeOrARoundWithoutActionsStartsAgain() {
        FruitlessActions fruitless = new FruitlessActions();
        fruitless.repeated(seen(0, CANARY), DELETE);
        assertThat(fruitless.repeated(seen(1, WorkloadStatus.absent()), DELETE)).isFalse();
        assertThat(fruitless.repeated(seen(2, WorkloadStatus.absent()), List.of())).isFalse();
        assertThat(fruitless.repeated(seen(3, WorkloadStatus.absent()), List.of())).isFalse();
    }
}
