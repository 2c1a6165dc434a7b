package dev.coalmine.ui.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Antialiased polylines, optionally dashed, drawn into premultiplied ARGB pixels by plain Java on any thread: the
 * chart's lines are drawn off the FX thread and the frame only shows the finished image (the software renderer
 * spent most of a redraw's frame rasterising the line paths).
 */
final class LineRaster {
    /** One line in pixels: x and y of its points, its colour (ARGB, not premultiplied), width and dashes (on, off, …). */
    record Polyline(float[] x, float[] y, int argb, double width, double[] dashes) {
    }

    private LineRaster() {
    }

    /** The lines drawn in order onto a transparent {@code width} × {@code height} image, as premultiplied ARGB. */
    static int[] draw(int width, int height, List<Polyline> lines) {
        int[] pixels = new int[width * height];
        float[] coverage = new float[width * height];
        for (Polyline line : lines) {
            int[] box = cover(coverage, width, height, line);
            if (box != null) {
                composite(pixels, coverage, width, box, line.argb());
            }
        }
        return pixels;
    }

    /** Coverage of each pixel by the line (the largest of its segments'); returns the box it touched, or null. */
    private static int[] cover(float[] coverage, int width, int height, Polyline line) {
        double half = Math.max(0.5, line.width() / 2);
        double[] dashes = line.dashes();
        double period = dashes == null ? 0 : Arrays.stream(dashes).sum();
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        double along = 0;
        for (int i = 0; i + 1 < line.x().length; i++) {
            double x0 = line.x()[i];
            double y0 = line.y()[i];
            double dx = line.x()[i + 1] - x0;
            double dy = line.y()[i + 1] - y0;
            double length2 = dx * dx + dy * dy;
            double length = Math.sqrt(length2);
            if (!Double.isFinite(length2 + x0 + y0)) {
                continue; // a gap in the data
            }
            int left = Math.max(0, (int) Math.floor(Math.min(x0, x0 + dx) - half - 1));
            int right = Math.min(width - 1, (int) Math.ceil(Math.max(x0, x0 + dx) + half + 1));
            int top = Math.max(0, (int) Math.floor(Math.min(y0, y0 + dy) - half - 1));
            int bottom = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y0 + dy) + half + 1));
            for (int py = top; py <= bottom; py++) {
                double cy = py + 0.5 - y0;
                int row = py * width;
                for (int px = left; px <= right; px++) {
                    double cx = px + 0.5 - x0;
                    double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, (cx * dx + cy * dy) / length2));
                    double ex = cx - t * dx;
                    double ey = cy - t * dy;
                    float c = (float) Math.max(0, Math.min(1, half + 0.5 - Math.sqrt(ex * ex + ey * ey)));
                    if (c > 0 && period > 0 && !inDash(dashes, period, along + t * length)) {
                        c = 0;
                    }
                    if (c > coverage[row + px]) {
                        coverage[row + px] = c;
                    }
                }
            }
            if (left <= right && top <= bottom) {
                minX = Math.min(minX, left);
                maxX = Math.max(maxX, right);
                minY = Math.min(minY, top);
                maxY = Math.max(maxY, bottom);
            }
            along += length;
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    private static boolean inDash(double[] dashes, double period, double position) {
        double p = position % period;
        for (int k = 0; k < dashes.length; k++) {
            if (p < dashes[k]) {
                return k % 2 == 0;
            }
            p -= dashes[k];
        }
        return true;
    }

    /** Paints the covered pixels of the box in {@code argb} over what is there, and clears the coverage. */
    private static void composite(int[] pixels, float[] coverage, int width, int[] box, int argb) {
        double alpha = (argb >>> 24) / 255.0;
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        for (int py = box[1]; py <= box[3]; py++) {
            for (int px = box[0]; px <= box[2]; px++) {
                int i = py * width + px;
                float c = coverage[i];
                if (c == 0) {
                    continue;
                }
                coverage[i] = 0;
                double a = c * alpha;
                int under = pixels[i];
                double keep = 1 - a;
                int oa = (int) Math.round(255 * a + ((under >>> 24) & 0xff) * keep);
                int or = (int) Math.round(r * a + ((under >> 16) & 0xff) * keep);
                int og = (int) Math.round(g * a + ((under >> 8) & 0xff) * keep);
                int ob = (int) Math.round(b * a + (under & 0xff) * keep);
                pixels[i] = oa << 24 | or << 16 | og << 8 | ob;
            }
        }
    }
}
