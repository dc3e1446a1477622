package io.cassmon.exporter.http;

import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.exposition.ExpositionBuffer;
import io.cassmon.exporter.exposition.ExpositionFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Scrapes that arrive while one of the same format is being collected wait for it and answer with its bytes, so
 * many Prometheus replicas scraping at once cost one collection. A scrape that arrives after a collection finished
 * starts a new one: no answer is older than the request. Buffers are reused between scrapes.
 */
final class SharedScrapes {
    /**
     * Buffers kept between scrapes (each as big as the largest exposition, ~12 MiB at 1,000 tables): one; more are
     * made, and dropped, only while scrapes of both formats overlap.
     */
    private static final int SPARE_BUFFERS = 1;
    private static final int INITIAL_BUFFER_BYTES = 1 << 20;

    /** What a response does with the collected bytes; they are valid only during the call. */
    interface Response {
        void send(ExpositionBuffer body) throws IOException;
    }

    private final Exposition exposition;
    private final Map<ExpositionFormat, Collection> inFlight = new EnumMap<>(ExpositionFormat.class);
    private final Deque<ExpositionBuffer> spare = new ArrayDeque<>();

    SharedScrapes(Exposition exposition) {
        this.exposition = exposition;
    }

    void serve(ExpositionFormat format, Response response) throws IOException {
        Collection collection;
        boolean collects = false;
        synchronized (this) {
            collection = inFlight.get(format);
            if (collection == null) {
                collection = new Collection(spare.isEmpty() ? new ExpositionBuffer(INITIAL_BUFFER_BYTES) : spare.pop());
                inFlight.put(format, collection);
                collects = true;
            }
            collection.readers++;
        }
        try {
            if (collects) {
                collect(format, collection);
            } else {
                collection.await();
            }
            response.send(collection.body);
        } finally {
            synchronized (this) {
                if (--collection.readers == 0 && spare.size() < SPARE_BUFFERS) {
                    spare.push(collection.body);
                }
            }
        }
    }

    private void collect(ExpositionFormat format, Collection collection) throws IOException {
        try {
            collection.body.reset();
            exposition.write(format, collection.body);
        } catch (IOException | RuntimeException | Error e) {
            collection.failure = e;
            throw e;
        } finally {
            synchronized (this) {
                inFlight.remove(format);
            }
            collection.done.countDown();
        }
    }

    private static final class Collection {
        final ExpositionBuffer body;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable failure;
        /** Guarded by the SharedScrapes instance. */
        int readers;

        Collection(ExpositionBuffer body) {
            this.body = body;
        }

        void await() throws IOException {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a scrape in progress");
            }
            if (failure != null) {
                throw new IOException("the scrape this request waited for failed: " + failure, failure);
            }
        }
    }
}
