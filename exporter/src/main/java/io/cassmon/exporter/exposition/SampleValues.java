package io.cassmon.exporter.exposition;

/**
 * Writes a sample value exactly as simpleclient does ({@code Collector.doubleToGoString}: {@code +Inf}, {@code -Inf},
 * {@code NaN}, else {@link Double#toString(double)}), without building a string for whole numbers below 2^53, which
 * are nearly every sample: counts, bucket counts, bytes.
 */
final class SampleValues {
    /** Double.toString switches to computerized scientific notation from 10^7 on. */
    private static final double PLAIN_LIMIT = 1e7;
    /** Every whole number below 2^53 is a double whose shortest decimal form is its own digits. */
    private static final double EXACT_LIMIT = 9007199254740992.0;

    private SampleValues() {
    }

    static void write(ExpositionBuffer out, double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= EXACT_LIMIT || value != Math.rint(value)) {
            writeString(out, value);
            return;
        }
        long whole = (long) value;
        if (whole == 0) {
            out.writeAscii(Double.doubleToRawLongBits(value) == 0 ? "0.0" : "-0.0");
        } else if (magnitude < PLAIN_LIMIT) {
            out.writeLong(whole);
            out.writeAscii(".0");
        } else {
            writeScientific(out, whole);
        }
    }

    private static void writeString(ExpositionBuffer out, double value) {
        if (value == Double.POSITIVE_INFINITY) {
            out.writeAscii("+Inf");
        } else if (value == Double.NEGATIVE_INFINITY) {
            out.writeAscii("-Inf");
        } else {
            out.writeAscii(Double.toString(value));
        }
    }

    /** d.ddddE<exponent>, trailing zeros of the digits dropped but one digit always after the point. */
    private static void writeScientific(ExpositionBuffer out, long whole) {
        if (whole < 0) {
            out.write('-');
            whole = -whole;
        }
        int exponent = ExpositionBuffer.digits(whole) - 1;
        long mantissa = whole;
        int kept = exponent + 1;
        while (mantissa % 10 == 0) {
            mantissa /= 10;
            kept--;
        }
        long divisor = 1;
        for (int i = 1; i < kept; i++) {
            divisor *= 10;
        }
        out.writeLong(mantissa / divisor);
        out.write('.');
        if (kept == 1) {
            out.write('0');
        } else {
            long rest = mantissa % divisor;
            // rest has kept - 1 digits, some of them leading zeros.
            for (int i = ExpositionBuffer.digits(rest); i < kept - 1; i++) {
                out.write('0');
            }
            out.writeLong(rest);
        }
        out.write('E');
        out.writeLong(exponent);
    }
}
