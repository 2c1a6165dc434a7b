package dev.coalmine.core.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.judge.Track;
import org.junit.jupiter.api.Test;

class PodSelectionTest {
    private final PodSelection canaryOfShop = new PodSelection.TrackPods("shop", Track.CANARY);

    @Test
    void aPodLabelledForAnotherWorkloadIsNotIncludedEvenIfItsNameMatches() {
        assertThat(canaryOfShop.includes("shop-canary-7d9f8c-abcde", "shop")).isTrue();
        assertThat(canaryOfShop.includes("shop-canary-7d9f8c-abcde", "shop-canary-7d9f8c")).isFalse();
    }

    @Test
    void aPodFromBeforeTheLabelIsPickedByName() {
        assertThat(canaryOfShop.includes("shop-canary-7d9f8c-abcde", null)).isTrue();
        assertThat(canaryOfShop.includes("shop-api-canary-7d9f8c-abcde", null)).isFalse();
    }
}
