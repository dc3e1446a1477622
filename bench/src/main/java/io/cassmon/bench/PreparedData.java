package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cassmon.agent.it.CassandraDistribution;
import io.cassmon.agent.it.CassandraNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * A data directory with N user tables in keyspace {@code bench}, each with rows flushed to SSTables (so partition
 * size histograms are non-empty), built once per Cassandra version and N and reused by every later run:
 * {@code ~/.cache/cassmon/bench/<version>/tables-<N>/data} (creating 1,000 tables takes minutes).
 * Every benchmark node starts from a fresh copy of it, so each configuration sees the same data.
 */
final class PreparedData {
    private static final String MARKER = "complete";
    /** Rows per table: 3 partitions of 4 rows. */
    private static final int PARTITIONS = 3;
    private static final int ROWS = 4;

    private PreparedData() {
    }

    static Path root() {
        String configured = System.getProperty("cassmon.bench.cache");
        return configured != null ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".cache", "cassmon", "bench");
    }

    /** The prepared {@code data/} directory for {@code tables} tables, building it first if needed. */
    static Path ensure(String version, int tables) {
        Path home = root().resolve(version).resolve("tables-" + tables);
        Path data = home.resolve("data");
        if (Files.exists(home.resolve(MARKER)) && Files.isDirectory(data)) {
            return data;
        }
        long begin = System.nanoTime();
        Log.line("Preparing a data directory with %d tables in %s (once; reused by later runs)", tables, home);
        try (CassandraNode node = CassandraNode.builder(version).name("bench-prepare-" + tables)
                .startTimeout(Duration.ofMinutes(5)).build()) {
            node.start();
            try (CqlSession session = Cql.session(node)) {
                session.execute("CREATE KEYSPACE IF NOT EXISTS " + Cql.KEYSPACE
                        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
                for (int t = 1; t <= tables; t++) {
                    session.execute("CREATE TABLE IF NOT EXISTS " + Cql.KEYSPACE + "." + Cql.table(t)
                            + " (pk int, ck int, v text, PRIMARY KEY (pk, ck))");
                    if (t % 100 == 0) {
                        Log.line("  %d tables created", t);
                    }
                }
                Cql.runAll(session, tables * PARTITIONS * ROWS, 64, k -> {
                    int t = k / (PARTITIONS * ROWS) + 1;
                    int r = k % (PARTITIONS * ROWS);
                    return "INSERT INTO " + Cql.KEYSPACE + "." + Cql.table(t) + " (pk, ck, v) VALUES ("
                            + (r / ROWS) + ", " + (r % ROWS) + ", '" + "x".repeat(10 + 40 * r) + "')";
                });
            }
            try (JvmProbe probe = JvmProbe.attach(node.pid())) {
                probe.flush(Cql.KEYSPACE);
            }
            node.stop();
            CassandraDistribution.deleteRecursively(home);
            Files.createDirectories(home);
            CassandraDistribution.copyRecursively(node.directory().resolve("data"), data);
            Files.writeString(home.resolve(MARKER), version + " " + tables + " tables\n");
            CassandraDistribution.deleteRecursively(node.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
        Log.line("Prepared %d tables in %.0f s", tables, (System.nanoTime() - begin) / 1e9);
        return data;
    }
}
