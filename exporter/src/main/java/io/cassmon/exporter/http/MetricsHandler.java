package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Predicate;
import io.prometheus.client.SampleNameFilter;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * {@code /metrics}: the same answer as simpleclient_httpserver 0.16.0's handler (content type by {@code Accept},
 * {@code name[]} filters, gzip by {@code Accept-Encoding}, {@code Content-Length}, HEAD), byte for byte, but the text
 * goes through a {@link BufferedWriter}. simpleclient writes {@link TextFormat} into a bare
 * {@link OutputStreamWriter}, where every one of its small writes (one per character of each label value) runs the
 * charset encoder and allocates a {@code CharBuffer}: two thirds of a scrape's allocation and half its CPU on a
 * 200-table node (docs/performance.md).
 */
final class MetricsHandler implements HttpHandler {
    private static final Charset UTF_8 = Charset.forName("UTF-8");
    private static final int WRITER_BUFFER_CHARS = 1 << 16;

    private final CollectorRegistry registry;
    /** One response buffer per server thread, kept between scrapes, as simpleclient does. */
    private final ThreadLocal<ByteArrayOutputStream> buffers = new ThreadLocal<ByteArrayOutputStream>() {
        @Override
        protected ByteArrayOutputStream initialValue() {
            return new ByteArrayOutputStream(1 << 20);
        }
    };

    MetricsHandler(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String query = exchange.getRequestURI().getRawQuery();
            ByteArrayOutputStream response = buffers.get();
            response.reset();
            String contentType = TextFormat.chooseContentType(exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            Predicate<String> filter = SampleNameFilter.restrictToNamesEqualTo(null, names(query));
            Writer writer = new BufferedWriter(new OutputStreamWriter(response, UTF_8), WRITER_BUFFER_CHARS);
            if (filter == null) {
                TextFormat.writeFormat(contentType, writer, registry.metricFamilySamples());
            } else {
                TextFormat.writeFormat(contentType, writer, registry.filteredMetricFamilySamples(filter));
            }
            writer.close();
            if (acceptsGzip(exchange)) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, 0);
                GZIPOutputStream gzip = new GZIPOutputStream(exchange.getResponseBody());
                try {
                    response.writeTo(gzip);
                } finally {
                    gzip.close();
                }
            } else {
                long length = response.size();
                if (length > 0) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(length));
                }
                if ("HEAD".equals(exchange.getRequestMethod())) {
                    length = -1;
                }
                exchange.sendResponseHeaders(200, length);
                response.writeTo(exchange.getResponseBody());
            }
        } finally {
            exchange.close();
        }
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
}
