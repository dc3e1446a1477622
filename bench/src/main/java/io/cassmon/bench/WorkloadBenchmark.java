package io.cassmon.bench;

import io.cassmon.agent.it.CassandraNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Workload overhead: what cassmon costs Cassandra's throughput and latency under a fixed {@link Workload} (prepared
 * single-partition INSERTs and SELECTs, 50/50, on 10 of the N prepared tables, a fixed number of requests in flight,
 * closed loop). Two designs, chosen with {@code cassmon.bench.workload.mode}:
 *
 * <ul>
 *   <li>{@code phases} (default, {@link WorkloadPhases}): one node with the cassmon agent, a warm-up, then pairs of
 *       short phases of the same continuous workload, "scraped" ({@code /metrics} every second) and "not scraped",
 *       in ABBA order so that drift (JIT, compaction, page cache) cancels; the mean paired difference with a 95 %
 *       confidence interval, and whether it resolves 1 %. It measures the <em>cost of scraping</em>: collection and
 *       exposition on Cassandra's heap and CPU (and, on this machine, the scraper receiving the response on the same
 *       cores). It does not measure the agent's <em>passive</em> cost with no scrapes, present in both phases.</li>
 *   <li>{@code nodes} ({@link WorkloadNodes}): a fresh node without an agent against a fresh one with cassmon
 *       scraped every second, in alternating order over rounds. It includes the passive cost, but fresh nodes differ
 *       by 20–40 % in throughput from boot to boot, so it cannot resolve a few per cent.</li>
 * </ul>
 *
 * <p>Argument: tables (default 200). System properties: {@code cassmon.bench.workload.mode} ({@code phases}),
 * {@code cassmon.bench.workload.warmup} (60 s for phases, 20 s for nodes), {@code cassmon.bench.workload.concurrency}
 * (16), {@code cassmon.bench.version} (5.0.9); for phases {@code cassmon.bench.workload.pairs} (20) and
 * {@code cassmon.bench.workload.phase.seconds} (15); for nodes {@code cassmon.bench.workload.seconds} (60, measured)
 * and {@code cassmon.bench.workload.rounds} (2).
 */
public final class WorkloadBenchmark {
    private WorkloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("cassmon.bench.workload.mode", "phases").trim().toLowerCase();
        if (!mode.equals("phases") && !mode.equals("nodes")) {
            throw new IllegalArgumentException("-Dcassmon.bench.workload.mode=" + mode + ": expected phases or nodes");
        }
        Settings settings = new Settings(System.getProperty("cassmon.bench.version", "5.0.9"),
                args.length > 0 ? Integer.parseInt(args[0]) : 200,
                Integer.getInteger("cassmon.bench.workload.concurrency", 16),
                Integer.getInteger("cassmon.bench.workload.warmup", mode.equals("phases") ? 60 : 20));
        if (settings.tables < Workload.HOT_TABLES) {
            throw new IllegalArgumentException("the workload needs at least " + Workload.HOT_TABLES + " tables");
        }
        WorkloadPhases phases = mode.equals("phases") ? WorkloadPhases.fromSystemProperties(settings) : null;
        WorkloadNodes nodes = mode.equals("nodes") ? WorkloadNodes.fromSystemProperties(settings) : null;
        Watchdog.start(phases != null ? phases.timeoutMinutes() : nodes.timeoutMinutes());
        Exporter.Paths paths = Exporter.Paths.fromSystemProperties();
        Path data = PreparedData.ensure(settings.version, settings.tables);
        Outcome outcome = phases != null ? phases.run(data, paths) : nodes.run(data, paths);
        System.out.println(outcome.markdown);
        Path out = Paths.get(System.getProperty("cassmon.bench.results", "bench/target/results"));
        Files.createDirectories(out);
        Path file = out.resolve("workload-" + mode + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, outcome.markdown);
        Log.line("Results written to %s", file.toAbsolutePath());
        Report.warnIfNotQuiet(outcome.windows);
    }

    /** A node from a fresh copy of the prepared data, with {@code config}'s agent on {@code 127.0.0.1:port}. */
    static CassandraNode node(Settings settings, String name, Exporter config, int port, Path data,
                              Exporter.Paths paths) {
        Path conf = CassandraNode.workRoot().toAbsolutePath().resolve(name + "-conf");
        return CassandraNode.builder(settings.version).name(name).initialData(data)
                .jvmArgs(config.jvmArgs(conf, port, paths).toArray(new String[0]))
                .startTimeout(Duration.ofMinutes(5))
                .build();
    }

    /**
     * Lets the running workload warm the node up for {@code seconds}, scraped every second when {@code scraped}; the
     * warm-up's scrapes.
     */
    static ScrapeSchedule.Scrapes warmUp(ScrapeSchedule scrapes, int seconds, boolean scraped)
            throws InterruptedException {
        if (scraped) {
            scrapes.start(System.nanoTime() + seconds * 1_000_000_000L);
        }
        Thread.sleep(seconds * 1000L);
        return scraped ? scrapes.stop() : ScrapeSchedule.Scrapes.NONE;
    }

    /**
     * One measured window of {@code seconds} of the running workload, scraped every second when {@code scraped}: the
     * requests completed in it, its scrapes (each started inside it) and what the rest of the machine used.
     */
    static Measured measure(Workload workload, ScrapeSchedule scrapes, int seconds, boolean scraped)
            throws InterruptedException {
        MachineLoad load = MachineLoad.begin();
        if (scraped) {
            scrapes.start(System.nanoTime() + seconds * 1_000_000_000L);
        }
        Workload.Recording recording = workload.record();
        Thread.sleep(seconds * 1000L);
        Workload.Result result = recording.stop();
        ScrapeSchedule.Scrapes s = scraped ? scrapes.stop() : ScrapeSchedule.Scrapes.NONE;
        return new Measured(result, s, load.end());
    }

    /** What both modes share. */
    record Settings(String version, int tables, int concurrency, int warmup) {
    }

    /** One measured window: the workload's requests, the scrapes, the rest of the machine meanwhile. */
    record Measured(Workload.Result result, ScrapeSchedule.Scrapes scrapes, MachineLoad.Window load) {
    }

    /** A mode's report and every window it measured (for the quiet-machine banner). */
    record Outcome(String markdown, List<MachineLoad.Window> windows) {
    }
}
