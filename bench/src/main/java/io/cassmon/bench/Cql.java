package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.cassmon.agent.it.CassandraNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Driver sessions for the benchmark: schema metadata off (1,000 tables), long timeouts for a loaded 2-core box. */
final class Cql {
    static final String KEYSPACE = "bench";

    private Cql() {
    }

    static CqlSession session(CassandraNode node) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(20))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
                .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
                .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
                .withString(DefaultDriverOption.SESSION_NAME, "bench-" + node.name())
                .build();
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(node.address(), node.nativePort()))
                .withLocalDatacenter(node.datacenter())
                .withConfigLoader(config)
                .build();
    }

    static String table(int i) {
        return String.format("t%04d", i);
    }

    /**
     * Writes and reads every table a few times so its latency and per-read histograms are non-empty (they live
     * in memory and start empty at each boot), at most {@code parallel} requests in flight.
     */
    static void touchAllTables(CqlSession session, int tables, int rounds) {
        runAll(session, tables * rounds * 2, 64, k -> {
            int t = k / (rounds * 2) + 1;
            int r = k % (rounds * 2);
            String table = KEYSPACE + "." + table(t);
            return r % 2 == 0
                    ? "INSERT INTO " + table + " (pk, ck, v) VALUES (" + (r / 2) + ", 0, 'touch')"
                    : "SELECT * FROM " + table + " WHERE pk = " + (r / 2);
        });
    }

    /** Runs {@code count} statements made by {@code statement}, at most {@code parallel} in flight; fails on the first error. */
    static void runAll(CqlSession session, int count, int parallel, IntFunction<String> statement) {
        Semaphore inFlight = new Semaphore(parallel);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int k = 0; k < count && failure.get() == null; k++) {
            inFlight.acquireUninterruptibly();
            session.executeAsync(statement.apply(k)).whenComplete((r, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
                inFlight.release();
            });
        }
        inFlight.acquireUninterruptibly(parallel);
        inFlight.release(parallel);
        if (failure.get() != null) {
            throw new IllegalStateException("a statement failed: " + failure.get(), failure.get());
        }
    }
}
