package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.cassmon.exporter.exposition.Exposition;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP endpoint: {@code /metrics} (Prometheus text or OpenMetrics by {@code Accept}, gzip when asked),
 * {@code /-/healthy}, and an index page at {@code /}. Served by simpleclient_httpserver on daemon threads.
 */
public final class MetricsServer implements Closeable {
    public static final String METRICS_PATH = "/metrics";
    public static final String HEALTH_PATH = "/-/healthy";
    public static final String DISCOVERY_PATH = "/discovery";

    private final HTTPServer server;
    private final int port;

    private MetricsServer(HTTPServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Binds and starts serving. Throws {@link IOException} when the address cannot be bound (port in use,
     * unknown host); nothing is left running in that case.
     */
    public static MetricsServer start(String host, int port, CollectorRegistry registry) throws IOException {
        return start(host, port, registry, Collections.<String, HttpHandler>emptyMap());
    }

    /** As {@link #start(String, int, CollectorRegistry)}, with more paths (e.g. service discovery). */
    public static MetricsServer start(String host, int port, CollectorRegistry registry,
                                      Map<String, HttpHandler> extraPaths) throws IOException {
        return start(host, port, Exposition.of(registry), extraPaths);
    }

    /** Serves {@code exposition} at {@code /metrics}, with more paths (e.g. service discovery). */
    public static MetricsServer start(String host, int port, Exposition exposition,
                                      Map<String, HttpHandler> extraPaths) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        HTTPServer server;
        try {
            server = new HTTPServer.Builder()
                    .withHttpServer(http)
                    .withRegistry(new CollectorRegistry())
                    .withDaemonThreads(true)
                    .build();
            useAllWorkers(http);
            // simpleclient serves metrics at "/" too; cassmon's root is an index page that also answers 404.
            http.removeContext("/");
            http.createContext("/", new IndexHandler());
            // simpleclient's answer, written without its per-sample objects (see MetricsHandler).
            http.removeContext(METRICS_PATH);
            http.createContext(METRICS_PATH, new MetricsHandler(exposition));
            for (Map.Entry<String, HttpHandler> path : extraPaths.entrySet()) {
                http.createContext(path.getKey(), path.getValue());
            }
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        return new MetricsServer(server, http.getAddress().getPort());
    }

    /**
     * simpleclient 0.16.0 gives the server a pool of at most 5 threads but sets its core size to 1 over an unbounded
     * queue, so only one thread ever runs and one slow request holds up every other. All 5 may run; idle ones end.
     */
    private static void useAllWorkers(HttpServer http) {
        if (http.getExecutor() instanceof ThreadPoolExecutor) {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) http.getExecutor();
            pool.setKeepAliveTime(60, TimeUnit.SECONDS);
            pool.setCorePoolSize(pool.getMaximumPoolSize());
            pool.allowCoreThreadTimeOut(true);
        }
    }

    /** The bound port (differs from the requested one when that was 0). */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
    }
}
