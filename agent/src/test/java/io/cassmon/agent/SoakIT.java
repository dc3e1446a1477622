package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.ClassHistogram;
import io.cassmon.agent.it.FreePorts;
import io.cassmon.agent.it.SharedCassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak: a node of the newest version with the agent, a steady driver workload (prepared single-partition writes
 * and reads on a bounded key set, so Cassandra's own live data stops growing) and a scrape every second, for
 * {@code -Dcassmon.soak.minutes} (10 by default). No scrape may fail or repeat a series, no metric may fail to read,
 * the agent may log no WARN or ERROR, its objects may not grow, and the heap after a full GC must end where it
 * started (after a warm-up) within a tolerance. Not part of {@code mvn verify}: {@code -Psoak} runs it alone.
 */
class SoakIT {
    private static final double MINUTES = Double.parseDouble(System.getProperty("cassmon.soak.minutes", "10"));
    private static final int OPS_PER_SECOND = Integer.getInteger("cassmon.soak.rate", 400);
    private static final int TABLES = 4;
    private static final int KEYS = 5_000;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int IN_FLIGHT = 16;
    /** Cassandra's memtables, caches and driver state move the live heap by tens of MiB between two instants. */
    private static final long HEAP_TOLERANCE_BYTES = 64L << 20;
    private static final String AGENT = "io.cassmon.";

    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile double collectionErrors = Double.NaN;
    private volatile boolean stop;

    @Test
    void workloadAndScrapesEverySecondWithoutErrorsOrGrowth(@TempDir Path dir) throws Exception {
        Duration soak = Duration.ofMillis((long) (MINUTES * 60_000));
        Duration warmUp = Duration.ofMillis(Math.min(60_000, soak.toMillis() / 5));
        int port = FreePorts.next("127.0.0.1");
        Path config = dir.resolve("cassmon.yml");
        Files.writeString(config, "http:\n  host: 127.0.0.1\n  port: " + port + "\n");
        String version = SharedCassandra.versions().findFirst().orElseThrow();
        try (CassandraNode node = CassandraNode.builder(version).name("soak")
                .jvmArgs("-javaagent:" + System.getProperty(SharedCassandra.AGENT_JAR_PROPERTY) + "=config=" + config)
                .build().start()) {
            CqlSession session = node.session();
            PreparedStatement[][] statements = schema(session);
            String url = "http://127.0.0.1:" + port + "/metrics";
            Exposition.scrapeUntil(url, 60, "the agent exports the soak tables",
                    text -> text.contains("keyspace=\"soak\""));
            Thread workload = new Thread(() -> run(session, statements), "soak-workload");
            long start = System.nanoTime();
            workload.start();
            ClassHistogram first;
            ClassHistogram last;
            PeriodicScraper scraper = new PeriodicScraper(url, Duration.ofSeconds(1),
                    scrape -> collectionErrors = CassandraAgentIT.value(scrape.text(), "cassmon_collection_errors_total"));
            List<String> heap = new ArrayList<>();
            try (scraper) {
                TimeUnit.MILLISECONDS.sleep(warmUp.toMillis());
                first = ClassHistogram.of(node.pid());
                heap.add(String.format("%.1f", first.liveBytes() / 1048576.0));
                long okAfterWarmUp = ok.get();
                long end = start + soak.toNanos();
                // One more full GC a minute, for the report: a leak climbs, memtables and caches go up and down.
                for (long next = System.nanoTime() + MINUTE_NANOS; next < end - MINUTE_NANOS / 2; next += MINUTE_NANOS) {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                    heap.add(String.format("%.1f", ClassHistogram.of(node.pid()).liveBytes() / 1048576.0));
                }
                TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
                last = ClassHistogram.of(node.pid());
                heap.add(String.format("%.1f", last.liveBytes() / 1048576.0));
                System.out.printf("Soak of Cassandra %s for %.1f min (warm-up %d s): workload %d ok (%.0f/s after"
                                + " warm-up), %d failed; %s, %d failed; collection errors %.0f; heap after a full GC"
                                + " (MiB, after warm-up, then each minute, then at the end): %s; agent objects %d,"
                                + " then %d%n",
                        version, MINUTES, warmUp.toSeconds(), ok.get(),
                        (ok.get() - okAfterWarmUp) / ((soak.toMillis() - warmUp.toMillis()) / 1000.0), failed.get(),
                        scraper.durations(), scraper.failed(), collectionErrors,
                        String.join(", ", heap), first.total(AGENT), last.total(AGENT));
            } finally {
                stop = true;
                workload.join(TimeUnit.SECONDS.toMillis(60));
            }

            assertTrue(ok.get() > 0, "the workload ran");
            assertEquals(0, scraper.failed(), "failed scrapes: " + scraper.failures());
            assertEquals(List.of(), scraper.duplicates());
            assertTrue(scraper.scrapes() >= soak.toSeconds() * 9 / 10, scraper.durations());
            assertEquals(0, collectionErrors, "cassmon_collection_errors_total");
            List<String> agentProblems = node.log().lines().filter(line -> line.contains(" cassmon - ")
                    && (line.startsWith("ERROR") || line.startsWith("WARN"))).toList();
            assertEquals(List.of(), agentProblems, "the agent's WARN and ERROR lines in Cassandra's log");
            assertTrue(last.liveBytes() <= first.liveBytes() + HEAP_TOLERANCE_BYTES,
                    "heap after a full GC grew from " + first.liveBytes() + " to " + last.liveBytes() + " bytes");
            assertEquals(List.of(), last.grownSince(first, AGENT), "agent classes with more live instances");
        }
    }

    /** Keyspace soak with tables t0..t3; [table][0] writes, [table][1] reads. */
    private static PreparedStatement[][] schema(CqlSession session) {
        session.execute("CREATE KEYSPACE soak WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        PreparedStatement[][] statements = new PreparedStatement[TABLES][];
        for (int t = 0; t < TABLES; t++) {
            session.execute("CREATE TABLE soak.t" + t + " (id int PRIMARY KEY, v text)");
            statements[t] = new PreparedStatement[] {
                session.prepare("INSERT INTO soak.t" + t + " (id, v) VALUES (?, ?)"),
                session.prepare("SELECT v FROM soak.t" + t + " WHERE id = ?")};
        }
        return statements;
    }

    /** Paced at OPS_PER_SECOND with at most IN_FLIGHT requests, half writes, half reads, until {@link #stop}. */
    private void run(CqlSession session, PreparedStatement[][] statements) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / OPS_PER_SECOND;
        long next = System.nanoTime();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String value = "x".repeat(100);
        try {
            while (!stop) {
                inFlight.acquire();
                PreparedStatement[] table = statements[random.nextInt(TABLES)];
                int key = random.nextInt(KEYS);
                (random.nextBoolean() ? session.executeAsync(table[0].bind(key, value))
                        : session.executeAsync(table[1].bind(key)))
                        .whenComplete((result, error) -> {
                            (error == null ? ok : failed).incrementAndGet();
                            inFlight.release();
                        });
                next += intervalNanos;
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
            }
            inFlight.acquire(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
