package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import io.prometheus.client.Collector.Type;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes samples straight into exposition text, byte for byte what simpleclient's {@code TextFormat} writes for the
 * same families ({@code ExpositionTest} holds it to that), but without a {@code Sample}, a label list or a string per
 * sample. In the 0.0.4 format, as simpleclient does, {@code _gcount} samples (which that format has no place for)
 * go into gauge families of their own after everything else; call {@link #finish()} at the end.
 */
public final class TextSink implements SampleSink {
    private final ExpositionBuffer out;
    private final boolean openMetrics;
    private final List<String> commonNames;
    private final List<String> commonValues;
    /** 0.0.4 only: the deferred gauge families by name, each with its help and its sample lines. */
    private final Map<String, Deferred> deferred = new TreeMap<>();

    private String family;
    private String familyHelp;
    private List<String> labelNames;
    private int familyStart;
    private int samples;
    private Deferred familyDeferred;
    private int deferredMark;

    /** {@code commonNames}/{@code commonValues}: labels every sample gets after its own, or null for none. */
    public TextSink(ExpositionBuffer out, ExpositionFormat format, List<String> commonNames, List<String> commonValues) {
        this.out = out;
        this.openMetrics = format == ExpositionFormat.OPENMETRICS;
        this.commonNames = commonValues == null || commonValues.isEmpty() ? null : commonNames;
        this.commonValues = commonValues;
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
        writeSample(target, family, suffix.text(), labelNames, labelValues, extraLabel, extraValue, value);
        samples++;
    }

    @Override
    public int mark() {
        deferredMark = familyDeferred == null ? 0 : familyDeferred.lines.size();
        return out.size();
    }

    /** Marks nest one series deep, which is how the renderers use them. */
    @Override
    public void reset(int mark) {
        out.truncate(mark);
        if (familyDeferred != null) {
            familyDeferred.lines.truncate(deferredMark);
        }
    }

    @Override
    public int endFamily() {
        if (samples == 0) {
            out.truncate(familyStart);
        }
        return samples;
    }

    @Override
    public void family(MetricFamilySamples family) {
        writeHeader(out, family.name, family.unit, family.type, family.help);
        String created = family.name + "_created";
        String gaugeCount = family.name + "_gcount";
        String gaugeSum = family.name + "_gsum";
        for (Sample sample : family.samples) {
            ExpositionBuffer target = out;
            if (!openMetrics && (sample.name.equals(created) || sample.name.equals(gaugeCount)
                    || sample.name.equals(gaugeSum))) {
                target = deferredFamily(sample.name, family.help).lines;
            }
            writeSample(target, sample.name, "", sample.labelNames, sample.labelValues, null, null, sample.value);
        }
    }

    /** Writes the deferred 0.0.4 gauge families. */
    public void finish() {
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

    private void writeSample(ExpositionBuffer to, String name, String suffix, List<String> names, List<String> values,
                             String extraLabel, String extraValue, double value) {
        to.writeAscii(name);
        to.writeAscii(suffix);
        if (!names.isEmpty() || extraLabel != null || commonNames != null) {
            to.write('{');
            boolean first = true;
            for (int i = 0; i < names.size(); i++) {
                first = writeLabel(to, first, names.get(i), values.get(i));
            }
            if (extraLabel != null) {
                first = writeLabel(to, first, extraLabel, extraValue);
            }
            if (commonNames != null) {
                for (int i = 0; i < commonNames.size(); i++) {
                    first = writeLabel(to, first, commonNames.get(i), commonValues.get(i));
                }
            }
            to.write('}');
        }
        to.write(' ');
        SampleValues.write(to, value);
        to.write('\n');
    }

    /** simpleclient ends every 0.0.4 label with a comma, and separates OpenMetrics labels with one. */
    private boolean writeLabel(ExpositionBuffer to, boolean first, String name, String value) {
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
        return false;
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

    private static final class Deferred {
        final String help;
        final ExpositionBuffer lines = new ExpositionBuffer(256);

        Deferred(String help) {
            this.help = help;
        }
    }
}
