package io.cassmon.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sample values are written exactly as simpleclient's {@code Collector.doubleToGoString} writes them. */
class SampleValuesTest {
    @Test
    void edgeValues() {
        double[] values = {0.0, -0.0, 1, -1, 9_999_999, 10_000_000, -10_000_000, 12_345_678, 100_000_000, 1e15,
            1e15 + 1, 9007199254740991.0, 9007199254740992.0, 9007199254740993.0, 1e300, -1e-300, 0.1, 0.001,
            1e-4, 2.5e-7, 1.5, 1234567.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_001, 1_010_000_000};
        for (double value : values) {
            assertWritten(value);
        }
    }

    @Test
    void wholeNumbersOfEveryMagnitude() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long bound = 1L << (1 + random.nextInt(54));
            long whole = random.nextLong(bound);
            assertWritten(whole);
            assertWritten(-whole);
            // Trailing zeros, as counters of round numbers have.
            assertWritten(whole / 1000 * 1000);
        }
    }

    @Test
    void fractions() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            assertWritten(random.nextDouble() * Math.pow(10, random.nextInt(-9, 12)));
        }
    }

    private static void assertWritten(double value) {
        ExpositionBuffer out = new ExpositionBuffer(4);
        SampleValues.write(out, value);
        assertEquals(Collector.doubleToGoString(value), new String(out.toByteArray(), StandardCharsets.US_ASCII),
                "value " + value);
    }
}
