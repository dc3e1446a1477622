package io.cassmon.exporter.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.cassmon.exporter.auth.BasicAuthFilter;
import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.tls.TlsEndpoint;
import io.cassmon.exporter.tls.TlsException;
import io.prometheus.client.CollectorRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The HTTP endpoint: {@code /metrics} (Prometheus text or OpenMetrics by {@code Accept}, gzip when asked),
 * {@code /-/healthy}, and an index page at {@code /}; over TLS and behind basic authentication when configured. Only
 * GET and HEAD are served (405 otherwise), only the exact paths (404 otherwise), headers are bounded (431), slow
 * clients are cut off by the JDK server's limits ({@link JdkServerLimits}), and every thread is a daemon of two fixed
 * pools ({@link HttpThreads}).
 */
public final class MetricsServer implements Closeable {
    public static final String METRICS_PATH = "/metrics";
    public static final String HEALTH_PATH = "/-/healthy";
    public static final String DISCOVERY_PATH = "/discovery";
    /** Pending connections the kernel holds while every connection thread is busy. */
    private static final int BACKLOG = 64;

    private final HttpServer server;
    private final HttpThreads threads;
    private final TlsEndpoint tls;

    private MetricsServer(HttpServer server, HttpThreads threads, TlsEndpoint tls) {
        this.server = server;
        this.threads = threads;
        this.tls = tls;
    }

    /**
     * Binds and starts serving plain HTTP. Throws {@link IOException} when the address cannot be bound (port in use,
     * unknown host); nothing is left running in that case.
     */
    public static MetricsServer start(String host, int port, CollectorRegistry registry) throws IOException {
        return start(host, port, registry, Collections.<String, HttpHandler>emptyMap());
    }

    /** As {@link #start(String, int, CollectorRegistry)}, with more paths (e.g. service discovery). */
    public static MetricsServer start(String host, int port, CollectorRegistry registry,
                                      Map<String, HttpHandler> extraPaths) throws IOException {
        try {
            return start(host, port, Exposition.of(registry), extraPaths, HttpSecurity.none());
        } catch (TlsException e) {
            throw new IllegalStateException("no TLS was asked for", e);
        }
    }

    /** As {@link #start(String, int, Exposition, Map, HttpSecurity)} for a simpleclient registry alone. */
    public static MetricsServer start(String host, int port, CollectorRegistry registry,
                                      Map<String, HttpHandler> extraPaths, HttpSecurity security)
            throws IOException, TlsException {
        return start(host, port, Exposition.of(registry), extraPaths, security);
    }

    /**
     * Serves {@code exposition} at {@code /metrics}, with more paths (e.g. service discovery), and TLS and basic
     * authentication as {@code security} says. Throws {@link TlsException} when the TLS files cannot be used (the
     * message says what to fix).
     */
    public static MetricsServer start(String host, int port, Exposition exposition,
                                      Map<String, HttpHandler> extraPaths, HttpSecurity security)
            throws IOException, TlsException {
        JdkServerLimits.apply(System.getProperties());
        TlsEndpoint tls = security.tls() == null ? null : TlsEndpoint.create(security.tls());
        InetSocketAddress address = new InetSocketAddress(host, port);
        HttpServer http;
        if (tls == null) {
            http = HttpServer.create(address, BACKLOG);
        } else {
            HttpsServer https = HttpsServer.create(address, BACKLOG);
            https.setHttpsConfigurator(tls.configurator());
            http = https;
        }
        HttpThreads threads = new HttpThreads();
        try {
            List<Filter> filters = new ArrayList<>();
            filters.add(new RequestHygiene());
            if (security.users() != null) {
                filters.add(new BasicAuthFilter(security.users()));
            }
            filters.add(threads.handOff());
            serve(http, "/", new IndexHandler(), filters);
            serve(http, METRICS_PATH, new ExactPath(new MetricsHandler(exposition)), filters);
            serve(http, HEALTH_PATH, new ExactPath(new HealthHandler()), filters);
            for (Map.Entry<String, HttpHandler> path : extraPaths.entrySet()) {
                serve(http, path.getKey(), new ExactPath(path.getValue()), filters);
            }
            http.setExecutor(threads.connections());
            http.start();
        } catch (RuntimeException e) {
            http.stop(0);
            threads.shutdown();
            throw e;
        }
        return new MetricsServer(http, threads, tls);
    }

    private static void serve(HttpServer http, String path, HttpHandler handler, List<Filter> filters) {
        HttpContext context = http.createContext(path, handler);
        context.getFilters().addAll(filters);
    }

    /** The bound port (differs from the requested one when that was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The certificate served now (subject, serial, expiry), or null without TLS. */
    public String certificate() {
        return tls == null ? null : tls.describeCertificate();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
    }
}
