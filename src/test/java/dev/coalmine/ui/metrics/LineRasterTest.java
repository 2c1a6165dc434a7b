package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@FastTest
class LineRasterTest {
    private static final int ORANGE = 0xFFE07B00;

    private static int alpha(int[] pixels, int width, int x, int y) {
        return pixels[y * width + x] >>> 24;
    }

    @Test
    void aLineCoversItsWidthInItsColourAndNothingElse() {
        int[] pixels = LineRaster.draw(40, 20, List.of(new LineRaster.Polyline(new float[] {2, 38}, new float[] {10, 10},
                ORANGE, 2, null)));
        assertThat(pixels[10 * 40 + 20]).as("on the line").isEqualTo(ORANGE);
        assertThat(pixels[9 * 40 + 20]).as("the row above is inside a 2 px stroke centred on y = 10").isEqualTo(ORANGE);
        assertThat(alpha(pixels, 40, 20, 5)).as("well above").isZero();
        assertThat(alpha(pixels, 40, 20, 15)).as("well below").isZero();
    }

    @Test
    void dashesLeaveGapsAndAGapInTheDataIsNotBridged() {
        float nan = Float.NaN;
        int[] pixels = LineRaster.draw(40, 20, List.of(
                new LineRaster.Polyline(new float[] {0, 40}, new float[] {5, 5}, ORANGE, 2, new double[] {8, 8}),
                new LineRaster.Polyline(new float[] {0, 10, nan, 30, 40}, new float[] {15, 15, nan, 15, 15}, ORANGE, 2,
                        null)));
        assertThat(alpha(pixels, 40, 4, 5)).as("in the first dash").isEqualTo(255);
        assertThat(alpha(pixels, 40, 12, 5)).as("in the first gap").isZero();
        assertThat(alpha(pixels, 40, 20, 5)).as("in the second dash").isEqualTo(255);
        assertThat(alpha(pixels, 40, 5, 15)).isEqualTo(255);
        assertThat(alpha(pixels, 40, 20, 15)).as("no data between 10 and 30").isZero();
        assertThat(alpha(pixels, 40, 35, 15)).isEqualTo(255);
    }

    @Test
    void aLaterLineIsPaintedOverAnEarlierOne() {
        int blue = 0xFF2F80C8;
        int[] pixels = LineRaster.draw(20, 20, List.of(
                new LineRaster.Polyline(new float[] {0, 20}, new float[] {10, 10}, blue, 3, null),
                new LineRaster.Polyline(new float[] {10, 10}, new float[] {0, 20}, ORANGE, 3, null)));
        assertThat(pixels[10 * 20 + 10]).isEqualTo(ORANGE);
        assertThat(pixels[10 * 20 + 2]).isEqualTo(blue);
    }
}
