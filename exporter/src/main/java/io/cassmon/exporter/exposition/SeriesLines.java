package io.cassmon.exporter.exposition;

import java.util.Arrays;

/**
 * The text a series was last written as, and the state it was written from (a gauge's value, a histogram's count and
 * sum, a gauge histogram's bucket counts), so that a scrape can copy the text instead of formatting the series again
 * while its state is the same. Nothing is kept until a sink that writes text keeps it ({@link SampleSink#keep}); the
 * arrays are reused, grown only, when the series is written again. Scrapes of the two formats may run at once, so it
 * is guarded by itself.
 */
public final class SeriesLines {
    private static final byte[] NO_BYTES = new byte[0];
    private static final long[] NO_STATE = new long[0];

    /** Who wrote the lines: the renderer's owner (its bucket layouts), the format, the common labels. */
    private Object owner;
    private boolean openMetrics;
    private byte[] commonLabels;
    private long[] state = NO_STATE;
    private int stateLength;
    private int samples;
    private byte[] bytes = NO_BYTES;
    private int length;

    /**
     * Appends the kept lines to {@code out} when they were written by the same owner, format and common labels from
     * the same {@code state[0, stateLength)}; returns their number of samples, or -1 (nothing written) when not.
     */
    synchronized int copyTo(ExpositionBuffer out, Object owner, boolean openMetrics, byte[] commonLabels,
                            long[] state, int stateLength) {
        if (owner != this.owner || openMetrics != this.openMetrics || stateLength != this.stateLength
                || !Arrays.equals(commonLabels, this.commonLabels)) {
            return -1;
        }
        for (int i = 0; i < stateLength; i++) {
            if (state[i] != this.state[i]) {
                return -1;
            }
        }
        out.write(bytes, 0, length);
        return samples;
    }

    /** Keeps the {@code samples} lines written to {@code from} since {@code start}, in place of the former ones. */
    synchronized void keep(ExpositionBuffer from, int start, int samples, Object owner, boolean openMetrics,
                           byte[] commonLabels, long[] state, int stateLength) {
        int written = from.size() - start;
        if (bytes.length < written) {
            bytes = new byte[written + written / 8];
        }
        from.copyTo(start, bytes, written);
        if (this.state.length < stateLength) {
            this.state = new long[stateLength];
        }
        System.arraycopy(state, 0, this.state, 0, stateLength);
        this.stateLength = stateLength;
        this.length = written;
        this.samples = samples;
        this.owner = owner;
        this.openMetrics = openMetrics;
        this.commonLabels = commonLabels;
    }
}
