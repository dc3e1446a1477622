package io.cassmon.exporter.jvm;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.Suffix;
import io.prometheus.client.Collector.Type;
import java.util.Collections;
import java.util.List;

/** Families of one unlabelled sample, written into a {@link SampleSink} as simpleclient's would be. */
final class OneSample {
    private static final List<String> NONE = Collections.emptyList();

    private OneSample() {
    }

    static void gauge(SampleSink sink, String name, String help, double value) {
        sink.startFamily(name, Type.GAUGE, help, NONE);
        sink.sample(Suffix.NONE, NONE, null, null, value);
        sink.endFamily();
    }

    /** {@code name} without its {@code _total}, as simpleclient names a counter family. */
    static void counter(SampleSink sink, String name, String help, double value) {
        sink.startFamily(name, Type.COUNTER, help, NONE);
        sink.sample(Suffix.TOTAL, NONE, null, null, value);
        sink.endFamily();
    }
}
