package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.ClassHistogram;
import io.cassmon.agent.it.SharedCassandra;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keyspaces, tables and indexes created, altered and dropped for a minute (-Dcassmon.churn.seconds) on the shared
 * node of the newest version while /metrics is scraped every 100 ms: no scrape fails or repeats a series, a dropped
 * table is gone from every scrape that starts after its DROP returned, and once the schema is back as it was, the
 * agent holds as many objects (jcmd GC.class_histogram, after a full GC) and counts as many registry metrics as
 * before. A metric read may fail because of the churn (a table dropped while its metric is read, a node-level gauge
 * walking a keyspace being dropped): it is skipped and counted in cassmon_collection_errors_total, as the failure
 * policy says, and the scrape is served; any other skipped metric fails the test.
 *
 * <p>Two agent classes may legitimately gain a few instances, once: the bucket layout chosen for each histogram
 * shape first seen (e.g. partition sizes once a churned table has SSTables) and a GC histogram series per GC cause
 * first seen (jcmd's own "Heap Inspection Initiated GC"); the tolerance of 5 + 1 % per class allows that.
 */
@ExtendWith(SharedCassandra.Extension.class)
class SchemaChurnIT {
    private static final String PREFIX = "cassmon_churn_";
    private static final int KEYSPACES = 3;
    private static final Duration CHURN = Duration.ofSeconds(Long.getLong("cassmon.churn.seconds", 60));
    private static final Duration PERIOD = Duration.ofMillis(100);
    private static final Pattern CHURNED = Pattern.compile("keyspace=\"(" + PREFIX + "\\d+)\",table=\"(\\w+)\"");
    private static final Pattern SKIPPED = Pattern.compile(" cassmon - cassmon: skipped metric (\\S+ in this scrape,"
            + " reading it threw .*) \\(logged once per metric");
    private static final String SELF = "cassmon_registry_metrics{state=\"";
    /** The agent's classes, its relocated libraries included. */
    private static final String AGENT = "io.cassmon.";

    /** Tables in each scrape, DROPs as they returned, CREATEs as they were sent. */
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Change> drops = new ArrayList<>();
    private final List<Change> creates = new ArrayList<>();
    private final Set<String> alive = new HashSet<>();
    private double failedBefore;
    private double churnSkips;

    private record Seen(long startNanos, long endNanos, Set<String> tables) {
    }

    private record Change(String table, long nanos) {
    }

    @Test
    void schemaChurnFailsNoScrapeRepeatsNoSeriesAndLeavesNothingBehind() throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(SharedCassandra.versions().findFirst().orElseThrow());
        long pid = cassandra.node().pid();
        try (CqlSession session = ddlSession(cassandra.node())) {
            // One round first, so whatever the agent keeps for good once it has seen such tables exists before
            // the baseline (bucket layouts chosen per histogram shape, Cassandra's lazily registered metrics).
            round(session, 0);
            dropAll(session);
            String before = Exposition.scrape(cassandra.metricsUrl());
            assertFalse(before.contains("keyspace=\"" + PREFIX), "no churned table before the churn");
            failedBefore = CassandraAgentIT.value(before, "cassmon_scrape_failed_metrics");
            ClassHistogram heapBefore = ClassHistogram.of(pid);
            int logOffset = cassandra.node().log().length();

            long end = System.nanoTime() + CHURN.toNanos();
            int rounds = 0;
            PeriodicScraper scraper = new PeriodicScraper(cassandra.metricsUrl(), PERIOD, this::inspect);
            try (scraper) {
                while (System.nanoTime() < end) {
                    round(session, ++rounds);
                }
            }
            dropAll(session);
            String after = Exposition.scrape(cassandra.metricsUrl());
            ClassHistogram heapAfter = ClassHistogram.of(pid);

            List<String> skipped = skippedMetrics(cassandra.node().log().substring(logOffset));
            System.out.printf("Schema churn for %d s: %d rounds, %d DROPs of tables, %d CREATEs; %s; %d failed;"
                            + " metrics skipped in scrapes because reading them threw: %.0f (%d distinct, logged: %s);"
                            + " agent objects after a full GC: %d before, %d after; heap after a full GC: %.1f MiB"
                            + " before, %.1f MiB after; agent classes with more instances: %s%n",
                    CHURN.toSeconds(), rounds, drops.size(), creates.size(), scraper.durations(), scraper.failed(),
                    churnSkips, skipped.size(), skipped, heapBefore.total(AGENT), heapAfter.total(AGENT),
                    heapBefore.liveBytes() / 1048576.0, heapAfter.liveBytes() / 1048576.0, changed(heapBefore, heapAfter));

            assertTrue(scraper.scrapes() > CHURN.toSeconds() * 2, scraper.durations());
            assertEquals(0, scraper.failed(), "failed scrapes: " + scraper.failures());
            assertEquals(List.of(), scraper.duplicates(), "scrapes repeated a series or a # TYPE");
            assertEquals(List.of(), droppedButScraped(), "tables scraped after their DROP returned");
            for (String skip : skipped) {
                // E.g. Cassandra 5.0's Compaction.PendingTasks walks every keyspace and, under -ea, throws
                // "AssertionError: Unknown keyspace cassmon_churn_2" if one is dropped meanwhile.
                assertTrue(skip.contains(PREFIX), "only a metric of a churned table, or one that failed on a churned"
                        + " keyspace, may be skipped: " + skip);
            }
            assertFalse(after.contains("keyspace=\"" + PREFIX), "every churned table is gone");
            for (String state : List.of("exported", "filtered", "conflicting")) {
                String series = SELF + state + "\",}";
                assertEquals(CassandraAgentIT.value(before, series), CassandraAgentIT.value(after, series), series);
            }
            assertEquals(List.of(), heapAfter.grownSince(heapBefore, AGENT), "agent classes with more live instances");
        } finally {
            try (CqlSession session = ddlSession(cassandra.node())) {
                dropAll(session);
            }
        }
    }

    /**
     * A session of its own without schema metadata: the driver otherwise refreshes its schema model after every DDL
     * (debounced by a second), which would make the churn a few DDL statements a minute.
     */
    private static CqlSession ddlSession(CassandraNode node) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(node.address(), node.nativePort()))
                .withLocalDatacenter(node.datacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                        .build())
                .build();
    }

    /** One round on keyspace n % 3: create it and two tables (one indexed), write, alter, drop and recreate a
     *  table, then drop the keyspace of the round before (so two keyspaces overlap and names come back). */
    private void round(CqlSession session, int n) {
        String ks = PREFIX + (n % KEYSPACES);
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + ks
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        create(session, ks, "events", "(id int PRIMARY KEY, v text)");
        create(session, ks, "wide", "(pk int, ck int, v text, PRIMARY KEY (pk, ck))");
        session.execute("CREATE INDEX IF NOT EXISTS wide_v ON " + ks + ".wide (v)");
        for (int i = 0; i < 5; i++) {
            session.execute("INSERT INTO " + ks + ".events (id, v) VALUES (" + i + ", 'v" + i + "')");
            session.execute("INSERT INTO " + ks + ".wide (pk, ck, v) VALUES (0, " + i + ", 'v" + i + "')");
        }
        session.execute("SELECT * FROM " + ks + ".wide WHERE pk = 0");
        session.execute("ALTER TABLE " + ks + ".events ADD extra int");
        session.execute("ALTER TABLE " + ks + ".wide WITH comment = 'round " + n + "'");
        dropTable(session, ks, "events");
        create(session, ks, "events", "(id int PRIMARY KEY, v text)");
        dropKeyspace(session, PREFIX + ((n + KEYSPACES - 1) % KEYSPACES));
    }

    private void create(CqlSession session, String ks, String table, String columns) {
        creates.add(new Change(ks + "." + table, System.nanoTime()));
        session.execute("CREATE TABLE IF NOT EXISTS " + ks + "." + table + " " + columns);
        alive.add(ks + "." + table);
    }

    private void dropTable(CqlSession session, String ks, String table) {
        session.execute("DROP TABLE " + ks + "." + table);
        dropped(Set.of(ks + "." + table));
    }

    private void dropKeyspace(CqlSession session, String ks) {
        session.execute("DROP KEYSPACE IF EXISTS " + ks);
        Set<String> tables = new HashSet<>();
        alive.removeIf(table -> table.startsWith(ks + ".") && tables.add(table));
        dropped(tables);
    }

    private void dropped(Set<String> tables) {
        long now = System.nanoTime();
        for (String table : tables) {
            alive.remove(table);
            drops.add(new Change(table, now));
        }
    }

    private void dropAll(CqlSession session) {
        for (int i = 0; i < KEYSPACES; i++) {
            dropKeyspace(session, PREFIX + i);
        }
    }

    private void inspect(PeriodicScraper.Scrape scrape) {
        Set<String> tables = new HashSet<>();
        Matcher table = CHURNED.matcher(scrape.text());
        while (table.find()) {
            tables.add(table.group(1) + "." + table.group(2));
        }
        seen.add(new Seen(scrape.startNanos(), scrape.endNanos(), tables));
        churnSkips += Math.max(0, CassandraAgentIT.value(scrape.text(), "cassmon_scrape_failed_metrics") - failedBefore);
    }

    /** A table in a scrape sent after its DROP returned, unless a CREATE of that name was sent before the answer. */
    private List<String> droppedButScraped() {
        List<String> out = new ArrayList<>();
        for (Change drop : drops) {
            for (Seen scrape : seen) {
                boolean recreated = creates.stream().anyMatch(create -> create.table().equals(drop.table())
                        && create.nanos() > drop.nanos() && create.nanos() < scrape.endNanos());
                if (scrape.startNanos() > drop.nanos() && !recreated && scrape.tables().contains(drop.table())) {
                    out.add(drop.table() + " " + (scrape.startNanos() - drop.nanos()) / 1_000_000 + " ms after its DROP");
                    break;
                }
            }
        }
        return out;
    }

    /** Every agent class whose live instances differ, for the report. */
    private static List<String> changed(ClassHistogram before, ClassHistogram after) {
        List<String> out = new ArrayList<>();
        Map<String, Long> earlier = before.instances(AGENT);
        after.instances(AGENT).forEach((type, count) -> {
            long was = earlier.getOrDefault(type, 0L);
            if (count != was) {
                out.add(type.substring(AGENT.length()) + " " + was + " -> " + count);
            }
        });
        return out;
    }

    /** "METRIC in this scrape, reading it threw EXCEPTION" of every metric the agent skipped. */
    private static List<String> skippedMetrics(String log) {
        Set<String> metrics = new TreeSet<>();
        Matcher line = SKIPPED.matcher(log);
        while (line.find()) {
            metrics.add(line.group(1));
        }
        return new ArrayList<>(metrics);
    }
}
