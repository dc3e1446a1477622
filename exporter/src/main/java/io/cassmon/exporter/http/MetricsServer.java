package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Map;

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
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        HTTPServer server;
        try {
            server = new HTTPServer.Builder()
                    .withHttpServer(http)
                    .withRegistry(registry)
                    .withDaemonThreads(true)
                    .build();
            // simpleclient serves metrics at "/" too; cassmon's root is an index page that also answers 404.
            http.removeContext("/");
            http.createContext("/", new IndexHandler());
            // The same answer as simpleclient's handler, written through a buffer (see MetricsHandler).
            http.removeContext(METRICS_PATH);
            http.createContext(METRICS_PATH, new MetricsHandler(registry));
            for (Map.Entry<String, HttpHandler> path : extraPaths.entrySet()) {
                http.createContext(path.getKey(), path.getValue());
            }
        } catch (IOException | RuntimeException e) {
            http.stop(0);
            throw e;
        }
        return new MetricsServer(server, http.getAddress().getPort());
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
