package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes samples straight into exposition text, byte for byte what simpleclient's {@code TextFormat} writes for the
 * same families ({@code ExpositionTest} holds it to that), but without a {@code Sample}, a label list or a string per
 * sample. In the 0.0.4 format, as simpleclient does, {@code _gcount} samples (which that format has no place for)
 * go into gauge families of their own after everything else; call {@link #finish()} at the end.
 *
 * <p>Consecutive samples of one series (a histogram's buckets, count and sum) share their own labels: they are
 * escaped and encoded once and then copied from the line before. What follows them (a bucket bound or quantile, the
 * common labels) is encoded once per scrape.
 */
public final class TextSink implements SampleSink {
    private final ExpositionBuffer out;
    private final boolean openMetrics;
    /** The common labels as written after a sample's own ones (OpenMetrics: with a leading comma), or null. */
    private final byte[] commonLabels;
    /** {@link #tail} of lines without an extra label. */
    private final byte[] tailAfterOwnLabels;
    private final byte[] tailWithoutLabels;
    private final ExtraTails extraTails = new ExtraTails();
    /** 0.0.4 only: the deferred gauge families by name, each with its help and its sample lines. */
    private final Map<String, Deferred> deferred = new TreeMap<>();

    private String family;
    private String familyHelp;
    private List<String> labelNames;
    private int familyStart;
    private int samples;
    private Deferred familyDeferred;
    private int deferredMark;
    private int samplesAtMark;
    /** Where the last series' own labels were written, to copy them for its next sample. */
    private final OwnLabels ownLabels = new OwnLabels();

    /** {@code commonNames}/{@code commonValues}: labels every sample gets after its own, or null for none. */
    public TextSink(ExpositionBuffer out, ExpositionFormat format, List<String> commonNames, List<String> commonValues) {
        this.out = out;
        this.openMetrics = format == ExpositionFormat.OPENMETRICS;
        this.commonLabels = commonValues == null || commonValues.isEmpty() ? null
                : encodeLabels(commonNames, commonValues);
        this.tailAfterOwnLabels = tail(true, null, null);
        this.tailWithoutLabels = tail(false, null, null);
    }

    private byte[] encodeLabels(List<String> names, List<String> values) {
        ExpositionBuffer encoded = new ExpositionBuffer(64);
        for (int i = 0; i < names.size(); i++) {
            writeLabel(encoded, false, names.get(i), values.get(i));
        }
        return encoded.toByteArray();
    }

    @Override
    public void startFamily(String name, Type type, String help, List<String> labelNames) {
        this.family = name;
        this.familyHelp = help;
        this.labelNames = labelNames;
        this.familyStart = out.size();
        this.samples = 0;
        this.familyDeferred = null;
        writeHeader(out, name, "", type, help);
    }

    @Override
    public void sample(Suffix suffix, List<String> labelValues, String extraLabel, String extraValue, double value) {
        ExpositionBuffer target = out;
        if (suffix == Suffix.GAUGE_COUNT && !openMetrics) {
            if (familyDeferred == null) {
                familyDeferred = deferredFamily(family + suffix.text(), familyHelp);
            }
            target = familyDeferred.lines;
        }
        target.writeAscii(family);
        target.writeAscii(suffix.text());
        if (!labelNames.isEmpty() || commonLabels != null) {
            target.write('{');
            if (ownLabels.areAt(target, labelNames, labelValues)) {
                target.copyFrom(ownLabels.start, ownLabels.length);
            } else {
                int start = target.size();
                writeLabels(target, labelNames, labelValues);
                ownLabels.remember(target, labelNames, labelValues, start, target.size() - start);
            }
        }
        writeRest(target, !labelNames.isEmpty(), extraLabel, extraValue, value);
        samples++;
    }

    @Override
    public int mark() {
        deferredMark = familyDeferred == null ? 0 : familyDeferred.lines.size();
        samplesAtMark = samples;
        return out.size();
    }

    /** Marks nest one series deep, which is how the renderers use them. */
    @Override
    public void reset(int mark) {
        ownLabels.forget();
        out.truncate(mark);
        if (familyDeferred != null) {
            familyDeferred.lines.truncate(deferredMark);
        }
    }

    @Override
    public boolean rewrite(SeriesLines kept, Object owner, long[] state, int stateLength) {
        int copied = kept.copyTo(out, owner, openMetrics, commonLabels, state, stateLength);
        if (copied < 0) {
            return false;
        }
        ownLabels.forget();
        samples += copied;
        return true;
    }

    /** Keeps nothing when some of the series' lines went elsewhere (a 0.0.4 {@code _gcount}). */
    @Override
    public void keep(SeriesLines kept, int mark, Object owner, long[] state, int stateLength) {
        if (familyDeferred == null || familyDeferred.lines.size() == deferredMark) {
            kept.keep(out, mark, samples - samplesAtMark, owner, openMetrics, commonLabels, state, stateLength);
        }
    }

    @Override
    public int endFamily() {
        if (samples == 0) {
            ownLabels.forget();
            out.truncate(familyStart);
        }
        return samples;
    }

    @Override
    public void family(MetricFamilySamples family) {
        writeHeader(out, family.name, family.unit, family.type, family.help);
        for (Sample sample : family.samples) {
            ExpositionBuffer target = out;
            if (!openMetrics && isDeferred(sample.name, family.name)) {
                target = deferredFamily(sample.name, family.help).lines;
            }
            writeNameAndLabels(target, sample.name, sample.labelNames, sample.labelValues);
            writeRest(target, !sample.labelNames.isEmpty(), null, null, sample.value);
        }
    }

    /** {@code _created}, {@code _gcount} and {@code _gsum} samples, which 0.0.4 writes as gauge families of their own. */
    private static boolean isDeferred(String sampleName, String familyName) {
        return sampleName.length() > familyName.length() && sampleName.startsWith(familyName)
                && (endsWithAt(sampleName, familyName.length(), "_created")
                || endsWithAt(sampleName, familyName.length(), "_gcount")
                || endsWithAt(sampleName, familyName.length(), "_gsum"));
    }

    private static boolean endsWithAt(String text, int at, String suffix) {
        return text.length() == at + suffix.length() && text.startsWith(suffix, at);
    }

    /** Ends the exposition: the deferred 0.0.4 gauge families, or OpenMetrics' end marker. */
    public void finish() {
        ownLabels.forget();
        if (openMetrics) {
            out.writeAscii("# EOF\n");
            return;
        }
        for (Map.Entry<String, Deferred> entry : deferred.entrySet()) {
            if (entry.getValue().lines.size() > 0) {
                writeHeader(out, entry.getKey(), "", Type.GAUGE, entry.getValue().help);
                out.append(entry.getValue().lines);
            }
        }
        deferred.clear();
    }

    private Deferred deferredFamily(String name, String help) {
        Deferred existing = deferred.get(name);
        if (existing == null) {
            existing = new Deferred(help);
            deferred.put(name, existing);
        }
        return existing;
    }

    private void writeHeader(ExpositionBuffer to, String name, String unit, Type type, String help) {
        if (openMetrics) {
            to.writeAscii("# TYPE ");
            to.writeAscii(name);
            to.write(' ');
            to.writeAscii(openMetricsType(type));
            to.write('\n');
            if (unit != null && !unit.isEmpty()) {
                to.writeAscii("# UNIT ");
                to.writeAscii(name);
                to.write(' ');
                to.writeAscii(unit);
                to.write('\n');
            }
            to.writeAscii("# HELP ");
            to.writeAscii(name);
            to.write(' ');
            to.writeEscaped(help, true);
            to.write('\n');
            return;
        }
        String nameSuffix = type == Type.COUNTER ? "_total" : type == Type.INFO ? "_info" : "";
        to.writeAscii("# HELP ");
        to.writeAscii(name);
        to.writeAscii(nameSuffix);
        to.write(' ');
        to.writeEscaped(help, false);
        to.write('\n');
        to.writeAscii("# TYPE ");
        to.writeAscii(name);
        to.writeAscii(nameSuffix);
        to.write(' ');
        to.writeAscii(textType(type));
        to.write('\n');
    }

    /** {@code name} and, when there are labels, {@code {} and the sample's own labels. */
    private void writeNameAndLabels(ExpositionBuffer to, String name, List<String> names, List<String> values) {
        to.writeAscii(name);
        if (!names.isEmpty() || commonLabels != null) {
            to.write('{');
            writeLabels(to, names, values);
        }
    }

    private void writeLabels(ExpositionBuffer to, List<String> names, List<String> values) {
        for (int i = 0; i < names.size(); i++) {
            writeLabel(to, i == 0, names.get(i), values.get(i));
        }
    }

    /** The rest of a line after its name and own labels: the extra label, the common labels, the value. */
    private void writeRest(ExpositionBuffer to, boolean ownLabels, String extraLabel, String extraValue,
                           double value) {
        byte[] tail = extraLabel == null ? (ownLabels ? tailAfterOwnLabels : tailWithoutLabels)
                : extraTails.get(ownLabels, extraLabel, extraValue);
        to.write(tail, 0, tail.length);
        SampleValues.write(to, value);
        to.write('\n');
    }

    /**
     * What comes between a line's own labels and its value: {@code extraLabel="extraValue"} when not null, the
     * common labels, the closing brace when there are labels, and the space.
     */
    private byte[] tail(boolean ownLabels, String extraLabel, String extraValue) {
        ExpositionBuffer tail = new ExpositionBuffer(64);
        boolean braces = ownLabels || commonLabels != null;
        if (extraLabel != null) {
            if (!braces) {
                tail.write('{');
            }
            writeLabel(tail, !ownLabels, extraLabel, extraValue);
        }
        if (commonLabels != null) {
            // The encoded common labels start with OpenMetrics' separating comma, which the first label goes without.
            int skip = openMetrics && !ownLabels && extraLabel == null ? 1 : 0;
            tail.write(commonLabels, skip, commonLabels.length - skip);
        }
        if (braces || extraLabel != null) {
            tail.write('}');
        }
        tail.write(' ');
        return tail.toByteArray();
    }

    /** simpleclient ends every 0.0.4 label with a comma, and separates OpenMetrics labels with one. */
    private void writeLabel(ExpositionBuffer to, boolean first, String name, String value) {
        if (openMetrics && !first) {
            to.write(',');
        }
        to.writeAscii(name);
        to.write('=');
        to.write('"');
        to.writeEscaped(value, true);
        to.write('"');
        if (!openMetrics) {
            to.write(',');
        }
    }

    private static String textType(Type type) {
        switch (type) {
            case GAUGE:
            case STATE_SET:
            case INFO:
                return "gauge";
            case COUNTER:
                return "counter";
            case SUMMARY:
                return "summary";
            case HISTOGRAM:
            case GAUGE_HISTOGRAM:
                return "histogram";
            default:
                return "untyped";
        }
    }

    private static String openMetricsType(Type type) {
        switch (type) {
            case GAUGE:
                return "gauge";
            case COUNTER:
                return "counter";
            case SUMMARY:
                return "summary";
            case HISTOGRAM:
                return "histogram";
            case GAUGE_HISTOGRAM:
                return "gaugehistogram";
            case STATE_SET:
                return "stateset";
            case INFO:
                return "info";
            default:
                return "unknown";
        }
    }

    /**
     * Where the own labels of the last series were written, in which buffer and for which label names and values.
     * Forgotten whenever written bytes may be taken back, so a copy is always of bytes still in place.
     */
    private static final class OwnLabels {
        ExpositionBuffer buffer;
        List<String> names;
        List<String> values;
        int start;
        int length;

        boolean areAt(ExpositionBuffer target, List<String> names, List<String> values) {
            return buffer == target && this.names == names && this.values == values;
        }

        void remember(ExpositionBuffer target, List<String> names, List<String> values, int start, int length) {
            this.buffer = target;
            this.names = names;
            this.values = values;
            this.start = start;
            this.length = length;
        }

        void forget() {
            buffer = null;
            names = null;
            values = null;
        }
    }

    /**
     * {@link #tail}s of lines with an extra label, by the label value's identity: the few strings that are bucket
     * bounds and quantiles, each written on thousands of lines a scrape.
     */
    private final class ExtraTails {
        private final Map<String, ExtraTail> byValue = new IdentityHashMap<>();

        byte[] get(boolean ownLabels, String label, String value) {
            ExtraTail known = byValue.get(value);
            if (known == null || known.label != label || known.ownLabels != ownLabels) {
                known = new ExtraTail(label, ownLabels, tail(ownLabels, label, value));
                byValue.put(value, known);
            }
            return known.bytes;
        }
    }

    private static final class ExtraTail {
        final String label;
        final boolean ownLabels;
        final byte[] bytes;

        ExtraTail(String label, boolean ownLabels, byte[] bytes) {
            this.label = label;
            this.ownLabels = ownLabels;
            this.bytes = bytes;
        }
    }

    private static final class Deferred {
        final String help;
        final ExpositionBuffer lines = new ExpositionBuffer(256);

        Deferred(String help) {
            this.help = help;
        }
    }
}
