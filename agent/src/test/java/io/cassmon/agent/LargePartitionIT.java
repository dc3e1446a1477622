package io.cassmon.agent;

import static io.cassmon.agent.CassandraAgentIT.scrapeUntil;
import static io.cassmon.agent.CassandraAgentIT.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cassmon.agent.it.SharedCassandra;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Partitions above the (test-lowered, 1 MiB) threshold are counted per table when a flush writes them. */
@ExtendWith(SharedCassandra.Extension.class)
class LargePartitionIT {
    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource("io.cassmon.agent.it.SharedCassandra#versions")
    void flushingALargePartitionCountsItWithItsSize(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        CqlSession session = cassandra.node().session();
        session.execute("CREATE KEYSPACE IF NOT EXISTS partitions"
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        // Cassandra flushes this table's memtable every second: no nodetool (and no JMX) needed.
        session.execute("CREATE TABLE partitions.big (pk int, ck int, v text, PRIMARY KEY (pk, ck))"
                + " WITH memtable_flush_period_in_ms = 1000");
        String labels = "{keyspace=\"partitions\",table=\"big\",}";
        String before = scrapeUntil(cassandra, text -> text.contains("table=\"big\""));
        assertEquals(0, value(before, "cassandra_table_large_partitions_written_total" + labels), before);

        PreparedStatement insert = session.prepare("INSERT INTO partitions.big (pk, ck, v) VALUES (?, ?, ?)");
        String kilobyte = "x".repeat(1024);
        // One single-partition batch is one mutation: the periodic flush writes all of partition 1 (~2 MB) or none
        // of it. Written in several batches, a flush between them split it into two SSTables of ~1.4 and ~0.6 MB.
        BatchStatementBuilder rows = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int i = 0; i < 2_000; i++) {
            rows.addStatement(insert.bind(1, i, kilobyte));
        }
        session.execute(rows.build());
        session.execute(insert.bind(2, 0, "small"));  // a small partition is not counted

        String after = scrapeUntil(cassandra,
                text -> value(text, "cassandra_table_large_partitions_written_total" + labels) >= 1);
        assertEquals(1, value(after, "cassandra_table_large_partitions_written_total" + labels), after);
        double largest = value(after, "cassandra_table_largest_partition_written_bytes" + labels);
        assertTrue(largest > 2_000_000 && largest < 2_400_000, "largest partition written: " + largest + " bytes");
        session.execute("DROP TABLE partitions.big");
        scrapeUntil(cassandra, text -> !text.contains("table=\"big\""));
    }
}
