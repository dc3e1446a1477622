package io.cassmon.bench.jmh;

import com.codahale.metrics.MetricRegistry;
import io.cassmon.exporter.cassandra.CassandraNaming;
import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.cassandra.SyntheticCassandraRegistry;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.registry.RegistryIndex;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * sink (a reused {@link ByteArrayOutputStream}, as simpleclient's HTTPServer uses before sending).
 * <ul>
 *   <li>{@code scrape}: what cassmon's {@code /metrics} does today: collect, then {@link TextFormat#write004} into an
 *       unbuffered {@link OutputStreamWriter} over the sink (simpleclient_httpserver 0.16.0's handler);</li>
 *   <li>{@code scrapeBuffered}: the same with a {@link BufferedWriter} between them (same bytes);</li>
 *   <li>{@code collect}: only the registry walk to {@code MetricFamilySamples};</li>
 *   <li>{@code write}: only the serialisation of precollected samples, unbuffered as in {@code scrape};</li>
 *   <li>{@code copy}: the limit, {@code sink.write(precomputedBytes)}.</li>
 * </ul>
 * Table families only (N tables × the catalog's table rows at defaults), on the exporter tests' reservoir stand-in.
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
    private List<MetricFamilySamples> collected;
    private byte[] precomputed;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);

    @Setup
    public void setUp() throws IOException {
        Log.useSink((level, message, cause) -> { });
        MetricRegistry registry = SyntheticCassandraRegistry.tables("bench", tables);
        CatalogConfig config = CatalogConfig.defaults();
        RegistryIndex index = new RegistryIndex(new CassandraNaming(config));
        index.follow(registry);
        prometheus = new CollectorRegistry();
        prometheus.register(new RegistryCollector(() -> Collections.singletonList(index), config.buckets()));
        collected = Collections.list(prometheus.metricFamilySamples());
        precomputed = scrape().toByteArray();
        int samples = 0;
        for (MetricFamilySamples family : collected) {
            samples += family.samples.size();
        }
        System.out.printf("%n%d tables: %d samples, %d bytes per scrape%n", tables, samples, precomputed.length);
    }

    @Benchmark
    public ByteArrayOutputStream scrape() throws IOException {
        sink.reset();
        Writer writer = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
        TextFormat.write004(writer, prometheus.metricFamilySamples());
        writer.close();
        return sink;
    }

    @Benchmark
    public ByteArrayOutputStream scrapeBuffered() throws IOException {
        sink.reset();
        Writer writer = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
        TextFormat.write004(writer, prometheus.metricFamilySamples());
        writer.close();
        return sink;
    }

    @Benchmark
    public List<MetricFamilySamples> collect() {
        return Collections.list(prometheus.metricFamilySamples());
    }

    @Benchmark
    public ByteArrayOutputStream write() throws IOException {
        sink.reset();
        Writer writer = new OutputStreamWriter(sink, StandardCharsets.UTF_8);
        TextFormat.write004(writer, Collections.enumeration(collected));
        writer.close();
        return sink;
    }

    @Benchmark
    public ByteArrayOutputStream copy() {
        sink.reset();
        sink.write(precomputed, 0, precomputed.length);
        return sink;
    }
}
