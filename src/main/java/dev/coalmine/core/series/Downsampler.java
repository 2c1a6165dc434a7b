package dev.coalmine.core.series;

/**
 * Largest-Triangle-Three-Buckets downsampling: keeps the points that shape a line chart (peaks, dips,
 * steps) while reducing a long series to about as many points as the chart has pixels.
 */
public final class Downsampler {
    private Downsampler() {
    }

    /**
     * @param xs     ascending x values
     * @param ys     y values, same length as xs
     * @param target how many points to keep (at least 3); series no longer than this are returned whole
     * @return indexes into xs/ys of the points to draw, ascending
     */
    public static int[] lttb(double[] xs, double[] ys, int target) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.length + " vs " + ys.length);
        }
        int n = xs.length;
        if (target >= n || target < 3) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] kept = new int[target];
        double bucketSize = (double) (n - 2) / (target - 2);
        int previous = 0;
        kept[0] = 0;
        for (int bucket = 0; bucket < target - 2; bucket++) {
            int start = (int) Math.floor(bucket * bucketSize) + 1;
            int end = (int) Math.floor((bucket + 1) * bucketSize) + 1;
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((bucket + 2) * bucketSize) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int i = nextStart; i < nextEnd; i++) {
                avgX += xs[i];
                avgY += ys[i];
            }
            int count = Math.max(1, nextEnd - nextStart);
            avgX /= count;
            avgY /= count;
            double bestArea = -1;
            int best = start;
            for (int i = start; i < end; i++) {
                double area = Math.abs((xs[previous] - avgX) * (ys[i] - ys[previous])
                        - (xs[previous] - xs[i]) * (avgY - ys[previous]));
                if (area > bestArea) {
                    bestArea = area;
                    best = i;
                }
            }
            kept[bucket + 1] = best;
            previous = best;
        }
        kept[target - 1] = n - 1;
        return kept;
    }
}
