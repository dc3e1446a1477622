package io.cassmon.exporter.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The endpoint's two fixed thread pools. The JDK server reads each request (TLS handshake, request line, headers) on a
 * thread of its executor, blocking until the client has sent it all: a slow client holds that thread until
 * {@code sun.net.httpserver.maxReqTime}. So reading gets a pool of its own, {@value #CONNECTION_THREADS} threads that
 * cost nothing but a stack while they wait, and the handlers that do the work (render a scrape, hold its buffer) run
 * on {@value #HANDLER_THREADS} others through {@link #handOff()}. Slow clients can hold connection threads; they
 * never hold the threads scrapes are rendered on.
 */
final class HttpThreads {
    static final int CONNECTION_THREADS = 32;
    static final int HANDLER_THREADS = 5;
    static final String CONNECTION_THREAD_PREFIX = "cassmon-http-";
    static final String HANDLER_THREAD_PREFIX = "cassmon-scrape-";

    private final ThreadPoolExecutor connections;
    private final ThreadPoolExecutor handlers;

    HttpThreads() {
        connections = pool(CONNECTION_THREADS, CONNECTION_THREAD_PREFIX);
        // Connection threads are only needed while clients are sending; idle ones go away.
        connections.allowCoreThreadTimeOut(true);
        handlers = pool(HANDLER_THREADS, HANDLER_THREAD_PREFIX);
    }

    /** The executor for the JDK server. */
    ThreadPoolExecutor connections() {
        return connections;
    }

    /** The last filter of every path: the rest of the chain (the handler) runs on a handler thread. */
    Filter handOff() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                Future<Void> done = handlers.submit(new Callable<Void>() {
                    @Override
                    public Void call() throws IOException {
                        chain.doFilter(exchange);
                        return null;
                    }
                });
                try {
                    done.get();
                } catch (InterruptedException e) {
                    done.cancel(true);
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while the handler ran");
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }

            @Override
            public String description() {
                return "runs the handler on a " + HANDLER_THREAD_PREFIX + " thread";
            }
        };
    }

    void shutdown() {
        connections.shutdownNow();
        handlers.shutdownNow();
    }

    private static IOException rethrow(Throwable cause) {
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new IOException(cause);
    }

    private static ThreadPoolExecutor pool(int threads, String prefix) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<Runnable>(),
                factory);
    }
}
