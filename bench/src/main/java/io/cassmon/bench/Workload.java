package io.cassmon.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The workload of {@link WorkloadBenchmark}: prepared single-partition INSERTs and SELECTs, 50/50, on the first
 * {@link #HOT_TABLES} prepared tables, a fixed number of requests in flight, closed loop, driven by one thread until
 * closed. Completions are recorded only inside a {@link Recording}, so one continuous workload can be measured in
 * consecutive windows.
 */
final class Workload implements AutoCloseable {
    static final int HOT_TABLES = 10;
    private static final String VALUE = "v".repeat(100);

    private final CqlSession session;
    private final PreparedStatement[] writes = new PreparedStatement[HOT_TABLES];
    private final PreparedStatement[] reads = new PreparedStatement[HOT_TABLES];
    private final int concurrency;
    private final Semaphore inFlight;
    private final Thread driver;
    private volatile boolean running = true;
    private volatile Recording recording;

    private Workload(CqlSession session, int concurrency) {
        this.session = session;
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
        for (int t = 0; t < HOT_TABLES; t++) {
            String table = Cql.KEYSPACE + "." + Cql.table(t + 1);
            writes[t] = session.prepare("INSERT INTO " + table + " (pk, ck, v) VALUES (?, ?, ?)");
            reads[t] = session.prepare("SELECT * FROM " + table + " WHERE pk = ?");
        }
        this.driver = new Thread(this::drive, "bench-workload");
        driver.setDaemon(true);
    }

    /** Prepares the statements and starts the closed loop; nothing is recorded until {@link #record()}. */
    static Workload start(CqlSession session, int concurrency) {
        Workload w = new Workload(session, concurrency);
        w.driver.start();
        return w;
    }

    /** Records every request completed from now until {@link Recording#stop()}; ends the current recording. */
    Recording record() {
        Recording r = new Recording();
        Recording previous = recording;
        recording = r;
        if (previous != null) {
            previous.stop();
        }
        return r;
    }

    private void drive() {
        while (running) {
            inFlight.acquireUninterruptibly();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int table = random.nextInt(HOT_TABLES);
            int pk = random.nextInt(10_000);
            long start = System.nanoTime();
            var stage = random.nextBoolean()
                    ? session.executeAsync(writes[table].bind(pk, random.nextInt(10), VALUE))
                    : session.executeAsync(reads[table].bind(pk));
            stage.whenComplete((r, e) -> {
                long end = System.nanoTime();
                Recording into = recording;
                if (into != null) {
                    into.complete(end - start, e == null);
                }
                inFlight.release();
            });
        }
    }

    /** Stops the loop and waits for the requests in flight. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        driver.join();
        inFlight.acquireUninterruptibly(concurrency);
        inFlight.release(concurrency);
    }

    /** The requests completed in one window: latencies of successes, a count of failures. */
    static final class Recording {
        private final long begin = System.nanoTime();
        private long[] latencies = new long[1 << 16];
        private int size;
        private long failures;
        private Result result;

        private synchronized void complete(long nanos, boolean success) {
            if (result != null) {
                return;
            }
            if (!success) {
                failures++;
                return;
            }
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }

        /** Ends the window (later completions are dropped) and summarizes it; the latencies are not kept. */
        synchronized Result stop() {
            if (result == null) {
                double seconds = (System.nanoTime() - begin) / 1e9;
                long[] sorted = Arrays.copyOf(latencies, size);
                Arrays.sort(sorted);
                latencies = null;
                result = new Result(sorted.length, failures, seconds, NearestRank.millis(sorted, 0.5),
                        NearestRank.millis(sorted, 0.99), NearestRank.millis(sorted, 0.999));
            }
            return result;
        }
    }

    /** One window: successful requests, failed ones, its length, latency percentiles in ms (nearest rank). */
    record Result(long requests, long failures, double seconds, double p50, double p99, double p999) {
        double throughput() {
            return requests / seconds;
        }
    }
}
