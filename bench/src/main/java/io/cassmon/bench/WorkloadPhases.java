package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import io.cassmon.bench.WorkloadBenchmark.Measured;
import io.cassmon.bench.WorkloadBenchmark.Outcome;
import io.cassmon.bench.WorkloadBenchmark.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The paired-phase mode of {@link WorkloadBenchmark} (the default): one node with the cassmon agent at defaults, the
 * workload running without a break, a warm-up with scrapes on, then {@code pairs} pairs of {@code phase.seconds}
 * phases, "scraped" ({@code GET /metrics} every second) and "not scraped", in ABBA order (scraped first in odd pairs,
 * second in even ones), so that a drift spanning a few phases (JIT, compaction, page cache) adds to some pairs what it
 * takes from others. Per phase: throughput and p50/p99 of the requests completed in it, scrapes and their median, the
 * rest of the machine's CPU. The result is the mean over pairs of (scraped ÷ not scraped − 1), with a 95 % Student t
 * interval, and a verdict against 1 %.
 *
 * <p>It measures the cost of scraping: cassmon's collection and exposition on Cassandra's heap and CPU, plus the
 * scraper, which runs on the same cores here. It does not measure the agent's passive cost with no scrapes (present
 * in both phases); the {@code nodes} mode ({@link WorkloadNodes}) compares that, noisily. Allocation of a scrape may
 * be collected by a GC in the next phase, which ABBA order shares between both kinds of phase.
 */
final class WorkloadPhases {
    /** The throughput cost the verdict is about, in per cent. */
    static final double LIMIT_PERCENT = 1.0;
    /** Per phase beyond its length: the /proc snapshots and waiting for a scrape under way. */
    private static final int PHASE_SLACK_SECONDS = 3;

    private final Settings settings;
    private final int pairs;
    private final int phaseSeconds;

    private WorkloadPhases(Settings settings, int pairs, int phaseSeconds) {
        if (pairs < 2) {
            throw new IllegalArgumentException("-Dcassmon.bench.workload.pairs=" + pairs
                    + ": at least 2 pairs are needed for a confidence interval");
        }
        if (phaseSeconds < 1) {
            throw new IllegalArgumentException("-Dcassmon.bench.workload.phase.seconds=" + phaseSeconds
                    + ": expected at least 1");
        }
        this.settings = settings;
        this.pairs = pairs;
        this.phaseSeconds = phaseSeconds;
    }

    static WorkloadPhases fromSystemProperties(Settings settings) {
        return new WorkloadPhases(settings, Integer.getInteger("cassmon.bench.workload.pairs", 20),
                Integer.getInteger("cassmon.bench.workload.phase.seconds", 15));
    }

    /** One boot (up to 5 min) and stop, the warm-up, every phase with its slack; 10 min for the prepared data. */
    int timeoutMinutes() {
        return (360 + settings.warmup() + pairs * 2 * (phaseSeconds + PHASE_SLACK_SECONDS)) / 60 + 10;
    }

    Outcome run(Path data, Exporter.Paths paths) throws Exception {
        int port = FreePorts.next("127.0.0.1");
        Log.line("paired phases: starting the node with the cassmon agent");
        CassandraNode node = WorkloadBenchmark.node(settings, "workload-phases", Exporter.CASSMON, port, data, paths);
        List<Phase> phases = new ArrayList<>();
        try (node; CqlSession session = Cql.session(node.start()); ScrapeSchedule scrapes = new ScrapeSchedule(port);
             Workload workload = Workload.start(session, settings.concurrency())) {
            Log.line("warm-up: %d s, workload running, scraped every second", settings.warmup());
            ScrapeSchedule.Scrapes warm = WorkloadBenchmark.warmUp(scrapes, settings.warmup(), true);
            if (warm.count() == 0) {
                throw new IllegalStateException("no scrape of cassmon's /metrics on 127.0.0.1:" + port
                        + " succeeded during the warm-up; see " + node.logFile());
            }
            Log.line("warm-up done: scrapes %s", warm.cell());
            for (int pair = 1; pair <= pairs; pair++) {
                for (boolean scraped : pair % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    Map<Long, Double> agentCpu = agentCpuSeconds(node);
                    long start = System.nanoTime();
                    Measured measured = WorkloadBenchmark.measure(workload, scrapes, phaseSeconds, scraped);
                    Phase phase = new Phase(pair, scraped, measured, ProcStat.since(agentCpu, agentCpuSeconds(node))
                            / ((System.nanoTime() - start) / 1e9));
                    phases.add(phase);
                    Workload.Result r = phase.measured.result();
                    Log.line("pair %d/%d, %s: %.0f ops/s, p50 %.2f ms, p99 %.2f ms, scrapes %s", pair, pairs,
                            phase.title(), r.throughput(), r.p50(), r.p99(), phase.measured.scrapes().cell());
                }
            }
        }
        PairedDifference throughput = difference(phases, Workload.Result::throughput);
        Log.line("throughput, scraped vs not scraped: %s: %s", throughput.text(), verdict(throughput));
        return new Outcome(report(phases), windows(phases));
    }

