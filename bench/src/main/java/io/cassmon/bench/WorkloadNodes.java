package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import io.cassmon.bench.WorkloadBenchmark.Measured;
import io.cassmon.bench.WorkloadBenchmark.Outcome;
import io.cassmon.bench.WorkloadBenchmark.Settings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fresh-node mode of {@link WorkloadBenchmark} ({@code -Dcassmon.bench.workload.mode=nodes}): the workload against
 * a node without an agent and against one with cassmon scraped every second, in alternating order over several
 * rounds, each node fresh from the same prepared data. It sees the agent's whole cost, passive and scraping, but fresh
 * nodes of one configuration differ by 20–40 % in throughput, which hides a cost of a few per cent.
 */
final class WorkloadNodes {
    private final Settings settings;
    private final int seconds;
    private final int rounds;

    private WorkloadNodes(Settings settings, int seconds, int rounds) {
        this.settings = settings;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    static WorkloadNodes fromSystemProperties(Settings settings) {
        return new WorkloadNodes(settings, Integer.getInteger("cassmon.bench.workload.seconds", 60),
                Integer.getInteger("cassmon.bench.workload.rounds", 2));
    }

    /** Every round boots two nodes (up to 5 min each), warms each up and measures it; 10 min for the prepared data. */
    int timeoutMinutes() {
        return rounds * 2 * (seconds + settings.warmup() + 240) / 60 + 10;
    }

    Outcome run(Path data, Exporter.Paths paths) throws Exception {
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Exporter> order = round % 2 == 1 ? List.of(Exporter.NONE, Exporter.CASSMON)
                    : List.of(Exporter.CASSMON, Exporter.NONE);
            for (Exporter config : order) {
                Run run = new Run(round, config, run(data, paths, round, config));
                runs.add(run);
                Workload.Result r = run.measured.result();
                Log.line("round %d, %s: %.0f ops/s, p50 %.2f ms, p99 %.2f ms, scrapes %s", round, config.title,
                        r.throughput(), r.p50(), r.p99(), run.measured.scrapes().cell());
            }
        }
        return new Outcome(report(runs), windows(runs));
    }

    private Measured run(Path data, Exporter.Paths paths, int round, Exporter config) throws Exception {
        String name = "workload-" + round + "-" + config.name().toLowerCase();
        int port = FreePorts.next("127.0.0.1");
        Log.line("round %d, %s: starting the node", round, config.title);
        CassandraNode node = WorkloadBenchmark.node(settings, name, config, port, data, paths);
        try (node; CqlSession session = Cql.session(node.start()); ScrapeSchedule scrapes = new ScrapeSchedule(port);
             Workload workload = Workload.start(session, settings.concurrency())) {
            WorkloadBenchmark.warmUp(scrapes, settings.warmup(), config.scraped());
            return WorkloadBenchmark.measure(workload, scrapes, seconds, config.scraped());
        }
    }

    private String report(List<Run> runs) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Workload overhead, fresh nodes, %s%n%nCassandra %s, %d tables (10 in"
                        + " use), %d requests in flight, 50%% INSERT / 50%% SELECT by partition, %d s measured after %d s"
                        + " warm-up, one fresh node per row; the load generator runs on the same 2 cores.%n%n",
                LocalDate.now(), settings.version(), settings.tables(), settings.concurrency(), seconds,
                settings.warmup()));
        md.append("| round | configuration | throughput | p50 | p99 | p99.9 | scrapes (median) | other CPU |\n"
                + "|---:|---|---:|---:|---:|---:|---:|---|\n");
        for (Run run : runs) {
            Workload.Result r = run.measured.result();
            md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f ops/s | %.2f ms | %.2f ms | %.2f ms | %s | %s |%n",
                    run.round, run.config.title, r.throughput(), r.p50(), r.p99(), r.p999(),
                    run.measured.scrapes().cell(), run.measured.load().cell()));
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
        for (Run run : runs) {
            if (run.config == config) {
                ops += run.measured.result().throughput();
                p99 += run.measured.result().p99();
                n++;
            }
        }
        return new double[] {ops / n, p99 / n};
    }

    private static List<MachineLoad.Window> windows(List<Run> runs) {
        List<MachineLoad.Window> windows = new ArrayList<>();
        runs.forEach(r -> windows.add(r.measured.load()));
        return windows;
    }

    /** One fresh node's measured window. */
    private record Run(int round, Exporter config, Measured measured) {
    }
}
