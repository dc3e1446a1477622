package io.cassmon.exporter.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.log.Log;
import java.util.concurrent.TimeUnit;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden output of each mapping kind, by the catalog, at default configuration. */
class CatalogRenderingTest {
    private final CatalogScrape scrape = new CatalogScrape(CatalogConfig.defaults());

    @BeforeEach
    void quietLog() {
        Log.useSink((level, message, cause) -> { });
    }

    @Test
    void microsecondTimerIsAHistogramInSecondsWithTheExactSum() {
        Timer timer = scrape.microsecondTimer("Table.WriteLatency.shop.orders");
        timer.update(2, TimeUnit.MILLISECONDS);
        timer.update(60, TimeUnit.MILLISECONDS);
        scrape.registry.counter(CatalogScrape.PREFIX + "Table.WriteTotalLatency.shop.orders").inc(62_000);

        assertEquals(String.join("\n",
                "# HELP cassandra_table_write_latency_seconds Local write latency on this replica: one observation per mutation applied.",
                "# TYPE cassandra_table_write_latency_seconds histogram",
                bucket("0.000103", 0), bucket("0.000258", 0), bucket("0.000535", 0), bucket("0.000924", 0),
                bucket("0.002299", 1), bucket("0.004768", 1), bucket("0.009887", 1), bucket("0.024601", 1),
                bucket("0.051012", 1), bucket("0.105778", 2), bucket("0.182785", 2), bucket("0.545791", 2),
                bucket("0.943127", 2), bucket("2.346799", 2), bucket("4.866323", 2), bucket("10.090808", 2),
                bucket("+Inf", 2),
                "cassandra_table_write_latency_seconds_count{keyspace=\"shop\",table=\"orders\",} 2.0",
                "cassandra_table_write_latency_seconds_sum{keyspace=\"shop\",table=\"orders\",} 0.062",
                ""), scrape.families());
    }

    @Test
    void nanosecondTimerOfCassandra40HasTheSameLatencyInSeconds() {
        Timer timer = scrape.nanosecondTimer("Table.WriteLatency.shop.orders");
        timer.update(2, TimeUnit.MILLISECONDS);
        String text = scrape.text();
        // The same offsets as 4.1+, read as nanoseconds: those nearest 1 ms and 2.5 ms; 2 ms lands between them.
        assertTrue(text.contains("cassandra_table_write_latency_seconds_bucket{keyspace=\"shop\",table=\"orders\",le=\"0.000943127\",} 0.0"), text);
        assertTrue(text.contains("cassandra_table_write_latency_seconds_bucket{keyspace=\"shop\",table=\"orders\",le=\"0.002346799\",} 1.0"), text);
        assertFalse(text.contains("_sum{"), "no TotalLatency counter registered, so no _sum: " + text);
    }

    @Test
    void overflowGoesToInfinityAndNeverBreaksTheScrape() {
        DecayingEstimatedHistogramReservoir reservoir = new DecayingEstimatedHistogramReservoir(164, false, 1);
        reservoir.overflow(3);
        scrape.registry.register(CatalogScrape.PREFIX + "Table.ReadLatency.shop.orders", new Timer(reservoir));
        String text = scrape.text();
        assertTrue(text.contains("cassandra_table_read_latency_seconds_bucket{keyspace=\"shop\",table=\"orders\",le=\"10.299432635\",} 0.0"), text);
        assertTrue(text.contains("cassandra_table_read_latency_seconds_bucket{keyspace=\"shop\",table=\"orders\",le=\"+Inf\",} 3.0"), text);
        assertTrue(text.contains("cassandra_table_read_latency_seconds_count{keyspace=\"shop\",table=\"orders\",} 3.0"), text);
        assertTrue(text.contains("cassmon_scrape_failed_metrics 0.0"), text);
    }

    @Test
    void countHistogramUsesCountBuckets() {
        scrape.histogram("Table.SSTablesPerReadHistogram.shop.orders", false).update(4);
        assertEquals(String.join("\n",
                "# HELP cassandra_table_sstables_per_read SSTables touched per single-partition read.",
                "# TYPE cassandra_table_sstables_per_read histogram",
                count("1", 0), count("2", 0), count("3", 0), count("5", 1), count("10", 1), count("20", 1),
                count("50", 1), count("103", 1), count("215", 1), count("535", 1), count("924", 1),
                count("9887", 1), count("105778", 1), count("+Inf", 1),
                "cassandra_table_sstables_per_read_count{keyspace=\"shop\",table=\"orders\",} 1.0",
                ""), scrape.families());
    }

