package io.cassmon.bench;

import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Startup, measured the same way for every configuration: rounds of boots of a fresh node from a copy of the same
 * prepared data directory, every configuration once per round, the order rotated from round to round (so no
 * configuration always boots right after another one's shutdown). Each boot is timed from fork to "Startup complete"
 * with the CQL port open (the directory copy excluded), with the node's CPU seconds at that moment, by thread, and the
 * rest of the machine's CPU over the boot ({@link MachineLoad}). The node is stopped before the next boot.
 */
final class StartupRounds {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private StartupRounds() {
    }

    /** One boot. */
    record Boot(Exporter config, int round, int position, long millis, long firstLogMillis, double nodeCpu,
                Map<String, Double> threads, MachineLoad.Window load) {
        double thread(String group) {
            return threads.getOrDefault(group, 0.0);
        }
    }

    static List<Boot> run(String version, int tables, List<Exporter> configs, int rounds, Path data,
                          Exporter.Paths paths, Path workRoot) {
        List<Boot> boots = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Exporter> order = new ArrayList<>(configs);
            Collections.rotate(order, -(round - 1));
            for (int i = 0; i < order.size(); i++) {
                Boot boot = boot(version, tables, order.get(i), round, i + 1, data, paths, workRoot);
                boots.add(boot);
                Log.line("%d tables, round %d/%d, %s: startup %,d ms (first log line at %,d ms), node CPU %.1f s (%s),"
                                + " other CPU %.2f cores%s", tables, round, rounds, boot.config().title, boot.millis(),
                        boot.firstLogMillis(), boot.nodeCpu(), threads(boot.threads()), boot.load().otherCores(),
                        boot.load().quiet() ? "" : " NOT QUIET: " + boot.load().processes());
            }
        }
        return boots;
    }

    private static Boot boot(String version, int tables, Exporter config, int round, int position, Path data,
                             Exporter.Paths paths, Path workRoot) {
        String name = "startup-" + tables + "-" + config.name().toLowerCase(Locale.ROOT) + "-" + round;
        int port = FreePorts.next("127.0.0.1");
        List<String> jvmArgs = nodeArgs(config.jvmArgs(workRoot.resolve(name + "-conf"), port, paths), workRoot, name);
        try (CassandraNode node = CassandraNode.builder(version).name(name).initialData(data)
                .jvmArgs(jvmArgs.toArray(new String[0])).startTimeout(Duration.ofMinutes(5)).build()) {
            MachineLoad load = MachineLoad.begin();
            node.start();
            double cpu = ProcStat.cpuSeconds(node.pid());
            Map<String, Double> threads = ProcStat.cpuSecondsByThreadGroup(node.pid());
            MachineLoad.Window window = load.end();
            return new Boot(config, round, position, node.startupTime().toMillis(), firstLogMillis(node), cpu, threads,
                    window);
        }
    }

    /**
     * The exporter's arguments, then {@code cassmon.bench.jfr=true} (JFR with the profile settings into
     * {@code <workdir>/<node>.jfr}, for profiling, not for measuring) and {@code cassmon.bench.node.args} (extra JVM
     * arguments for diagnostics, space-separated, e.g. {@code -Xlog:class+load:file=/tmp/classes.log}).
     */
    static List<String> nodeArgs(List<String> exporterArgs, Path workRoot, String name) {
        List<String> args = new ArrayList<>(exporterArgs);
        if (Boolean.getBoolean("cassmon.bench.jfr")) {
            args.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + workRoot.resolve(name + ".jfr"));
        }
        String extra = System.getProperty("cassmon.bench.node.args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        return args;
    }

    /**
     * From the process's start to Cassandra's first log line ("Configuration location", right after CassandraDaemon's
     * logging is set up): the JVM's own start and every agent's premain. -1 if not found.
     */
    private static long firstLogMillis(CassandraNode node) {
        try {
            Instant started = ProcessHandle.of(node.pid()).flatMap(p -> p.info().startInstant()).orElse(null);
            if (started == null) {
                return -1;
            }
            for (String line : Files.readAllLines(node.logFile())) {
                int at = line.indexOf(" YamlConfigurationLoader - Configuration location");
                if (at > 0) {
                    // "INFO  [main] 2026-11-21 23:55:46,502 YamlConfigurationLoader - ...": the timestamp ends at 'at'.
                    String stamp = line.substring(at - 23, at);
                    Instant logged = LocalDateTime.parse(stamp, LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
                    return Duration.between(started, logged).toMillis();
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.line("cannot read the first log line of %s: %s", node.name(), e);
        }
        return -1;
    }

    /** What the boots of one configuration add up to. */
    record Summary(Exporter config, List<Boot> boots, Long pairedDelayMillis, Double pairedDelayCpu) {
        long medianMillis() {
            return (long) median(boots.stream().map(b -> (double) b.millis()).collect(Collectors.toList()));
        }

        long minMillis() {
            return boots.stream().mapToLong(Boot::millis).min().orElse(0);
        }

        long maxMillis() {
            return boots.stream().mapToLong(Boot::millis).max().orElse(0);
        }

        double medianCpu() {
            return median(boots.stream().map(Boot::nodeCpu).collect(Collectors.toList()));
        }

        double medianThread(String group) {
            return median(boots.stream().map(b -> b.thread(group)).collect(Collectors.toList()));
        }

        MachineLoad.Window load() {
            return MachineLoad.Window.combine(boots.stream().map(Boot::load).collect(Collectors.toList()));
        }

        /** The startup column of the scrape report. */
        String cell() {
            if (boots.isEmpty()) {
                return "–";
            }
            return boots.size() == 1 ? String.format(Locale.ROOT, "%,d ms", medianMillis())
                    : String.format(Locale.ROOT, "%,d ms (%,d–%,d)", medianMillis(), minMillis(), maxMillis());
        }
    }

    /**
     * Per configuration; the delay of each against {@link Exporter#NONE} is the median over rounds of
     * (its boot − the no-exporter boot of the same round), which cancels drifts that span a round.
     */
    static List<Summary> summarize(List<Boot> boots, List<Exporter> configs) {
        List<Summary> out = new ArrayList<>();
        for (Exporter c : configs) {
            List<Boot> mine = boots.stream().filter(b -> b.config() == c).collect(Collectors.toList());
            List<Double> delays = new ArrayList<>();
            List<Double> cpuDelays = new ArrayList<>();
            if (c != Exporter.NONE) {
                for (Boot b : mine) {
                    boots.stream().filter(n -> n.config() == Exporter.NONE && n.round() == b.round()).findFirst()
                            .ifPresent(n -> {
                                delays.add((double) (b.millis() - n.millis()));
                                cpuDelays.add(b.nodeCpu() - n.nodeCpu());
                            });
                }
            }
            out.add(new Summary(c, mine, delays.isEmpty() ? null : (long) median(delays),
                    cpuDelays.isEmpty() ? null : median(cpuDelays)));
        }
        return out;
    }

    /** The per-configuration summary and every boot, as markdown. */
    static String markdown(int tables, List<Boot> boots, List<Exporter> configs) {
        if (boots.isEmpty()) {
            return "";
        }
        int rounds = boots.stream().mapToInt(Boot::round).max().orElse(0);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "#### Startup at %,d tables: %d round%s, order rotated each round%n%n", tables, rounds,
                rounds == 1 ? "" : "s"));
        md.append("| configuration | median startup | min – max | delay vs no exporter (median of paired rounds) |"
                + " node CPU to ready (median) | extra node CPU (paired) | cassmon-agent thread CPU | JIT threads CPU |"
                + " other CPU during boots |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Summary s : summarize(boots, configs)) {
            if (s.boots().isEmpty()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %,d ms | %,d – %,d ms | %s | %.1f s | %s | %.2f s | %.1f s | %s |%n",
                    s.config().title, s.medianMillis(), s.minMillis(), s.maxMillis(),
                    s.pairedDelayMillis() == null ? "–" : String.format(Locale.ROOT, "%+,d ms", s.pairedDelayMillis()),
                    s.medianCpu(),
                    s.pairedDelayCpu() == null ? "–" : String.format(Locale.ROOT, "%+.1f s", s.pairedDelayCpu()),
                    s.medianThread("cassmon-agent"), s.medianThread("jit"), s.load().cell()));
        }
        md.append("\n| round | # | configuration | startup | to first log line | node CPU to ready | main thread | JIT | GC"
                + " | cassmon-agent | other threads | other CPU |\n|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Boot b : boots) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %s | %,d ms | %,d ms | %.1f s | %.1f s | %.1f s | %.1f s | %.2f s | %.1f s | %s |%n",
                    b.round(), b.position(), b.config().title, b.millis(), b.firstLogMillis(), b.nodeCpu(), b.thread("main"),
                    b.thread("jit"), b.thread("gc"), b.thread("cassmon-agent"), b.thread("other"), b.load().cell()));
        }
        return md.append('\n').toString();
    }

    private static String threads(Map<String, Double> threads) {
        List<String> parts = new ArrayList<>();
        threads.forEach((group, seconds) -> parts.add(String.format(Locale.ROOT, "%s %.2f s", group, seconds)));
        return String.join(", ", parts);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
