package dev.coalmine.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@FastTest
class DownsamplerTest {
    @Test
    void shortSeriesAreKeptWhole() {
        assertThat(Downsampler.lttb(new double[] {1, 2, 3}, new double[] {5, 6, 7}, 10)).containsExactly(0, 1, 2);
    }

    @Test
    void keepsFirstLastAndTheSpikeOfALongSeries() {
        int n = 17_280;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i * 5.0;
            ys[i] = 0.1;
        }
        ys[9_001] = 12.0;
        int[] kept = Downsampler.lttb(xs, ys, 600);
        assertThat(kept).hasSize(600);
        assertThat(kept[0]).isZero();
        assertThat(kept[599]).isEqualTo(n - 1);
        assertThat(kept).contains(9_001);
        int[] sorted = kept.clone();
        Arrays.sort(sorted);
        assertThat(kept).containsExactly(sorted);
    }

    @Test
    void rejectsMismatchedInput() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Downsampler.lttb(new double[2], new double[3], 2))
                .hasMessageContaining("differ in length");
    }
}
