package io.cassmon.bench;

import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Startup delay on a node with N tables: boots a fresh copy of the prepared data directory alternately without and
 * with cassmon (defaults), {@code rounds} times each, and prints each boot (fork to "Startup complete" with the CQL
 * port open) and the medians. Arguments: tables (default 1000), rounds (default 3).
 */
public final class StartupBenchmark {
    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String version = System.getProperty("cassmon.bench.version", "5.0.9");
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Watchdog.start(rounds * 6 + 15);
        Exporter.Paths paths = Exporter.Paths.fromSystemProperties();
        Path workRoot = CassandraNode.workRoot().toAbsolutePath();
        Path data = PreparedData.ensure(version, tables);
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "| round | without agent | with cassmon |%n|---:|---:|---:|%n"));
        for (int round = 1; round <= rounds; round++) {
            without.add(boot(version, tables, Exporter.NONE, round, data, paths, workRoot));
            with.add(boot(version, tables, Exporter.CASSMON, round, data, paths, workRoot));
            md.append(String.format(Locale.ROOT, "| %d | %,d ms | %,d ms |%n", round, without.get(round - 1),
                    with.get(round - 1)));
            Log.line("round %d: without %d ms, with %d ms", round, without.get(round - 1), with.get(round - 1));
        }
        md.append(String.format(Locale.ROOT, "| **median** | **%,d ms** | **%,d ms** |%n| min | %,d ms | %,d ms |%n",
                median(without), median(with), Collections.min(without), Collections.min(with)));
        System.out.printf("## Startup, Cassandra %s, %d tables, %d rounds%n%n%s%nDelay (median with − median without):"
                + " %+,d ms%n", version, tables, rounds, md, median(with) - median(without));
    }

    private static long boot(String version, int tables, Exporter config, int round, Path data, Exporter.Paths paths,
                             Path workRoot) {
        String name = "startup-" + tables + "-" + config.name().toLowerCase() + "-" + round;
        int port = FreePorts.next("127.0.0.1");
        try (CassandraNode node = CassandraNode.builder(version).name(name).initialData(data)
                .jvmArgs(config.jvmArgs(workRoot.resolve(name + "-conf"), port, paths).toArray(new String[0]))
                .startTimeout(Duration.ofMinutes(5)).build()) {
            node.start();
            return node.startupTime().toMillis();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
