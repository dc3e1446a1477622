package io.cassmon.bench;

import io.cassmon.bench.ScrapeBenchmark.Result;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The markdown report of a {@link ScrapeBenchmark} run: the table, the ratios and the targets. */
final class Report {
    private final String version;
    private final ScrapeBenchmark.Settings settings;
    private final List<Exporter> configs;
    private final List<Result> results = new ArrayList<>();
    private final Map<Integer, List<StartupRounds.Boot>> startup = new TreeMap<>();

    Report(String version, ScrapeBenchmark.Settings settings, List<Exporter> configs) {
        this.version = version;
        this.settings = settings;
        this.configs = List.copyOf(configs);
    }

    void add(Result result) {
        results.add(result);
    }

    void addStartup(int tables, List<StartupRounds.Boot> boots) {
        startup.put(tables, List.copyOf(boots));
    }

    /** Every window measured: startup boots, each scraped node's boot, idle window and scrape loop. */
    List<MachineLoad.Window> windows() {
        List<MachineLoad.Window> windows = new ArrayList<>();
        startup.values().forEach(boots -> boots.forEach(b -> windows.add(b.load())));
        results.forEach(r -> windows.addAll(r.windows()));
        return windows;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Scrape benchmark, Cassandra %s%n%n%s; "
                        + "at least %d scrapes and %d s per configuration after %d warm-up scrapes; idle window %d s.%n%n",
                version, machine(), settings.scrapes(), settings.seconds(), settings.warmup(), settings.idleSeconds()));
        if (windows().stream().anyMatch(w -> !w.quiet())) {
            md.append("**WARNING: the machine was not quiet during this run** (other CPU in bold below; see Quiet machine)."
                    + "\n\n");
        }
        md.append("| tables | configuration | startup | scrapes | scrape min / median / p99 | response | samples"
                + " | series per table | Cassandra CPU per scrape | allocated per scrape | per sample | other CPU |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            if (!r.config.scraped()) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | | | | | | (idle: %.3f s/s) | (idle: %s/s) | | %s |%n",
                        r.tables, r.config.title, r.startupCell(), r.idleCpuPerSecond, bytes(r.idleAllocPerSecond),
                        r.measuredLoad().cell()));
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %d | %s / %s / %s | %s | %,d | %s | %s | %s | %s | %s |%n",
                    r.tables, r.config.title, r.startupCell(), r.scrapes, ms(r.latencyMillis(0)),
                    ms(r.latencyMillis(0.5)), ms(r.latencyMillis(0.99)), bytes(r.bytes), r.samples,
                    Double.isNaN(r.seriesPerTable()) ? "–" : String.format(Locale.ROOT, "%.1f", r.seriesPerTable()),
                    seconds(r.cpuPerScrape), bytes(r.httpAllocPerScrape),
                    String.format(Locale.ROOT, "%.0f B", r.httpAllocPerScrape / r.samples), r.measuredLoad().cell()));
        }
        md.append("\nStartup: fork to \"Startup complete\" with the CQL port open, the same for every configuration (no"
                + " exporter endpoint is waited for); median (min–max) of the startup rounds below, each a fresh node from"
                + " a copy of the same data directory, configurations in rotated order. Other CPU: the machine's busy time"
                + " minus this benchmark and its node, in cores on average, while the node idled and was scraped.\n");
        md.append("\nCPU per scrape: utime+stime of the Cassandra process (/proc/PID/stat) over the scrape loop, minus"
                + " its idle rate over the same time, divided by the scrapes. Allocated per scrape: bytes allocated by the"
                + " exporter's HTTP threads (cassmon's `cassmon-http-*` and `cassmon-scrape-*`, jmx_exporter's"
                + " `prometheus-http-*`; ThreadMXBean.getThreadAllocatedBytes through the Attach API); whole-JVM allocation minus idle is in the second table as a cross-check.\n\n");
        md.append(ratios());
        md.append(crossCheck());
        if (!startup.isEmpty()) {
            md.append("### Startup\n\n");
            startup.forEach((tables, boots) -> md.append(StartupRounds.markdown(tables, boots, configs)));
        }
        md.append(quietness(windows()));
        md.append(targets());
        return md.toString();
    }

    private String ratios() {
        StringBuilder md = new StringBuilder("### jmx_exporter ÷ cassmon (same node, same run)\n\n"
                + "| tables | cassmon | median scrape | Cassandra CPU per scrape | allocated per scrape | response bytes | samples |\n"
                + "|---:|---|---:|---:|---:|---:|---:|\n");
        for (int tables : tableCounts()) {
            Result jmx = find(tables, Exporter.JMX_EXPORTER);
            for (Exporter c : List.of(Exporter.CASSMON, Exporter.CASSMON_NO_REUSE, Exporter.CASSMON_FULL)) {
                Result cm = find(tables, c);
                if (jmx == null || cm == null) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %s | %s | %s |%n", tables, c.title,
                        ratio(jmx.latencyMillis(0.5), cm.latencyMillis(0.5)), ratio(jmx.cpuPerScrape, cm.cpuPerScrape),
                        ratio(jmx.httpAllocPerScrape, cm.httpAllocPerScrape), ratio(jmx.bytes, cm.bytes),
                        ratio(jmx.samples, cm.samples)));
            }
        }
        return md.append('\n').toString();
    }

    private String crossCheck() {
        StringBuilder md = new StringBuilder("### Cross-checks\n\n| tables | configuration | CPU per scrape, raw"
                + " (idle not subtracted) | whole-JVM allocation per scrape minus idle | idle CPU | idle allocation |\n"
                + "|---:|---|---:|---:|---:|---:|\n");
        for (Result r : results) {
            if (r.config.scraped()) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %.3f s/s | %s/s |%n", r.tables, r.config.title,
                        seconds(r.rawCpuPerScrape), bytes(r.allAllocPerScrape), r.idleCpuPerSecond,
                        bytes(r.idleAllocPerSecond)));
            }
        }
        return md.append('\n').toString();
    }

    private String targets() {
        StringBuilder md = new StringBuilder("### Targets\n\n| target | measured | |\n|---|---|---|\n");
        Result jmx1000 = find(1000, Exporter.JMX_EXPORTER);
        // At defaults (the idle node's series all written from kept text) and writing every series anew.
        for (Exporter config : List.of(Exporter.CASSMON, Exporter.CASSMON_NO_REUSE)) {
            Result cm1000 = find(1000, config);
            if (jmx1000 != null && cm1000 != null) {
                double r = jmx1000.latencyMillis(0.5) / cm1000.latencyMillis(0.5);
                target(md, "1,000 tables: median scrape ≥ 100× faster than jmx_exporter, " + config.title,
                        String.format(Locale.ROOT, "%.0f×", r), r >= 100);
                double c = jmx1000.cpuPerScrape / cm1000.cpuPerScrape;
                target(md, "1,000 tables: Cassandra CPU per scrape ≥ 100× lower, " + config.title,
                        String.format(Locale.ROOT, "%.0f×", c), c >= 100);
            }
            Result cm200 = find(200, config);
            if (cm200 != null) {
                double m = cm200.latencyMillis(0.5);
                target(md, "200 tables: median scrape ≤ 50 ms, " + config.title, ms(m), m <= 50);
            }
        }
        Result cm1000 = find(1000, Exporter.CASSMON);
        Result cm200 = find(200, Exporter.CASSMON);
        for (Result r : results) {
            if (r.config == Exporter.CASSMON || r.config == Exporter.CASSMON_NO_REUSE
                    || r.config == Exporter.CASSMON_FULL) {
                double perSample = r.httpAllocPerScrape / r.samples;
                target(md, String.format(Locale.ROOT, "%,d tables, %s: allocation ≤ 100 B per sample", r.tables, r.config.title),
                        String.format(Locale.ROOT, "%.0f B", perSample), perSample <= 100);
            }
        }
        for (int tables : tableCounts()) {
            Result cm = find(tables, Exporter.CASSMON);
            if (cm != null && cm.startup != null && cm.startup.pairedDelayMillis() != null) {
                long delay = cm.startup.pairedDelayMillis();
                target(md, String.format(Locale.ROOT, "%,d tables: startup delay ≤ 300 ms (median of %d paired rounds)",
                        tables, cm.startup.boots().size()), String.format(Locale.ROOT, "%+,d ms", delay), delay <= 300);
            }
        }
        Result cm0 = find(0, Exporter.CASSMON);
        if (cm0 != null && cm200 != null && cm1000 != null) {
            double a = (cm200.latencyMillis(0.5) - cm0.latencyMillis(0.5)) / 200;
            double b = (cm1000.latencyMillis(0.5) - cm200.latencyMillis(0.5)) / 800;
            double ca = (cm200.cpuPerScrape - cm0.cpuPerScrape) / 200;
            double cb = (cm1000.cpuPerScrape - cm200.cpuPerScrape) / 800;
            target(md, "scrape cost linear in tables (per-table cost 200→1000 vs 0→200)", String.format(Locale.ROOT,
                    "median %.3f vs %.3f ms/table (×%.2f); CPU %.3f vs %.3f ms/table (×%.2f)", b, a, b / a,
                    cb * 1000, ca * 1000, cb / ca), b / a <= 1.5 && cb / ca <= 1.5);
        }
        md.append("\nNot measured here: workload overhead (WorkloadBenchmark) and exposition vs byte copy (JMH).\n");
        return md.toString();
    }

    /** Date, CPU model and cores, JDK, load average: the line every report starts with. */
    static String machine() {
        return String.format(Locale.ROOT, "%s, %s, %d cores, %s %s, load average %.2f", LocalDate.now(), cpuModel(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave it out.
        }
        return "unknown CPU";
    }

    /**
     * The quiet-machine section: other CPU over every measured window and, when some window was not quiet, a warning
     * naming the foreign processes.
     */
    static String quietness(List<MachineLoad.Window> windows) {
        MachineLoad.Window all = MachineLoad.Window.combine(windows);
        long loud = windows.stream().filter(w -> !w.quiet()).count();
        StringBuilder md = new StringBuilder("### Quiet machine\n\n");
        md.append(String.format(Locale.ROOT, "Other CPU (the machine's busy time minus this benchmark's JVM and its nodes,"
                        + " from /proc) over the %d measured windows: %.2f cores on average (steal %.2f); %d window%s above"
                        + " %.2f cores of other CPU or of steal, or with a foreign Cassandra node.%n%n", windows.size(), all.otherCores(),
                all.stealCores(), loud, loud == 1 ? "" : "s", MachineLoad.QUIET_CORES));
        if (loud > 0) {
            md.append("**WARNING: the machine was not quiet**; the rows with other CPU in bold are disturbed, rerun them."
                    + (all.foreign().isEmpty() ? "" : " Foreign processes seen: " + all.processes() + " (cores, averaged"
                    + " over all windows).") + "\n\n");
        }
        return md.toString();
    }

    /** Ends a run loudly on stderr when a window was not quiet. */
    static void warnIfNotQuiet(List<MachineLoad.Window> windows) {
        long loud = windows.stream().filter(w -> !w.quiet()).count();
        if (loud == 0) {
            Log.line("Quiet machine: other CPU stayed at or below %.2f cores in every measured window",
                    MachineLoad.QUIET_CORES);
            return;
        }
        MachineLoad.Window all = MachineLoad.Window.combine(windows);
        String bar = "!".repeat(100);
        System.err.println(bar);
        System.err.printf(Locale.ROOT, "!!! THE MACHINE WAS NOT QUIET: %d of %d measured windows had more than %.2f cores of"
                        + " other CPU or of steal, or a foreign Cassandra node%n!!! other CPU averaged %.2f cores; foreign processes: %s%n"
                        + "!!! These numbers are disturbed: rerun when `ps` shows no other CassandraDaemon or build.%n",
                loud, windows.size(), MachineLoad.QUIET_CORES, all.otherCores(),
                all.foreign().isEmpty() ? "none listed" : all.processes());
        System.err.println(bar);
    }

    private static void target(StringBuilder md, String what, String measured, boolean met) {
        md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
                .append(" |\n");
    }

    private TreeSet<Integer> tableCounts() {
        TreeSet<Integer> set = new TreeSet<>();
        results.forEach(r -> set.add(r.tables));
        return set;
    }

    private Result find(int tables, Exporter config) {
        for (Result r : results) {
            if (r.tables == tables && r.config == config) {
                return r;
            }
        }
        return null;
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis >= 1000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    static String seconds(double s) {
        return s >= 1 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f ms", s * 1000);
    }

    static String bytes(double b) {
        if (b >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1 << 20));
        }
        if (b >= 1 << 10) {
            return String.format(Locale.ROOT, "%.0f KiB", b / (1 << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "–" : String.format(Locale.ROOT, "%,.0f×", a / b);
    }
}
