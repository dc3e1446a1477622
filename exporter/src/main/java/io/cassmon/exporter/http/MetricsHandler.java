package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.exposition.ExpositionBuffer;
import io.cassmon.exporter.exposition.ExpositionFormat;
import io.prometheus.client.Predicate;
import io.prometheus.client.SampleNameFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}: what simpleclient_httpserver 0.16.0's handler answers (content type by {@code Accept},
 * {@code name[]} filters, gzip by {@code Accept-Encoding}, {@code Content-Length}, HEAD), but the text is written
 * straight into a reused buffer ({@link Exposition}) and concurrent scrapes share one collection
 * ({@link SharedScrapes}). gzip is at the fastest level: a scrape is compressed once per request, in Cassandra's
 * process, and its text compresses well at any level.
 */
final class MetricsHandler implements HttpHandler {
    private static final int FILTERED_BUFFER_BYTES = 1 << 12;

    private final Exposition exposition;
    private final SharedScrapes shared;

    MetricsHandler(Exposition exposition) {
        this.exposition = exposition;
        this.shared = new SharedScrapes(exposition);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            ExpositionFormat format = ExpositionFormat.forAccept(exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", format.contentType());
            Predicate<String> filter = SampleNameFilter.restrictToNamesEqualTo(null,
                    names(exchange.getRequestURI().getRawQuery()));
            if (filter == null) {
                shared.serve(format, body -> send(exchange, body));
            } else {
                ExpositionBuffer body = new ExpositionBuffer(FILTERED_BUFFER_BYTES);
                exposition.write(format, body, filter);
                send(exchange, body);
            }
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, ExpositionBuffer body) throws IOException {
        if (acceptsGzip(exchange)) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            OutputStream gzip = new FastGzip(exchange.getResponseBody());
            try {
                body.writeTo(gzip);
            } finally {
                gzip.close();
            }
            return;
        }
        long length = body.size();
        if (length > 0) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            length = -1;
        }
        exchange.sendResponseHeaders(200, length);
        body.writeTo(exchange.getResponseBody());
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get("Accept-Encoding");
        if (values == null) {
            return false;
        }
        for (String value : values) {
            for (String encoding : value.split(",")) {
                if (encoding.trim().equalsIgnoreCase("gzip")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code name[]} parameters of the query. */
    private static Set<String> names(String query) throws IOException {
        Set<String> names = new HashSet<String>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf("=");
                if (eq != -1 && URLDecoder.decode(pair.substring(0, eq), "UTF-8").equals("name[]")) {
                    names.add(URLDecoder.decode(pair.substring(eq + 1), "UTF-8"));
                }
            }
        }
        return names;
    }

    /** gzip at {@link Deflater#BEST_SPEED}, with a buffer big enough that the exposition goes out in few writes. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
