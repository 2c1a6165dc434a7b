package dev.coalmine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySizeProblem;
import org.junit.jupiter.api.Test;

class CanarySizeWordingTest {
    @Test
    void namesTheOptionToPass() {
        assertThat(CanarySizeWording.of(new CanarySizeProblem.CountBelowOne(0)))
                .isEqualTo("canary count must be at least 1, got 0: pass --count 1 or more");
        assertThat(CanarySizeWording.of(new CanarySizeProblem.PercentOutOfRange("NaN")))
                .isEqualTo("canary percent must be above 0 and at most 100, got NaN: pass --percent between 0 (exclusive) and 100");
        assertThat(CanarySizeWording.of(new CanarySizeProblem.NoStableReplicas()))
                .isEqualTo("the stable Deployment has 0 replicas, so a percentage of it is no pod at all: scale it up or use --count");
        assertThat(CanarySizeWording.of(new CanarySizeProblem.CountAboveStable(3, 2)))
                .isEqualTo("a canary of 3 pods is more than the stable's 2 replica(s): pass --count 2 or less, or scale "
                        + "stable up first");
    }
}