    @Test
    void zeroConsideringHistogramKeepsItsZeroBucketOutOfTheDefaultLayout() {
        scrape.histogram("Table.TombstoneScannedHistogram.shop.orders", true).update(0);
        String text = scrape.text();
        assertTrue(text.contains("cassandra_table_tombstones_scanned_per_read_bucket{keyspace=\"shop\",table=\"orders\",le=\"1\",} 1.0"), text);
        assertTrue(text.contains("cassandra_table_tombstones_scanned_per_read_count{keyspace=\"shop\",table=\"orders\",} 1.0"), text);
    }

    @Test
    void partitionSizeIsAGaugeHistogramInBytes() {
        long[] sizes = new long[151];
        sizes[80] = 2;   // ~2 MB partitions
        sizes[150] = 1;  // overflow
        scrape.registry.register(CatalogScrape.PREFIX + "Table.EstimatedPartitionSizeHistogram.shop.orders",
                (Gauge<long[]>) () -> sizes);
        String text = scrape.text();
        assertTrue(text.contains("# TYPE cassandra_table_partition_size_bytes histogram"), text);
        assertTrue(text.contains("cassandra_table_partition_size_bytes_bucket{keyspace=\"shop\",table=\"orders\",le=\"943127\",} 0.0"), text);
        assertTrue(text.contains("cassandra_table_partition_size_bytes_bucket{keyspace=\"shop\",table=\"orders\",le=\"4866323\",} 2.0"), text);
        assertTrue(text.contains("cassandra_table_partition_size_bytes_bucket{keyspace=\"shop\",table=\"orders\",le=\"+Inf\",} 3.0"), text);
        assertTrue(text.contains("cassandra_table_partition_size_bytes_gcount{keyspace=\"shop\",table=\"orders\",} 3.0"), text);
    }

    @Test
    void partitionSizeOf50SSTablesAndOfNoSSTablesShareTheBoundaries() {
        long[] fiveZero = new long[156];
        fiveZero[10] = 1;
        scrape.registry.register(CatalogScrape.PREFIX + "Table.EstimatedPartitionSizeHistogram.shop.new",
                (Gauge<long[]>) () -> fiveZero);
        scrape.registry.register(CatalogScrape.PREFIX + "Table.EstimatedPartitionSizeHistogram.shop.empty",
                (Gauge<long[]>) () -> new long[0]);
        String text = scrape.text();
        for (String table : new String[] {"new", "empty"}) {
            assertTrue(text.contains("cassandra_table_partition_size_bytes_bucket{keyspace=\"shop\",table=\"" + table
                    + "\",le=\"10090808\","), text);
        }
        assertTrue(text.contains("cassandra_table_partition_size_bytes_gcount{keyspace=\"shop\",table=\"empty\",} 0.0"), text);
    }

    @Test
    void gaugesCountersAndMeters() {
        scrape.registry.register(CatalogScrape.PREFIX + "Table.MaxPartitionSize.shop.orders", (Gauge<Long>) () -> 4096L);
        scrape.registry.counter(CatalogScrape.PREFIX + "Table.LiveDiskSpaceUsed.shop.orders").inc(1000);
        scrape.registry.counter(CatalogScrape.PREFIX + "Table.MemtableSwitchCount.shop.orders").inc(7);
        scrape.registry.meter(CatalogScrape.PREFIX + "ClientRequest.Timeouts.Read").mark(2);
        scrape.registry.register(CatalogScrape.PREFIX + "ThreadPools.PendingTasks.request.ReadStage",
                (Gauge<Integer>) () -> 5);
        String text = scrape.families();
        assertTrue(text.contains("# TYPE cassandra_table_max_partition_size_bytes gauge\n"
                + "cassandra_table_max_partition_size_bytes{keyspace=\"shop\",table=\"orders\",} 4096.0\n"), text);
        assertTrue(text.contains("# TYPE cassandra_table_live_disk_space_bytes gauge\n"
                + "cassandra_table_live_disk_space_bytes{keyspace=\"shop\",table=\"orders\",} 1000.0\n"), text);
        assertTrue(text.contains("# TYPE cassandra_table_memtable_switches_total counter\n"
                + "cassandra_table_memtable_switches_total{keyspace=\"shop\",table=\"orders\",} 7.0\n"), text);
        assertTrue(text.contains("# TYPE cassandra_client_request_timeouts_total counter\n"
                + "cassandra_client_request_timeouts_total{operation=\"read\",} 2.0\n"), text);
        assertTrue(text.contains("cassandra_thread_pool_pending_tasks{group=\"request\",pool=\"ReadStage\",} 5.0\n"), text);
    }

    private static String bucket(String le, int count) {
        return "cassandra_table_write_latency_seconds_bucket{keyspace=\"shop\",table=\"orders\",le=\"" + le + "\",} "
                + count + ".0";
    }

    private static String count(String le, int count) {
        return "cassandra_table_sstables_per_read_bucket{keyspace=\"shop\",table=\"orders\",le=\"" + le + "\",} "
                + count + ".0";
    }
}
