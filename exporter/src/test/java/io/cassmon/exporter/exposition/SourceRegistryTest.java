package io.cassmon.exporter.exposition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SourceRegistryTest {
    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void sampleSourcesWriteDirectlyAndEveryCollectorInTheOrderRegistered(ExpositionFormat format) throws IOException {
        SourceRegistry registry = new SourceRegistry();
        registry.register(new Plain("test_first"));
        registry.register(new Direct("test_second"));
        registry.register(new Plain("test_third"));

        SampleSource expected = sink -> {
            sink.family(new Plain("test_first").collect().get(0));
            new Direct("test_second").writeTo(sink);
            sink.family(new Plain("test_third").collect().get(0));
        };
        assertEquals(Expositions.simpleclient(expected, format, Expositions.TOPOLOGY), write(registry, format));
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void anUnregisteredCollectorIsNoLongerWritten(ExpositionFormat format) throws IOException {
        SourceRegistry registry = new SourceRegistry();
        Direct gone = new Direct("test_gone");
        registry.register(gone);
        registry.register(new Plain("test_kept"));
        registry.unregister(gone);

        SampleSource expected = sink -> sink.family(new Plain("test_kept").collect().get(0));
        assertEquals(Expositions.simpleclient(expected, format, Expositions.TOPOLOGY), write(registry, format));
    }

    private static String write(SourceRegistry registry, ExpositionFormat format) throws IOException {
        ExpositionBuffer out = new ExpositionBuffer(16);
        new Exposition(Collections.<SampleSource>emptyList(), registry, Expositions.TOPOLOGY).write(format, out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static final class Plain extends Collector {
        private final String name;

        Plain(String name) {
            this.name = name;
        }

        @Override
        public List<MetricFamilySamples> collect() {
            GaugeMetricFamily family = new GaugeMetricFamily(name, "A plain collector.", Arrays.asList("kind"));
            family.addMetric(Collections.singletonList("plain"), 1);
            return Collections.<MetricFamilySamples>singletonList(family);
        }
    }

    /** Its collect() fails the test: the full exposition must have it write directly. */
    private static final class Direct extends Collector implements SampleSource {
        private final String name;

        Direct(String name) {
            this.name = name;
        }

        @Override
        public void writeTo(SampleSink sink) {
            sink.startFamily(name, Type.COUNTER, "A direct collector.", Collections.singletonList("kind"));
            sink.sample(Suffix.TOTAL, Collections.singletonList("direct"), null, null, 2.5);
            sink.endFamily();
        }

        @Override
        public List<MetricFamilySamples> collect() {
            throw new AssertionError("collect() called instead of writeTo()");
        }
    }
}
