package io.cassmon.exporter.exposition;

import java.util.Arrays;

/**
 * The text a series (a histogram) was last written as, and what it was written from, so that a scrape can copy it
 * instead of reading and formatting the series again while nothing changed. Nothing is kept until a sink that writes
 * text keeps it ({@link SampleSink#keep}); the array is reused, grown only, when the series is written again. Scrapes
 * of the two formats may run at once, so it is guarded by itself.
 */
public final class SeriesLines {
    private static final byte[] NONE = new byte[0];

    /** Who wrote the lines: the renderer's owner (its bucket layouts), the format, the common labels. */
    private Object owner;
    private boolean openMetrics;
    private byte[] commonLabels;
    /** The series' state the lines were written from, e.g. a histogram's count and sum counter. */
    private long count;
    private long sum;
    private int samples;
    private byte[] bytes = NONE;
    private int length;

    /**
     * Appends the kept lines to {@code out} when they were written by the same owner, format and common labels from
     * the same {@code count} and {@code sum}; returns their number of samples, or -1 (nothing written) when not.
     */
    synchronized int copyTo(ExpositionBuffer out, Object owner, boolean openMetrics, byte[] commonLabels, long count,
                            long sum) {
        if (owner != this.owner || openMetrics != this.openMetrics || count != this.count || sum != this.sum
                || !Arrays.equals(commonLabels, this.commonLabels)) {
            return -1;
        }
        out.write(bytes, 0, length);
        return samples;
    }

    /** Keeps the {@code samples} lines written to {@code from} since {@code start}, in place of the former ones. */
    synchronized void keep(ExpositionBuffer from, int start, int samples, Object owner, boolean openMetrics,
                           byte[] commonLabels, long count, long sum) {
        int written = from.size() - start;
        if (bytes.length < written) {
            bytes = new byte[written + written / 8];
        }
        from.copyTo(start, bytes, written);
        this.length = written;
        this.samples = samples;
        this.owner = owner;
        this.openMetrics = openMetrics;
        this.commonLabels = commonLabels;
        this.count = count;
        this.sum = sum;
    }
}
