package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workload overhead: the same bounded read/write workload (prepared single-partition INSERTs and SELECTs, 50/50, on
 * 10 of the N prepared tables, a fixed number of requests in flight, closed loop) against a node without an agent and
 * against one with cassmon scraped every second, in alternating order over several rounds, each node fresh from the
 * same prepared data. Reports throughput and latency percentiles of each.
 *
 * <p>Argument: tables (default 200). System properties: {@code cassmon.bench.workload.seconds} (60, measured),
 * {@code cassmon.bench.workload.warmup} (20), {@code cassmon.bench.workload.rounds} (2),
 * {@code cassmon.bench.workload.concurrency} (16), {@code cassmon.bench.version} (5.0.9).
 */
public final class WorkloadBenchmark {
    private static final int HOT_TABLES = 10;

    private WorkloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = System.getProperty("cassmon.bench.version", "5.0.9");
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = Integer.getInteger("cassmon.bench.workload.seconds", 60);
        int warmup = Integer.getInteger("cassmon.bench.workload.warmup", 20);
        int rounds = Integer.getInteger("cassmon.bench.workload.rounds", 2);
        int concurrency = Integer.getInteger("cassmon.bench.workload.concurrency", 16);
        Watchdog.start(rounds * 2 * (seconds + warmup + 240) / 60 + 10);
        if (tables < HOT_TABLES) {
            throw new IllegalArgumentException("the workload needs at least " + HOT_TABLES + " tables");
        }
        Exporter.Paths paths = Exporter.Paths.fromSystemProperties();
        Path workRoot = CassandraNode.workRoot().toAbsolutePath();
        Path data = PreparedData.ensure(version, tables);
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Exporter> order = round % 2 == 1 ? List.of(Exporter.NONE, Exporter.CASSMON)
                    : List.of(Exporter.CASSMON, Exporter.NONE);
            for (Exporter config : order) {
                Run run = run(version, tables, config, data, paths, workRoot, round, warmup, seconds, concurrency);
                runs.add(run);
                Log.line("round %d, %s: %.0f ops/s, p50 %.2f ms, p99 %.2f ms, %d scrapes (median %.1f ms)", round,
                        config.title, run.throughput(), run.percentile(0.5), run.percentile(0.99), run.scrapes.length,
                        run.scrapeMedian());
            }
        }
        String text = report(version, tables, seconds, warmup, concurrency, runs);
        System.out.println(text);
        Path out = Paths.get(System.getProperty("cassmon.bench.results", "bench/target/results"));
        Files.createDirectories(out);
        Path file = out.resolve("workload-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, text);
        Log.line("Results written to %s", file.toAbsolutePath());
        Report.warnIfNotQuiet(windows(runs));
    }

    private static Run run(String version, int tables, Exporter config, Path data, Exporter.Paths paths,
                           Path workRoot, int round, int warmup, int seconds, int concurrency) throws Exception {
        String name = "workload-" + round + "-" + config.name().toLowerCase();
        int port = FreePorts.next("127.0.0.1");
        Log.line("round %d, %s: starting the node", round, config.title);
        CassandraNode node = CassandraNode.builder(version).name(name).initialData(data)
                .jvmArgs(config.jvmArgs(workRoot.resolve(name + "-conf"), port, paths).toArray(new String[0]))
                .startTimeout(Duration.ofMinutes(5))
                .build();
        ScheduledExecutorService scraping = Executors.newSingleThreadScheduledExecutor();
        try (node; CqlSession session = Cql.session(node.start())) {
            List<Long> scrapes = new ArrayList<>();
            AtomicLong measuring = new AtomicLong(Long.MAX_VALUE);
            if (config.scraped()) {
                Scraper scraper = new Scraper(port, Duration.ofSeconds(10));
                scraping.scheduleAtFixedRate(() -> {
                    try {
                        Scraper.Scrape s = scraper.scrape();
                        if (System.nanoTime() >= measuring.get()) {
                            synchronized (scrapes) {
                                scrapes.add(s.nanos());
                            }
                        }
                    } catch (Exception e) {
                        Log.line("scrape failed: %s", e);
                    }
                }, 0, 1, TimeUnit.SECONDS);
            }
            PreparedStatement[] writes = new PreparedStatement[HOT_TABLES];
            PreparedStatement[] reads = new PreparedStatement[HOT_TABLES];
            for (int t = 0; t < HOT_TABLES; t++) {
                String table = Cql.KEYSPACE + "." + Cql.table(t + 1);
                writes[t] = session.prepare("INSERT INTO " + table + " (pk, ck, v) VALUES (?, ?, ?)");
                reads[t] = session.prepare("SELECT * FROM " + table + " WHERE pk = ?");
            }
            drive(session, writes, reads, concurrency, warmup, null);
            measuring.set(System.nanoTime());
            LongList latencies = new LongList();
            MachineLoad load = MachineLoad.begin();
            long begin = System.nanoTime();
            drive(session, writes, reads, concurrency, seconds, latencies);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            MachineLoad.Window window = load.end();
            scraping.shutdownNow();
            synchronized (scrapes) {
                return new Run(round, config, latencies.sorted(), elapsed,
                        scrapes.stream().mapToLong(Long::longValue).sorted().toArray(), window);
            }
        } finally {
            scraping.shutdownNow();
        }
    }

    /** Closed loop for {@code seconds}: {@code concurrency} requests in flight; latencies recorded when given. */
    private static void drive(CqlSession session, PreparedStatement[] writes, PreparedStatement[] reads,
                              int concurrency, int seconds, LongList latencies) {
        Semaphore inFlight = new Semaphore(concurrency);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String value = "v".repeat(100);
        while (System.nanoTime() < end) {
            inFlight.acquireUninterruptibly();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int table = random.nextInt(HOT_TABLES);
            int pk = random.nextInt(10_000);
            long start = System.nanoTime();
            var stage = random.nextBoolean()
                    ? session.executeAsync(writes[table].bind(pk, random.nextInt(10), value))
                    : session.executeAsync(reads[table].bind(pk));
            stage.whenComplete((r, e) -> {
                long nanos = System.nanoTime() - start;
                if (latencies != null && e == null) {
                    latencies.add(nanos);
                }
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(concurrency);
        inFlight.release(concurrency);
    }

    private static String report(String version, int tables, int seconds, int warmup, int concurrency, List<Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Workload overhead, %s%n%nCassandra %s, %d tables (10 in use), %d requests"
                        + " in flight, 50%% INSERT / 50%% SELECT by partition, %d s measured after %d s warm-up, one fresh"
                        + " node per row; the load generator runs on the same 2 cores.%n%n",
                LocalDate.now(), version, tables, concurrency, seconds, warmup));
        md.append("| round | configuration | throughput | p50 | p99 | p99.9 | scrapes (median) | other CPU |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f ops/s | %.2f ms | %.2f ms | %.2f ms | %s | %s |%n",
                    r.round, r.config.title, r.throughput(), r.percentile(0.5), r.percentile(0.99), r.percentile(0.999),
                    r.scrapes.length == 0 ? "–" : r.scrapes.length + " (" + String.format(Locale.ROOT, "%.1f ms",
                            r.scrapeMedian()) + ")", r.load.cell()));
        }
        double[] none = mean(runs, Exporter.NONE);
        double[] cassmon = mean(runs, Exporter.CASSMON);
        md.append(String.format(Locale.ROOT, "%nMean over rounds: no agent %,.0f ops/s, p99 %.2f ms; cassmon scraped every"
                        + " second %,.0f ops/s (%+.1f %%), p99 %.2f ms (%+.1f %%).%n", none[0], none[1], cassmon[0],
                (cassmon[0] / none[0] - 1) * 100, cassmon[1], (cassmon[1] / none[1] - 1) * 100));
        md.append('\n').append(Report.quietness(windows(runs)));
        return md.toString();
    }

    private static double[] mean(List<Run> runs, Exporter config) {
        double ops = 0;
        double p99 = 0;
        int n = 0;
        for (Run r : runs) {
            if (r.config == config) {
                ops += r.throughput();
                p99 += r.percentile(0.99);
                n++;
            }
        }
        return new double[] {ops / n, p99 / n};
    }

    private static List<MachineLoad.Window> windows(List<Run> runs) {
        List<MachineLoad.Window> windows = new ArrayList<>();
        runs.forEach(r -> windows.add(r.load));
        return windows;
    }

    /** One measured window; {@code load} is what the rest of the machine used meanwhile. */
    record Run(int round, Exporter config, long[] latencies, double seconds, long[] scrapes, MachineLoad.Window load) {
        double throughput() {
            return latencies.length / seconds;
        }

        double percentile(double q) {
            return latencies.length == 0 ? Double.NaN
                    : latencies[Math.min(latencies.length - 1, (int) Math.ceil(q * latencies.length) - 1)] / 1e6;
        }

        double scrapeMedian() {
            return scrapes.length == 0 ? Double.NaN : scrapes[scrapes.length / 2] / 1e6;
        }
    }

    /** A growable array of longs, safe for the driver's completion threads. */
    private static final class LongList {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        synchronized long[] sorted() {
            long[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
