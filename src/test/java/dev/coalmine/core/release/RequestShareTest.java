package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

@FastTest
class RequestShareTest {
    @Test
    void tenPercentOfOneReplicaIsAThirdOfRequests() {
        RequestShare share = RequestShare.of(CanarySize.percent(10), 1, true);

        assertThat(share.servingPods()).isEqualTo(3);
        assertThat(share.canaryPercent()).isCloseTo(33.3, Offset.offset(0.1));
        assertThat(share.exceedsAsked()).isTrue();
        assertThat(share.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("asked for 10% of stable, but with 1 stable replica(s) the canary gets about 33 % of requests"));
    }

    @Test
    void aPercentageTheServiceCanHonourIsNotWarnedAbout() {
        RequestShare share = RequestShare.of(CanarySize.percent(25), 4, true);

        assertThat(share.describe()).isEqualTo("about 17 % of requests (1 canary pod(s) of 6: 4 stable, 1 baseline)");
        assertThat(share.warning()).isEmpty();
    }

    @Test
    void withoutBaselineOnlyStableAndCanaryServe() {
        RequestShare share = RequestShare.of(CanarySize.percent(50), 2, false);

        assertThat(share.servingPods()).isEqualTo(3);
        assertThat(share.describe()).isEqualTo("about 33 % of requests (1 canary pod(s) of 3: 2 stable)");
        assertThat(share.warning()).isEmpty();
    }

    @Test
    void aCountLargerThanStableIsWarnedAbout() {
        RequestShare share = RequestShare.of(CanarySize.count(5), 1, true);

        assertThat(share.canaryPercent()).isCloseTo(45.5, Offset.offset(0.1));
        assertThat(share.warning()).hasValueSatisfying(w -> assertThat(w).startsWith("asked for 5 pods, but with 1 stable"));
        assertThat(RequestShare.of(CanarySize.count(1), 1, true).warning()).isEmpty();
    }
}
