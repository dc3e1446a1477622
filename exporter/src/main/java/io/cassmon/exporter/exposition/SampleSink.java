package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.Type;
import java.util.List;

/**
 * Where a collector puts its samples: straight into exposition text ({@link TextSink}) or into simpleclient's
 * {@link MetricFamilySamples} ({@link SampleListSink}). A family's samples come between {@link #startFamily} and
 * {@link #endFamily}; a family that got none is left out.
 */
public interface SampleSink {
    void startFamily(String name, Type type, String help, List<String> labelNames);

    /**
     * One sample of the current family: its name is the family's plus {@code suffix}, its labels the family's with
     * {@code labelValues}, then {@code extraLabel="extraValue"} when {@code extraLabel} is not null. A series passes
     * the same {@code labelValues} list for each of its samples, and the list does not change while it is written
     * (a sink may keep what it made of the list for the series' next sample).
     */
    void sample(Suffix suffix, List<String> labelValues, String extraLabel, String extraValue, double value);

    /** A position to go back to with {@link #reset(int)}, dropping the samples written since. */
    int mark();

    void reset(int mark);

    /**
     * Writes again the lines of a series that {@code kept} holds, when this kind of sink kept them (same format and
     * common labels) for the same {@code owner} and {@code state[0, stateLength)}; false, nothing written, when not.
     */
    boolean rewrite(SeriesLines kept, Object owner, long[] state, int stateLength);

    /**
     * Keeps in {@code kept} the lines of the series written since {@code mark}, as written by {@code owner} from
     * {@code state[0, stateLength)}, for {@link #rewrite}; a sink that writes no text keeps nothing.
     */
    void keep(SeriesLines kept, int mark, Object owner, long[] state, int stateLength);

    /** Ends the current family; returns its number of samples. */
    int endFamily();

    /** A family built by simpleclient code (cassmon's own metrics, JVM collectors). */
    void family(MetricFamilySamples family);
}
