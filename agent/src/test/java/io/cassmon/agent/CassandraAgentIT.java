package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.cassmon.agent.it.SharedCassandra;
import io.cassmon.agent.it.ThrowingGaugeTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private static final int SERIES_BUDGET_PER_TABLE = 150;

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void tableHistogramsCountTrafficAndOnlyGrow(String version) throws Exception {
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
        String labels = "{keyspace=\"" + KEYSPACE + "\",table=\"traffic\",}";
        String first = scrapeUntil(cassandra,
                text -> value(text, "cassandra_table_write_latency_seconds_count" + labels) == 50);
        assertEquals(30, value(first, "cassandra_table_read_latency_seconds_count" + labels), first);

        for (int i = 0; i < 20; i++) {
            session.execute(insert.bind(i, "again-" + i));
        }
        String second = scrapeUntil(cassandra,
                text -> value(text, "cassandra_table_write_latency_seconds_count" + labels) == 70);

        Map<String, Double> before = buckets(first, "traffic");
        Map<String, Double> after = buckets(second, "traffic");
        assertTrue(before.size() > 50, "bucket series of the table: " + before.keySet());
        for (Map.Entry<String, Double> bucket : before.entrySet()) {
            assertTrue(after.get(bucket.getKey()) >= bucket.getValue(), bucket.getKey() + " went down");
        }
        assertCumulative(second, "cassandra_table_write_latency_seconds", labels);
        assertFalse(cassandra.node().log().contains("reading Cassandra histograms through getSnapshot()"),
                "bucket counts are read straight from Cassandra's reservoirs");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void latencyBucketsAreInSecondsOnEveryVersion(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".wide (pk int, ck int, v text, PRIMARY KEY (pk, ck))");
        PreparedStatement insert = session.prepare("INSERT INTO " + KEYSPACE + ".wide (pk, ck, v) VALUES (0, ?, ?)");
        String payload = "x".repeat(200);
        for (int batch = 0; batch < 50; batch++) {
            BatchStatementBuilder rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
            for (int i = 0; i < 100; i++) {
                rows.addStatement(insert.bind(batch * 100 + i, payload));
            }
            session.execute(rows.build());
        }
        for (int i = 0; i < 10; i++) {
            session.execute(SimpleStatement.builder("SELECT * FROM " + KEYSPACE + ".wide WHERE pk = 0")
                    .setPageSize(10_000).build());
        }
        String labels = "{keyspace=\"" + KEYSPACE + "\",table=\"wide\",}";
        String family = "cassandra_table_read_latency_seconds";
        String metrics = scrapeUntil(cassandra, text -> value(text, family + "_count" + labels) >= 10);

        // _sum comes from Cassandra's TotalLatency counter (microseconds in every version), independent of the
        // timer's reservoir; the buckets must agree with it. A ns/µs mix-up would put them 1000x apart.
        double mean = value(metrics, family + "_sum" + labels) / value(metrics, family + "_count" + labels);
        assertTrue(mean > 0.0005, "reading a 1 MB partition should take over 0.5 ms; took " + mean + " s");
        double median = medianBucket(metrics, family, labels);
        assertTrue(median > mean / 10 && median < mean * 10, "median bucket " + median + " s, mean " + mean + " s");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void aTableCostsAtMost150SeriesAtDefaults(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".budget (id int PRIMARY KEY, v text)");
        session.execute("INSERT INTO " + KEYSPACE + ".budget (id, v) VALUES (1, 'a')");
        String metrics = scrapeUntil(cassandra, text -> text.contains("table=\"budget\""));

        long series = metrics.lines().filter(l -> !l.startsWith("#") && l.contains("table=\"budget\"")).count();
        long nodeLevel = metrics.lines().filter(l -> !l.startsWith("#") && !l.contains("table=\"")).count();
        System.out.println("Cassandra " + version + ": " + series + " series per table at defaults, " + nodeLevel
                + " series not tied to a table (node level, cassmon's own included)");
        assertTrue(series <= SERIES_BUDGET_PER_TABLE && series > 100, series + " series for one table");
        assertFalse(metrics.contains("keyspace=\"system\""), "system keyspaces are off by default");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void droppedTableSeriesDisappear(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".doomed (id int PRIMARY KEY)");
        session.execute("INSERT INTO " + KEYSPACE + ".doomed (id) VALUES (1)");
        scrapeUntil(cassandra, text -> text.contains("table=\"doomed\""));

        session.execute("DROP TABLE " + KEYSPACE + ".doomed");

        scrapeUntil(cassandra, text -> !text.contains("table=\"doomed\""));
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void onlyCatalogFamiliesWithoutConflicts(String version) throws Exception {
        String metrics = SharedCassandra.get(version).scrape();
        assertEquals(0, value(metrics, "cassmon_registry_metrics{state=\"conflicting\",}"), metrics);
        assertTrue(value(metrics, "cassmon_registry_metrics{state=\"exported\",}") > 100);
        assertEquals(1, value(metrics, "cassmon_registries"));
        List<String> unexpected = new ArrayList<>();
        metrics.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2])
                .filter(name -> !name.startsWith("cassandra_") && !name.startsWith("cassmon_")
                        && !name.startsWith("jvm_") && !name.startsWith("process_") && !name.startsWith("system_"))
                .forEach(unexpected::add);
        assertEquals(List.of(), unexpected);
        for (String family : List.of("cassandra_client_request_latency_seconds_bucket{operation=\"read\",le=\"+Inf\",}",
                "cassandra_thread_pool_pending_tasks{group=\"request\",pool=\"MutationStage\",}",
                "cassandra_storage_load_bytes", "cassandra_compaction_pending_tasks")) {
            assertFalse(Double.isNaN(value(metrics, family)), family + " missing");
        }
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void promtoolFindsNoProblemsInTheRealOutput(String version) throws Exception {
        Promtool.Result result = Promtool.checkMetrics(SharedCassandra.get(version).scrape());
        assertEquals("", result.output().trim());
        assertEquals(0, result.exitCode());
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void aGaugeThatThrowsIsSkippedAndCassandraGoesOn(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = session(cassandra);
        session.execute("CREATE TABLE " + KEYSPACE + ".triggered (id int PRIMARY KEY)");
        session.execute("CREATE TRIGGER throwing_gauge ON " + KEYSPACE + ".triggered USING '"
                + ThrowingGaugeTrigger.CLASS_NAME + "'");

        String metrics = scrapeUntil(cassandra, text -> value(text, "cassmon_scrape_failed_metrics") >= 1);

        assertFalse(metrics.contains("gauge_that_throws"), "the throwing gauge must be left out");
        assertTrue(metrics.contains("cassandra_storage_load_bytes "), "the rest of the scrape is served");
        session.execute("INSERT INTO " + KEYSPACE + ".triggered (id) VALUES (1)");
        assertEquals(1, session.execute("SELECT id FROM " + KEYSPACE + ".triggered").all().size());
        String warning = "cassmon: skipped metric " + ThrowingGaugeTrigger.GAUGE_NAME + " in this scrape, reading it"
                + " threw java.lang.IllegalStateException: " + ThrowingGaugeTrigger.MESSAGE
                + " (logged once per metric; counted in cassmon_collection_errors_total)";
        assertTrue(cassandra.node().log().contains(warning), "Cassandra's log has: " + warning);
        session.execute("DROP TABLE " + KEYSPACE + ".triggered");
    }

    private static CqlSession session(SharedCassandra cassandra) {
        CqlSession session = cassandra.node().session();
        session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        return session;
    }

    /** Every {@code _bucket} sample of {@code table}, by series. */
    private static Map<String, Double> buckets(String metrics, String table) {
        Map<String, Double> out = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^(\\w+_bucket\\{[^}]*table=\"" + table + "\"[^}]*}) (\\S+)$").matcher(metrics);
        while (line.find()) {
            out.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return out;
    }

    /** Buckets of one series, by upper bound; +Inf included. */
    private static TreeMap<Double, Double> histogram(String metrics, String family, String labels) {
        String inner = labels.substring(1, labels.length() - 1);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(family + "_bucket{" + inner) + "le=\"([^\"]+)\",} (\\S+)$")
                .matcher(metrics);
        TreeMap<Double, Double> out = new TreeMap<>();
        while (line.find()) {
            out.put("+Inf".equals(line.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(line.group(1)),
                    Double.parseDouble(line.group(2)));
        }
        return out;
    }

    private static void assertCumulative(String metrics, String family, String labels) {
        TreeMap<Double, Double> buckets = histogram(metrics, family, labels);
        assertTrue(buckets.size() > 5, family + labels + " has buckets " + buckets);
        double previous = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            assertTrue(bucket.getValue() >= previous, "le=" + bucket.getKey() + " is below the bucket before it");
            previous = bucket.getValue();
        }
        assertEquals(value(metrics, family + "_count" + labels), buckets.lastEntry().getValue());
    }

    /** The upper bound of the bucket holding the median observation. */
    private static double medianBucket(String metrics, String family, String labels) {
        TreeMap<Double, Double> buckets = histogram(metrics, family, labels);
        double half = buckets.lastEntry().getValue() / 2;
        return buckets.entrySet().stream().filter(b -> b.getValue() >= half).findFirst().orElseThrow().getKey();
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
