package dev.coalmine.core.judge;

import java.util.Locale;

/** How a metric's values read to a person. */
public enum MetricUnit {
    PERCENT, MILLISECONDS, COUNT, NONE;

    public String format(double value) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        return switch (this) {
            // Near 100 % one decimal would round 99.95 up to a misleading "100.0 %".
            case PERCENT -> String.format(Locale.ROOT, value > 99 && value < 100 ? "%.2f %%" : "%.1f %%", value);
            case MILLISECONDS -> String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.0f ms" : "%.1f ms", value);
            case COUNT -> String.format(Locale.ROOT, "%.0f", value);
            case NONE -> String.format(Locale.ROOT, "%.4g", value);
        };
    }
}
