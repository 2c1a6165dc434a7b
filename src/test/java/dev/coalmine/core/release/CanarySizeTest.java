package dev.coalmine.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@FastTest
class CanarySizeTest {

    @ParameterizedTest(name = "{1}% of {0} replicas = {2}")
    @CsvSource({
        "1, 10, 1",     // r=1: at least one pod
        "1, 100, 1",
        "4, 10, 1",     // 0.4 rounds to 0, raised to the minimum 1
        "10, 15, 2",    // 1.5: halves round up (binary doubles would give 1.4999…)
        "10, 100, 10",  // p=100: the whole stable size
        "10, 12.5, 1",  // 1.25
        "4, 12.5, 1",   // 0.5 rounds up to 1
        "8, 12.5, 1",   // exactly 1
        "20, 12.5, 3",  // 2.5 rounds up
        "3, 50, 2",     // 1.5 rounds up
        "7, 99.9, 7",   // 6.993 → 7, never above r
        "10, 0.1, 1",   // tiny but positive
    })
    void percentOfStable(int stable, double percent, int expected) {
        assertThat(CanarySize.percent(percent).replicasFor(stable)).isEqualTo(expected);
    }

    @Test
    void zeroPercentIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> CanarySize.percent(0)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("above 0 and at most 100, got 0");
    }

    @Test
    void moreThanHundredPercentIsRejected() {
        assertThatThrownBy(() -> CanarySize.percent(150)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("got 150");
        assertThatThrownBy(() -> CanarySize.percent(-5)).isInstanceOf(CoalmineException.class);
        assertThatThrownBy(() -> CanarySize.percent(Double.NaN)).isInstanceOf(CoalmineException.class);
    }

    @Test
    void countIsTakenAsItIs() {
        assertThat(CanarySize.count(3).replicasFor(10)).isEqualTo(3);
        assertThat(CanarySize.count(1).replicasFor(1)).isEqualTo(1);
        assertThatThrownBy(() -> CanarySize.count(0)).isInstanceOf(CoalmineException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void aNewReleaseNeverHasMoreCanaryPodsThanStable() {
        assertThat(CanarySize.count(2).requireFits(2).replicasFor(2)).isEqualTo(2);
        assertThat(CanarySize.count(3).requireFits(0)).as("a stable scaled to zero is sized by a count")
                .isEqualTo(CanarySize.count(3));
        assertThatThrownBy(() -> CanarySize.count(3).requireFits(2)).isInstanceOfSatisfying(
                InvalidCanarySizeException.class,
                e -> assertThat(e.problem()).isEqualTo(new CanarySizeProblem.CountAboveStable(3, 2)));
        assertThat(CanarySize.percent(100).requireFits(2).replicasFor(2)).isEqualTo(2);
    }

    @Test
    void percentOfAStableScaledToZeroAsksForACount() {
        assertThatThrownBy(() -> CanarySize.percent(10).replicasFor(0)).isInstanceOfSatisfying(
                InvalidCanarySizeException.class, e -> assertThat(e.problem()).isEqualTo(new CanarySizeProblem.NoStableReplicas()))
                .hasMessageEndingWith(": scale it up or give a canary count");
    }

    @Test
    void describesItself() {
        assertThat(CanarySize.percent(12.5).describe()).isEqualTo("12.5% of stable");
        assertThat(CanarySize.percent(10).describe()).isEqualTo("10% of stable");
        assertThat(CanarySize.count(2).describe()).isEqualTo("2 pods");
    }

    @Test
    void imageChangeParsesContainerAndImage() {
        assertThat(ImageChange.parse("web=shop/web:1.2")).isEqualTo(new ImageChange("web", "shop/web:1.2"));
        assertThat(ImageChange.parse("shop/web:1.2")).isEqualTo(new ImageChange(null, "shop/web:1.2"));
        assertThatThrownBy(() -> ImageChange.parse("web=")).isInstanceOf(CoalmineException.class);
    }

    @Test
    void refusalsSayWhichSettingAndWhatIsWrongWithoutNamingAField() {
        assertThatThrownBy(() -> CanarySize.count(0)).isInstanceOfSatisfying(InvalidCanarySizeException.class,
                e -> assertThat(e.problem()).isEqualTo(new CanarySizeProblem.CountBelowOne(0)));
        assertThatThrownBy(() -> CanarySize.percent(150)).isInstanceOfSatisfying(InvalidCanarySizeException.class, e -> {
            assertThat(e.problem()).isEqualTo(new CanarySizeProblem.PercentOutOfRange("150"));
            assertThat(e.problem().setting()).isEqualTo(CanarySizeProblem.Setting.PERCENT);
            assertThat(e.getMessage()).isEqualTo("canary percent must be above 0 and at most 100, got 150: change the "
                    + "canary percentage").doesNotContain("--");
        });
    }
}
