package io.cassmon.bench;

import io.cassmon.agent.it.CassandraNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Startup delay on a node with N tables ({@link StartupRounds}): rounds of fresh boots of the prepared data directory,
 * without an exporter and with each configuration of {@code cassmon.bench.configs} (default {@code none,cassmon}),
 * order rotated each round. Prints every boot and, per configuration, the median startup, the delay against no
 * exporter (median of the per-round differences) and the node's CPU to ready, with the rest of the machine's CPU.
 * Arguments: tables (default 1000), rounds (default 3).
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = System.getProperty("cassmon.bench.version", "5.0.9");
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Exporter> configs = new ArrayList<>();
        for (String c : System.getProperty("cassmon.bench.configs", "none,cassmon").split(",")) {
            configs.add(Exporter.parse(c));
        }
        if (!configs.contains(Exporter.NONE)) {
            configs.add(0, Exporter.NONE);
        }
        Watchdog.start(rounds * configs.size() * 3 + 15);
        Exporter.Paths paths = Exporter.Paths.fromSystemProperties();
        Path workRoot = CassandraNode.workRoot().toAbsolutePath();
        Path data = PreparedData.ensure(version, tables);
        List<StartupRounds.Boot> boots = StartupRounds.run(version, tables, configs, rounds, data, paths, workRoot);

        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## Startup, Cassandra %s, %d tables, %s%n%n",
                version, tables, Report.machine()));
        md.append(StartupRounds.markdown(tables, boots, configs));
        List<MachineLoad.Window> windows = new ArrayList<>();
        boots.forEach(b -> windows.add(b.load()));
        md.append(Report.quietness(windows));
        String text = md.toString();
        System.out.println(text);
        Path out = Paths.get(System.getProperty("cassmon.bench.results", "bench/target/results"));
        Files.createDirectories(out);
        Path file = out.resolve("startup-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
        Files.writeString(file, text);
        Log.line("Results written to %s", file.toAbsolutePath());
        Report.warnIfNotQuiet(windows);
    }
}
