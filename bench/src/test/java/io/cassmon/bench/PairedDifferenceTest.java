package io.cassmon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.bench.PairedDifference.Verdict;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    private static final double[] HUNDREDS = {100, 100, 100, 100, 100};

    @Test
    void meanAndIntervalOfFivePairsAreTheHandComputedStudentT() {
        // Differences -1, -2, 0, -1, -2 %: mean -1.2, s = sqrt(2.8 / 4), se = s / sqrt(5), t(4) = 2.776.
        PairedDifference d = PairedDifference.of(new double[] {99, 98, 100, 99, 98}, HUNDREDS);
        double half = 2.776 * Math.sqrt(2.8 / 4) / Math.sqrt(5);
        assertEquals(5, d.pairs());
        assertEquals(-1.2, d.meanPercent(), 1e-12);
        assertEquals(-1.2 - half, d.lowPercent(), 1e-12);
        assertEquals(-1.2 + half, d.highPercent(), 1e-12);
        assertEquals("-1.20 % (95 % CI -2.24 % to -0.16 %)", d.text());
    }

    @Test
    void differencesAreRelativeToEachPairsOwnControl() {
        // Throughput drifting from 1,000 to 4,000 ops/s; scraped is 2 % lower in every pair.
        PairedDifference d = PairedDifference.of(new double[] {980, 1960, 2940, 3920}, new double[] {1000, 2000, 3000, 4000});
        assertEquals(-2.0, d.meanPercent(), 1e-9);
        assertEquals(-2.0, d.lowPercent(), 1e-9);
        assertEquals(-2.0, d.highPercent(), 1e-9);
    }

    @Test
    void tQuantilesMatchStudentsDistribution() {
        // Reference values of t(0.975) to 4 decimals.
        double[][] reference = {{1, 12.7062}, {4, 2.7764}, {5, 2.5706}, {19, 2.0930}, {29, 2.0452}, {30, 2.0423},
            {31, 2.0395}, {40, 2.0211}, {60, 2.0003}, {120, 1.9799}, {1000, 1.9623}};
        for (double[] r : reference) {
            double t = PairedDifference.t975((int) r[0]);
            assertTrue(Math.abs(t / r[1] - 1) < 3e-4, "df " + (int) r[0] + ": " + t + " against " + r[1]);
        }
        assertEquals(1.95996, PairedDifference.t975(Integer.MAX_VALUE), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> PairedDifference.t975(0));
    }

    @Test
    void costWhoseWholeIntervalIsBelowTheLimitIsWithin() {
        // Cost 0.2 %, interval 0.11 % to 0.29 %.
        PairedDifference d = PairedDifference.of(new double[] {99.7, 99.8, 99.9, 99.8, 99.8}, HUNDREDS);
        assertTrue(-d.lowPercent() < 1);
        assertEquals(Verdict.WITHIN, d.dropVerdict(1));
    }

    @Test
    void gainIsWithinTheLimit() {
        PairedDifference d = PairedDifference.of(new double[] {102, 102.5, 101.5, 102, 102}, HUNDREDS);
        assertEquals(Verdict.WITHIN, d.dropVerdict(1));
    }

    @Test
    void costWhoseWholeIntervalIsAboveTheLimitExceedsIt() {
        PairedDifference d = PairedDifference.of(new double[] {97, 96.5, 97.5, 97, 97}, HUNDREDS);
        assertEquals(Verdict.EXCEEDS, d.dropVerdict(1));
    }

    @Test
    void intervalAcrossTheLimitIsNotResolved() {
        // Cost interval 0.16 % to 2.24 %.
        PairedDifference d = PairedDifference.of(new double[] {99, 98, 100, 99, 98}, HUNDREDS);
        assertEquals(Verdict.NOT_RESOLVED, d.dropVerdict(1));
        // The same mean with a tight interval is resolved.
        assertEquals(Verdict.EXCEEDS, PairedDifference.of(new double[] {98.8, 98.8, 98.8}, new double[] {100, 100, 100})
                .dropVerdict(1));
    }

    @Test
    void intervalEndingExactlyAtTheLimitIsNotResolved() {
        // Every pair costs exactly 25 % (3 / 4, exact in binary): the interval is [25, 25], neither below nor above.
        PairedDifference d = PairedDifference.of(new double[] {3, 3, 3}, new double[] {4, 4, 4});
        assertEquals(25, -d.lowPercent());
        assertEquals(Verdict.NOT_RESOLVED, d.dropVerdict(25));
    }

    @Test
    void onePairHasNoIntervalAndNoVerdict() {
        PairedDifference d = PairedDifference.of(new double[] {90}, new double[] {100});
        assertEquals(-10, d.meanPercent(), 1e-9);
        assertTrue(Double.isNaN(d.lowPercent()) && Double.isNaN(d.highPercent()));
        assertEquals(Verdict.NOT_RESOLVED, d.dropVerdict(1));
        assertEquals("-10.00 % (no interval from 1 pair)", d.text());
    }

    @Test
    void unpairedArraysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedDifference.of(new double[] {1, 2}, new double[] {1}));
        assertEquals("2 treated values but 1 controls", e.getMessage());
    }

    @Test
    void verdictsReadAsTheReportPrintsThem() {
        assertEquals("within 1 %", Verdict.WITHIN.text(1));
        assertEquals("exceeds 0.5 %", Verdict.EXCEEDS.text(0.5));
        assertEquals("not resolved", Verdict.NOT_RESOLVED.text(1));
        PairedDifference d = PairedDifference.of(new double[] {99, 98, 100, 99, 98}, HUNDREDS);
        assertEquals("not resolved (throughput cost of 1 s scrapes +1.20 %, 95 % CI +0.16 % to +2.24 %)",
                WorkloadPhases.verdict(d));
        assertEquals("within 1 % (throughput cost of 1 s scrapes +0.20 %, 95 % CI +0.11 % to +0.29 %)",
                WorkloadPhases.verdict(PairedDifference.of(new double[] {99.7, 99.8, 99.9, 99.8, 99.8}, HUNDREDS)));
    }
}
