package io.cassmon.exporter.mapping;

/** What one scrape read; each scrape has its own, so concurrent scrapes do not mix their counts. */
final class ScrapeStats {
    int samples;
    int nonNumericGauges;
    int failedMetrics;
    /** Series written from the text kept at the last scrape. */
    int reusedSeries;
}
