package io.cassmon.bench.jmh;

import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.cassandra.CassandraNaming;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.cassandra.SyntheticCassandraRegistry;
import io.cassmon.exporter.exposition.CommonLabels;
import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.exposition.ExpositionBuffer;
import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.SampleSource;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.histogram.ReservoirBuckets;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.RegistryIndex;
import io.cassmon.exporter.registry.Shape;
import io.cassmon.exporter.registry.TrackedMetric;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exposition path, registry to bytes, against its limit: writing the same, precomputed output bytes to the same
 * sink (a reused {@link ByteArrayOutputStream}, standing for the response stream).
 * <ul>
 *   <li>{@code scrape}: what cassmon's {@code /metrics} does: {@link Exposition#write} of the registry into a reused
 *       {@link ExpositionBuffer} (text 0.0.4), then the buffer to the sink. Nothing changes between two scrapes here,
 *       so every histogram is written from the text kept at the last one (as on a node whose tables are idle);</li>
 *   <li>{@code scrapeOpenMetrics}: the same in OpenMetrics, the format Prometheus asks for first;</li>
 *   <li>{@code scrapeAllChanged}: {@code scrape} after one update of every histogram (outside the measured time),
 *       so each is read and written again, as on a node where every table was used since the last scrape;</li>
 *   <li>{@code simpleclient}: the former path, for comparison: collect {@code MetricFamilySamples}, then
 *       {@link TextFormat#write004} through a {@link BufferedWriter} into the sink;</li>
 *   <li>{@code copy}: the limit, {@code sink.write(precomputedBytes)};</li>
 *   <li>{@code readBuckets}: only reading every histogram's bucket counts as the scrape reads them, nothing written:
 *       what no exposition of these histograms can go below;</li>
 *   <li>{@code readValues}: only reading every series' current value as {@code scrape} reads it (a gauge's value, a
 *       counter's count, a histogram's count and sum counter, a gauge histogram's counts), nothing written: what no
 *       exposition of these series, however it reuses text, can go below.</li>
 * </ul>
 * Table families only (N tables × the catalog's table rows at defaults), on the exporter tests' reservoir stand-in
 * (striped bucket counts, as Cassandra 4.0+ keeps them).
 * Run: {@code ./bench/run.sh jmh ExpositionBenchmark -prof gc} (allocation per operation in gc.alloc.rate.norm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExpositionBenchmark {
    @Param({"200", "1000"})
    public int tables;

    private CollectorRegistry prometheus;
    private RegistryIndex index;
    private Exposition exposition;
    private final ExpositionBuffer buffer = new ExpositionBuffer(1 << 20);
    private byte[] precomputed;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
    private final List<TrackedMetric> histograms = new ArrayList<>();
    private final long[] bucketCounts = new long[ReservoirBuckets.MAX_VALUES];

    @Setup
    public void setUp() throws IOException {
        Log.useSink((level, message, cause) -> { });
        MetricRegistry registry = SyntheticCassandraRegistry.tables("bench", tables);
        CatalogConfig config = CatalogConfig.defaults();
        index = new RegistryIndex(new CassandraNaming(config));
        index.follow(registry);
        RegistryCollector collector = new RegistryCollector(() -> Collections.singletonList(index), config.buckets());
        exposition = new Exposition(Collections.<SampleSource>singletonList(collector), new CollectorRegistry(),
                CommonLabels.NONE);
        prometheus = new CollectorRegistry();
        prometheus.register(collector);
        precomputed = scrape().toByteArray();
        for (Family family : index.families()) {
            if (family.shape() == Shape.HISTOGRAM) {
                histograms.addAll(family.series());
            }
        }
        int samples = 0;
        for (MetricFamilySamples family : collector.collect()) {
            samples += family.samples.size();
        }
        System.out.printf("%n%d tables: %d samples, %d bytes per scrape%n", tables, samples, precomputed.length);
    }

    @Benchmark
    public ByteArrayOutputStream scrape() throws IOException {
        return scrape(ExpositionFormat.TEXT_004);
    }

    @Benchmark
    public ByteArrayOutputStream scrapeOpenMetrics() throws IOException {
        return scrape(ExpositionFormat.OPENMETRICS);
    }

    private ByteArrayOutputStream scrape(ExpositionFormat format) throws IOException {
        buffer.reset();
        exposition.write(format, buffer);
        sink.reset();
        buffer.writeTo(sink);
        return sink;
    }

    @Benchmark
    public ByteArrayOutputStream scrapeAllChanged(EveryHistogramUpdated updated) throws IOException {
        return scrape(ExpositionFormat.TEXT_004);
    }

    /** Before each call: one more value in every histogram, so its count differs from the last scrape's. */
    @State(Scope.Thread)
    public static class EveryHistogramUpdated {
        @Setup(Level.Invocation)
        public void update(ExpositionBenchmark benchmark) {
            for (TrackedMetric histogram : benchmark.histograms) {
                Metric metric = histogram.metric();
                if (metric instanceof Timer) {
                    ((Timer) metric).update(700, TimeUnit.MICROSECONDS);
                } else {
                    ((Histogram) metric).update(3);
                }
            }
        }
    }

    @Benchmark
    public ByteArrayOutputStream simpleclient() throws IOException {
        sink.reset();
        Writer writer = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
        TextFormat.write004(writer, prometheus.metricFamilySamples());
        writer.close();
        return sink;
    }

    @Benchmark
    public long readBuckets() {
        long total = 0;
        for (TrackedMetric histogram : histograms) {
            int length = histogram.buckets().read(bucketCounts);
            total += bucketCounts[length - 1];
        }
        return total;
    }

    @Benchmark
    public long readValues() {
        long total = 0;
        for (Family family : index.families()) {
            for (TrackedMetric series : family.series()) {
                total += readValue(series);
            }
        }
        return total;
    }

    private long readValue(TrackedMetric series) {
        Metric metric = series.metric();
        switch (series.id().rendering().shape()) {
            case HISTOGRAM:
                String sumName = series.id().rendering().sumMetric();
                Metric sum = sumName == null ? null : index.lookup(sumName);
                return ((Counting) metric).getCount() + (sum instanceof Counting ? ((Counting) sum).getCount() : 0);
            case GAUGE_HISTOGRAM:
                return ((long[]) ((Gauge<?>) metric).getValue()).length;
            default:
                if (metric instanceof Counting) {
                    return ((Counting) metric).getCount();
                }
                Object value = ((Gauge<?>) metric).getValue();
                return value instanceof Number ? ((Number) value).longValue() : 0;
        }
    }

    @Benchmark
    public ByteArrayOutputStream copy() {
        sink.reset();
        sink.write(precomputed, 0, precomputed.length);
        return sink;
    }
}
