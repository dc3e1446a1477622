package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cassmon.agent.it.SharedCassandra;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shaded agent attached to real Cassandra nodes (each version in -Dcassmon.it.versions), as a user would. */
@ExtendWith(SharedCassandra.Extension.class)
class CassandraAgentIT {
    private static final String VERSIONS = "io.cassmon.agent.it.SharedCassandra#versions";
    private static final String KEYSPACE = "cassmon_it";

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void tableSeriesAppearAndCountTraffic(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".traffic (id int PRIMARY KEY, v text)");
        PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + ".traffic (id, v) VALUES (?, ?)");
        PreparedStatement select = session.prepare("SELECT v FROM " + KEYSPACE + ".traffic WHERE id = ?");
        for (int i = 0; i < 50; i++) {
            session.execute(insert.bind(i, "value-" + i));
        }
        for (int i = 0; i < 30; i++) {
            session.execute(select.bind(i));
        }

        String writes = "cassandra_table_write_latency_" + KEYSPACE + "_traffic_seconds";
        String reads = "cassandra_table_read_latency_" + KEYSPACE + "_traffic_seconds";
        String metrics = scrapeUntil(cassandra, text -> value(text, writes + "_count") == 50);
        assertEquals(30, value(metrics, reads + "_count"), metrics);
        // Cassandra 4.0 timers hold nanoseconds, 4.1+ microseconds: a local write takes microseconds to
        // milliseconds, never nanoseconds (a unit mix-up is a factor of 1000).
        double medianWrite = value(metrics, writes + "{quantile=\"0.5\",}");
        assertTrue(medianWrite > 1e-6 && medianWrite < 1, "median write latency " + medianWrite + " s");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void droppedTableSeriesDisappear(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".doomed (id int PRIMARY KEY)");
        session.execute("INSERT INTO " + KEYSPACE + ".doomed (id) VALUES (1)");
        scrapeUntil(cassandra, text -> text.contains("_" + KEYSPACE + "_doomed"));

        session.execute("DROP TABLE " + KEYSPACE + ".doomed");

        scrapeUntil(cassandra, text -> !text.contains("_" + KEYSPACE + "_doomed"));
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void everyRegistryMetricIsExportedAsAFamily(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        String metrics = cassandra.scrape();

        long families = metrics.lines().filter(l -> l.startsWith("# TYPE ") && !l.startsWith("# TYPE cassmon_")).count();
        double exported = value(metrics, "cassmon_registry_metrics{state=\"exported\",}");
        double nonNumeric = value(metrics, "cassmon_scrape_non_numeric_gauges");
        double failed = value(metrics, "cassmon_scrape_failed_metrics");
        assertEquals(0, value(metrics, "cassmon_registry_metrics{state=\"unexported\",}"), metrics);
        assertTrue(exported > 1000, "Cassandra registers thousands of metrics, the agent follows " + exported);
        assertEquals(exported, families + nonNumeric + failed, "families " + families + ", non-numeric gauges "
                + nonNumeric + ", failed " + failed);
        assertEquals(1, value(metrics, "cassmon_registries"));
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void aGaugeThatThrowsIsSkippedAndCassandraGoesOn(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        ThrowingGaugeTrigger.writeJar(version, cassandra.node().triggersDirectory());
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".triggered (id int PRIMARY KEY)");
        session.execute("CREATE TRIGGER throwing_gauge ON " + KEYSPACE + ".triggered USING '"
                + ThrowingGaugeTrigger.CLASS_NAME + "'");

        String metrics = scrapeUntil(cassandra, text -> value(text, "cassmon_scrape_failed_metrics") >= 1);

        assertFalse(metrics.contains("CassmonTest"), "the throwing gauge must be left out");
        assertTrue(metrics.contains("cassandra_storage_load "), "the rest of the scrape is served");
        session.execute("INSERT INTO " + KEYSPACE + ".triggered (id) VALUES (1)");
        assertEquals(1, session.execute("SELECT id FROM " + KEYSPACE + ".triggered").all().size());
        String warning = "cassmon: skipped metric " + ThrowingGaugeTrigger.GAUGE_NAME + " in this scrape, reading it"
                + " threw java.lang.IllegalStateException: " + ThrowingGaugeTrigger.MESSAGE
                + " (logged once per metric; counted in cassmon_collection_errors_total)";
        assertTrue(cassandra.node().log().contains(warning), "Cassandra's log has: " + warning);
        session.execute("DROP TABLE " + KEYSPACE + ".triggered");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void promtoolParsesTheRealOutput(String version) throws Exception {
        Promtool.Result result = Promtool.checkMetrics(SharedCassandra.get(version).scrape());
        // Parse errors fail here; naming lints are the curated catalog's to settle, so they are only shown.
        assertFalse(result.output().contains("error while linting") || result.output().contains("parsing error"),
                result.output());
        System.out.println("promtool lints on Cassandra " + version + " (mechanical names): "
                + result.output().lines().count());
    }

    private static CqlSession session(SharedCassandra cassandra) {
        CqlSession session = cassandra.node().session();
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        return session;
    }

    /** Scrapes until {@code done} holds (bounded: 60 s), returning that scrape. */
    static String scrapeUntil(SharedCassandra cassandra, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String text = cassandra.scrape();
        while (!done.test(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s; last scrape has " + text.length() + " chars");
            }
            TimeUnit.MILLISECONDS.sleep(250);
            text = cassandra.scrape();
        }
        return text;
    }

    /** The value of the sample whose name and labels are exactly {@code series}; NaN when absent. */
    static double value(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
