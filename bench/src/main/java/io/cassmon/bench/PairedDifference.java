package io.cassmon.bench;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The mean of paired relative differences, {@code (treated / control − 1) × 100 %} for each pair, with its 95 %
 * confidence interval from Student's t over the pairs ({@code n − 1} degrees of freedom), and the verdict of such an
 * interval against a limit. Pairs measured close together cancel drift that spans a pair; the interval says how far
 * the remaining noise lets the mean be trusted.
 */
record PairedDifference(int pairs, double meanPercent, double lowPercent, double highPercent) {
    /**
     * Two-sided 95 % quantiles of Student's t ({@code t(0.975)}) for 1 to 30 degrees of freedom, to three decimals
     * (within 0.03 %); above 30 {@link #t975} uses the Cornish–Fisher expansion around the normal quantile.
     */
    private static final double[] T975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    };
    /** The standard normal's 0.975 quantile. */
    private static final double Z975 = 1.959963984540054;

    /** The paired differences of {@code treated[i]} against {@code control[i]}; fewer than 2 pairs give a NaN interval. */
    static PairedDifference of(double[] treated, double[] control) {
        if (treated.length != control.length) {
            throw new IllegalArgumentException(treated.length + " treated values but " + control.length + " controls");
        }
        int n = treated.length;
        double[] d = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            d[i] = (treated[i] / control[i] - 1) * 100;
            sum += d[i];
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        if (n < 2) {
            return new PairedDifference(n, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double x : d) {
            squares += (x - mean) * (x - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double half = t975(n - 1) * standardError;
        return new PairedDifference(n, mean, mean - half, mean + half);
    }

    /** Student's t 0.975 quantile for {@code df} degrees of freedom (a table to 30, then Cornish–Fisher, within 0.03 %). */
    static double t975(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + df);
        }
        if (df <= T975.length) {
            return T975[df - 1];
        }
        double z = Z975;
        double z3 = z * z * z;
        double z5 = z3 * z * z;
        double z7 = z5 * z * z;
        return z + (z3 + z) / (4.0 * df)
                + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
                + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
    }

    /**
     * The verdict on a drop (the cost is {@code −difference}, as for throughput) against {@code limitPercent}:
     * within when the whole interval of the cost lies below the limit, exceeds when it lies wholly above, otherwise
     * (or without an interval) not resolved.
     */
    Verdict dropVerdict(double limitPercent) {
        double costLow = -highPercent;
        double costHigh = -lowPercent;
        if (Double.isNaN(costLow) || Double.isNaN(costHigh)) {
            return Verdict.NOT_RESOLVED;
        }
        if (costHigh < limitPercent) {
            return Verdict.WITHIN;
        }
        if (costLow > limitPercent) {
            return Verdict.EXCEEDS;
        }
        return Verdict.NOT_RESOLVED;
    }

    /** {@code −0.42 % (95 % CI −1.20 % to +0.36 %)}. */
    String text() {
        if (Double.isNaN(lowPercent)) {
            return String.format(Locale.ROOT, "%+.2f %% (no interval from %d pair%s)", meanPercent, pairs,
                    pairs == 1 ? "" : "s");
        }
        return String.format(Locale.ROOT, "%+.2f %% (95 %% CI %+.2f %% to %+.2f %%)", meanPercent, lowPercent,
                highPercent);
    }

    /** Where an interval of cost lies against a limit. */
    enum Verdict {
        WITHIN,
        EXCEEDS,
        NOT_RESOLVED;

        /** {@code within 1 %}, {@code exceeds 1 %} or {@code not resolved}. */
        String text(double limitPercent) {
            String limit = new BigDecimal(Double.toString(limitPercent)).stripTrailingZeros().toPlainString() + " %";
            switch (this) {
                case WITHIN:
                    return "within " + limit;
                case EXCEEDS:
                    return "exceeds " + limit;
                default:
                    return "not resolved";
            }
        }
    }
}
