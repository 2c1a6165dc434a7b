package dev.coalmine.core.judge;

import java.util.Locale;

/** How a metric's values read to a person. */
public enum MetricUnit {
    PERCENT, MILLISECONDS, COUNT, NONE;

    private static final int MORE_DECIMALS = 4;

    public String format(double value) {
        return format(value, decimals(value));
    }

    /**
     * {@code value} written with as many decimals as it takes to tell it from {@code reference} (up to four more than
     * usual), so that a comparison never reads "99.0 % is below the minimum 99.0 %". {@link #NONE} keeps its
     * significant digits.
     */
    public String formatApart(double value, double reference) {
        return format(value, decimalsApart(value, reference));
    }

    /** The decimals both figures of a comparison are written with, so they can be told apart. */
    public int decimalsApart(double value, double reference) {
        int decimals = Math.max(decimals(value), decimals(reference));
        if (this == NONE || !Double.isFinite(value) || !Double.isFinite(reference) || value == reference) {
            return decimals;
        }
        int most = decimals + MORE_DECIMALS;
        while (decimals < most && format(value, decimals).equals(format(reference, decimals))) {
            decimals++;
        }
        return decimals;
    }

    /** A limit as people set it: no trailing zeros ("99 %", "99.5 %", "500 ms"). */
    public String formatPlain(double value) {
        if (!Double.isFinite(value) || this == NONE) {
            return format(value);
        }
        int decimals = 0;
        while (decimals < MORE_DECIMALS && Math.abs(value * Math.pow(10, decimals) - Math.rint(value * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        return format(value, decimals);
    }

    /** {@code value} with exactly {@code decimals} decimals (significant digits for {@link #NONE}). */
    public String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return "no value";
        }
        return switch (this) {
            case PERCENT -> String.format(Locale.ROOT, "%." + decimals + "f %%", value);
            case MILLISECONDS -> String.format(Locale.ROOT, "%." + decimals + "f ms", value);
            case COUNT -> String.format(Locale.ROOT, "%." + decimals + "f", value);
            case NONE -> String.format(Locale.ROOT, "%.4g", value);
        };
    }

    private int decimals(double value) {
        return switch (this) {
            // Near 100 % one decimal would round 99.95 up to a misleading "100.0 %".
            case PERCENT -> value > 99 && value < 100 ? 2 : 1;
            case MILLISECONDS -> Math.abs(value) >= 10 ? 0 : 1;
            case COUNT, NONE -> 0;
        };
    }
}