    private String report(List<Phase> phases) {
        List<MachineLoad.Window> windows = windows(phases);
        long loud = windows.stream().filter(w -> !w.quiet()).count();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Workload overhead, paired phases%n%n%s. Cassandra %s, %d tables (10"
                        + " in use), %d requests in flight, 50%% INSERT / 50%% SELECT by partition, closed loop, on one node"
                        + " with the cassmon agent at defaults; %d s warm-up (scraped), then %d pairs of %d s phases of"
                        + " the same continuous workload in ABBA order: *scraped* (GET /metrics every second) and *not"
                        + " scraped*. The load generator and the scraper run on the same cores as the node.%n%n",
                Report.machine(), settings.version(), settings.tables(), settings.concurrency(),
                settings.warmup(), pairs, phaseSeconds));
        if (loud > 0) {
            md.append("**WARNING: the machine was not quiet during this run** (other CPU in bold below; see Quiet"
                    + " machine).\n\n");
        }
        md.append("**What this measures**: the cost of scraping, i.e. cassmon collecting and writing /metrics on"
                + " Cassandra's heap and CPU every second (plus the scraper receiving the response on the same cores, so"
                + " an upper bound for a remote Prometheus). **What it does not**: the agent's passive cost with no"
                + " scrapes, present in both phases; `-Dcassmon.bench.workload.mode=nodes` compares fresh nodes with"
                + " and without the agent for that, with 20–40 % noise between boots.\n\n");
        md.append("| pair | phase | throughput | p50 | p99 | p99.9 | scrapes (median) | cassmon threads | other CPU"
                + " | pair: throughput | pair: p99 |\n|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            Workload.Result r = p.measured.result();
            String pairThroughput = "";
            String pairP99 = "";
            if (i % 2 == 1) {
                Phase s = p.scraped ? p : phases.get(i - 1);
                Phase n = p.scraped ? phases.get(i - 1) : p;
                pairThroughput = percent(s.measured.result().throughput() / n.measured.result().throughput() - 1);
                pairP99 = percent(s.measured.result().p99() / n.measured.result().p99() - 1);
            }
            md.append(String.format(Locale.ROOT, "| %d | %s | %,.0f ops/s%s | %.2f ms | %.2f ms | %.2f ms | %s | %.4f cores"
                            + " | %s | %s | %s |%n", p.pair, p.title(), r.throughput(),
                    r.failures() == 0 ? "" : " (" + r.failures() + " failed)", r.p50(), r.p99(), r.p999(),
                    p.measured.scrapes().cell(), p.agentCores, p.measured.load().cell(), pairThroughput, pairP99));
        }
        PairedDifference throughput = difference(phases, Workload.Result::throughput);
        PairedDifference p99 = difference(phases, Workload.Result::p99);
        md.append(String.format(Locale.ROOT, "%nPair columns: scraped ÷ not scraped − 1 within the pair. Mean"
                        + " throughput: scraped %,.0f ops/s, not scraped %,.0f ops/s.%n%n", mean(phases, true),
                mean(phases, false)));
        md.append(String.format(Locale.ROOT, "- throughput, scraped vs not scraped: **%s**%n- p99, scraped vs not"
                        + " scraped: %s%n%nMean of the %d pair differences; 95 %% confidence interval from Student's t with"
                        + " %d degree%s of freedom (t = %.3f).%n%n", throughput.text(), p99.text(), pairs, pairs - 1,
                pairs == 2 ? "" : "s", PairedDifference.t975(pairs - 1)));
        double scrapedAgent = meanAgentCores(phases, true);
        double idleAgent = meanAgentCores(phases, false);
        int cores = Runtime.getRuntime().availableProcessors();
        md.append(String.format(Locale.ROOT, "CPU of the node's cassmon threads (scrape handlers and connections, from"
                        + " /proc/<pid>/task): %.4f cores in scraped phases, %.4f in the others; scraping every second"
                        + " took **%.4f cores, %.2f %% of the machine's %d cores**: the share of the CPU a workload that"
                        + " keeps every core busy loses to it (GC of the scrapes' allocation not included).%n%n",
                scrapedAgent, idleAgent, scrapedAgent - idleAgent, 100 * (scrapedAgent - idleAgent) / cores, cores));
        md.append("**Verdict: ").append(verdict(throughput)).append("**");
        if (loud > 0) {
            md.append(String.format(Locale.ROOT, " (%d of %d phases were not quiet: the interval includes their"
                    + " disturbance; rerun on a quiet machine)", loud, phases.size()));
        }
        md.append("\n\n").append(Report.quietness(windows));
        return md.toString();
    }

    /** {@code within 1 % (throughput cost of 1 s scrapes +0.21 %, 95 % CI -0.30 % to +0.72 %)}, and so on. */
    static String verdict(PairedDifference throughput) {
        String interval = Double.isNaN(throughput.lowPercent()) ? "no interval"
                : String.format(Locale.ROOT, "95 %% CI %+.2f %% to %+.2f %%", -throughput.highPercent(),
                -throughput.lowPercent());
        return String.format(Locale.ROOT, "%s (throughput cost of 1 s scrapes %+.2f %%, %s)",
                throughput.dropVerdict(LIMIT_PERCENT).text(LIMIT_PERCENT), -throughput.meanPercent(), interval);
    }

    private static PairedDifference difference(List<Phase> phases, ToDoubleFunction<Workload.Result> f) {
        int n = phases.size() / 2;
        double[] scraped = new double[n];
        double[] notScraped = new double[n];
        for (Phase p : phases) {
            (p.scraped ? scraped : notScraped)[p.pair - 1] = f.applyAsDouble(p.measured.result());
        }
        return PairedDifference.of(scraped, notScraped);
    }

    private static double mean(List<Phase> phases, boolean scraped) {
        return phases.stream().filter(p -> p.scraped == scraped)
                .mapToDouble(p -> p.measured.result().throughput()).average().orElse(Double.NaN);
    }

    private static double meanAgentCores(List<Phase> phases, boolean scraped) {
        return phases.stream().filter(p -> p.scraped == scraped).mapToDouble(Phase::agentCores).average()
                .orElse(Double.NaN);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f %%", ratio * 100);
    }

    private static List<MachineLoad.Window> windows(List<Phase> phases) {
        List<MachineLoad.Window> windows = new ArrayList<>();
        phases.forEach(p -> windows.add(p.measured.load()));
        return windows;
    }

    /** CPU seconds used so far by each of the node's cassmon threads (scrape handlers, connections, the agent's). */
    private static Map<Long, Double> agentCpuSeconds(CassandraNode node) {
        return ProcStat.cpuSecondsByThread(node.pid(), "cassmon-agent");
    }

    /** One phase of one pair; {@code agentCores}: CPU seconds per second of the node's cassmon threads in it. */
    private record Phase(int pair, boolean scraped, Measured measured, double agentCores) {
        String title() {
            return scraped ? "scraped" : "not scraped";
        }
    }
}
