package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The side-by-side benchmark: for each table count N, one Cassandra node started from the same prepared data
 * directory in turn with no exporter, cassmon at defaults, cassmon at detail full and jmx_exporter, restarted
 * between them; scrape latency, size, samples, Cassandra CPU and allocation per scrape, and startup time. Prints a
 * markdown report on stdout and writes it to {@code bench/target/results/}.
 *
 * <p>Arguments: table counts (default {@code 0 200 1000}). System properties: {@code cassmon.bench.version}
 * (5.0.9), {@code cassmon.bench.timeout.minutes} (150), {@code cassmon.bench.configs} (none,cassmon,cassmon-no-reuse,cassmon-full,jmx),
 * {@code cassmon.bench.startup.rounds} (3 rounds of boots of every configuration, {@link StartupRounds}, for the
 * startup column; 0 to skip them and report each scraped node's single boot), {@code cassmon.bench.scrapes} (at least
 * this many measured scrapes, 10), {@code cassmon.bench.seconds} (and go on until this many seconds have passed,
 * 10, at most 300 scrapes), {@code cassmon.bench.warmup} (2 warm-up scrapes), {@code cassmon.bench.idle} (5 s of
 * idle CPU and allocation measured before the scrapes), {@code cassmon.bench.jfr} (true: record each node with
 * JFR's profile settings into {@code <workdir>/<node>.jfr}, for profiling, not for measuring).
 */
public final class ScrapeBenchmark {
    private static final int MAX_SCRAPES = 300;

    private ScrapeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.start(150);
        String version = System.getProperty("cassmon.bench.version", "5.0.9");
        List<Integer> tableCounts = new ArrayList<>();
        for (String a : args) {
            tableCounts.add(Integer.parseInt(a));
        }
        if (tableCounts.isEmpty()) {
            tableCounts.addAll(List.of(0, 200, 1000));
        }
        List<Exporter> configs = new ArrayList<>();
        for (String c : System.getProperty("cassmon.bench.configs", "none,cassmon,cassmon-no-reuse,cassmon-full,jmx").split(",")) {
            configs.add(Exporter.parse(c));
        }
        Settings settings = new Settings(
                Integer.getInteger("cassmon.bench.scrapes", 10),
                Integer.getInteger("cassmon.bench.seconds", 10),
                Integer.getInteger("cassmon.bench.warmup", 2),
                Integer.getInteger("cassmon.bench.idle", 5));
        Exporter.Paths paths = Exporter.Paths.fromSystemProperties();
        Path workRoot = CassandraNode.workRoot().toAbsolutePath();

        int startupRounds = Integer.getInteger("cassmon.bench.startup.rounds", 3);
        Report report = new Report(version, settings, configs);
        for (int tables : tableCounts) {
            Path data = PreparedData.ensure(version, tables);
            List<StartupRounds.Boot> boots = StartupRounds.run(version, tables, configs, startupRounds, data, paths,
                    workRoot);
            report.addStartup(tables, boots);
            List<StartupRounds.Summary> startup = StartupRounds.summarize(boots, configs);
            for (Exporter config : configs) {
                Result result = measure(version, tables, config, data, paths, workRoot, settings);
                startup.stream().filter(s -> s.config() == config && !s.boots().isEmpty()).findFirst()
                        .ifPresent(s -> result.startup = s);
                report.add(result);
                Log.line("%s", result.summary());
            }
        }
        String text = report.markdown();
        System.out.println(text);
        Path out = Paths.get(System.getProperty("cassmon.bench.results", "bench/target/results"));
        Files.createDirectories(out);
        Path file = out.resolve("scrape-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        Files.writeString(file, text);
        Log.line("Results written to %s", file.toAbsolutePath());
        Report.warnIfNotQuiet(report.windows());
    }

    record Settings(int scrapes, int seconds, int warmup, int idleSeconds) {
    }

    private static Result measure(String version, int tables, Exporter config, Path data, Exporter.Paths paths,
                                  Path workRoot, Settings settings) throws Exception {
        String name = "bench-" + tables + "-" + config.name().toLowerCase();
        int port = FreePorts.next("127.0.0.1");
        Log.line("%d tables, %s: starting the node", tables, config.title);
        // JFR (profiling runs only, it costs CPU) and extra diagnostic arguments, as for the startup rounds.
        List<String> jvmArgs = StartupRounds.nodeArgs(config.jvmArgs(workRoot.resolve(name + "-conf"), port, paths),
                workRoot, name);
        CassandraNode node = CassandraNode.builder(version).name(name).initialData(data)
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .startTimeout(Duration.ofMinutes(6))
                .build();
        try (node) {
            MachineLoad bootLoad = MachineLoad.begin();
            node.start();
            Result result = new Result(tables, config);
            result.bootLoad = bootLoad.end();
            result.startupMillis = node.startupTime().toMillis();
            try (CqlSession session = Cql.session(node)) {
                Cql.touchAllTables(session, tables, 2);
            }
            long pid = node.pid();
            try (JvmProbe probe = JvmProbe.attach(pid)) {
                Scraper scraper = new Scraper(port, Duration.ofMinutes(3));
                if (config.scraped()) {
                    awaitCassandraFamilies(scraper, config);
                    // jmx_exporter's scrapes take seconds to minutes: one warm-up is enough to load its classes.
                    int warmup = config == Exporter.JMX_EXPORTER ? Math.min(1, settings.warmup()) : settings.warmup();
                    for (int i = 0; i < warmup; i++) {
                        scraper.scrape();
                    }
                }
                // Idle: what the node uses without scrapes, subtracted from the scrape loop's totals.
                MachineLoad idleLoad = MachineLoad.begin();
                double cpu0 = ProcStat.cpuSeconds(pid);
                Map<Long, JvmProbe.ThreadAlloc> alloc0 = probe.allocations();
                long t0 = System.nanoTime();
                Thread.sleep(settings.idleSeconds() * 1000L);
                double idleSeconds = (System.nanoTime() - t0) / 1e9;
                result.idleLoad = idleLoad.end();
                result.idleCpuPerSecond = (ProcStat.cpuSeconds(pid) - cpu0) / idleSeconds;
                result.idleAllocPerSecond = JvmProbe.Delta.between(alloc0, probe.allocations()).allThreads()
                        / idleSeconds;
                if (!config.scraped()) {
                    return result;
                }
                List<Long> latencies = new ArrayList<>();
                Scraper.Scrape last = null;
                long bytes = 0;
                MachineLoad scrapeLoad = MachineLoad.begin();
                double cpu1 = ProcStat.cpuSeconds(pid);
                Map<Long, JvmProbe.ThreadAlloc> alloc1 = probe.allocations();
                long t1 = System.nanoTime();
                long deadline = t1 + settings.seconds() * 1_000_000_000L;
                while (latencies.size() < settings.scrapes()
                        || (System.nanoTime() < deadline && latencies.size() < MAX_SCRAPES)) {
                    last = scraper.scrape();
                    latencies.add(last.nanos());
                    bytes += last.body().length;
                }
                double loopSeconds = (System.nanoTime() - t1) / 1e9;
                double cpu = ProcStat.cpuSeconds(pid) - cpu1;
                result.scrapeLoad = scrapeLoad.end();
                JvmProbe.Delta alloc = JvmProbe.Delta.between(alloc1, probe.allocations());
                int n = latencies.size();
                result.scrapes = n;
                result.latencies = latencies;
                result.bytes = bytes / n;
                result.samples = last.samples();
                result.userTableSamples = last.userTableSamples();
                result.rawCpuPerScrape = cpu / n;
                result.cpuPerScrape = (cpu - result.idleCpuPerSecond * loopSeconds) / n;
                result.httpAllocPerScrape = alloc.httpThreads() / (double) n;
                result.allAllocPerScrape = (alloc.allThreads() - result.idleAllocPerSecond * loopSeconds) / n;
                saveSample(workRoot, name, last);
                return result;
            }
        }
    }

    /** cassmon serves its cassandra_ families once Cassandra has finished starting; jmx_exporter at once. */
    private static void awaitCassandraFamilies(Scraper scraper, Exporter config) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                Scraper.Scrape s = scraper.scrape();
                last = s.text();
                if (last.contains("\ncassandra_")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(config.title + " served no cassandra_ family within 2 min; last answer: "
                + last.substring(0, Math.min(500, last.length())));
    }

    private static void saveSample(Path workRoot, String name, Scraper.Scrape scrape) throws IOException {
        Files.createDirectories(workRoot);
        Files.write(workRoot.resolve(name + "-metrics.txt"), scrape.body());
    }

    /** What one configuration at one table count measured. */
    static final class Result {
        final int tables;
        final Exporter config;
        /** The startup rounds of this configuration; null when they were not run. */
        StartupRounds.Summary startup;
        /** The boot of the node measured here (one boot: the startup rounds are the figure to quote). */
        long startupMillis;
        MachineLoad.Window bootLoad;
        MachineLoad.Window idleLoad;
        MachineLoad.Window scrapeLoad;
        double idleCpuPerSecond;
        double idleAllocPerSecond;
        int scrapes;
        List<Long> latencies = List.of();
        long bytes;
        int samples;
        int userTableSamples;
        double rawCpuPerScrape;
        double cpuPerScrape;
        double httpAllocPerScrape;
        double allAllocPerScrape;

        Result(int tables, Exporter config) {
            this.tables = tables;
            this.config = config;
        }

        double latencyMillis(double quantile) {
            return NearestRank.millis(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), quantile);
        }

        /** Other CPU while this node idled and was scraped (not during its boot). */
        MachineLoad.Window measuredLoad() {
            List<MachineLoad.Window> windows = new ArrayList<>();
            for (MachineLoad.Window w : new MachineLoad.Window[] {idleLoad, scrapeLoad}) {
                if (w != null) {
                    windows.add(w);
                }
            }
            return MachineLoad.Window.combine(windows);
        }

        /** Every window measured for this row: its node's boot, idle and scrape loop. */
        List<MachineLoad.Window> windows() {
            List<MachineLoad.Window> windows = new ArrayList<>();
            for (MachineLoad.Window w : new MachineLoad.Window[] {bootLoad, idleLoad, scrapeLoad}) {
                if (w != null) {
                    windows.add(w);
                }
            }
            return windows;
        }

        /** The startup column: the median of the startup rounds, else this node's single boot. */
        String startupCell() {
            return startup != null ? startup.cell() : String.format(java.util.Locale.ROOT, "%,d ms (1 boot)", startupMillis);
        }

        double seriesPerTable() {
            return tables == 0 ? Double.NaN : userTableSamples / (double) tables;
        }

        String summary() {
            if (!config.scraped()) {
                return String.format("%d tables, %s: startup %s, idle CPU %.3f s/s, other CPU %.2f cores", tables,
                        config.title, startupCell(), idleCpuPerSecond, measuredLoad().otherCores());
            }
            return String.format("%d tables, %s: %d scrapes, median %.1f ms, %d bytes, %d samples, CPU %.4f s/scrape,"
                            + " alloc %.0f B/scrape (HTTP threads), startup %s, other CPU %.2f cores", tables,
                    config.title, scrapes, latencyMillis(0.5), bytes, samples, cpuPerScrape, httpAllocPerScrape,
                    startupCell(), measuredLoad().otherCores());
        }
    }
}
