package io.cassmon.exporter.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The first filter of every path, before authentication: 431 when the request's headers are larger than
 * {@value #MAX_HEADER_BYTES} bytes, 405 for any method but GET and HEAD. The JDK reads headers up to its own
 * {@code sun.net.httpserver.maxReqHeaderSize} before any filter runs and closes the connection beyond it; on JDKs
 * without that limit this check is the only one.
 */
final class RequestHygiene extends Filter {
    /** Prometheus sends a few hundred bytes; browsers a few kilobytes. */
    static final int MAX_HEADER_BYTES = 8192;
    /** Counted per header line as HTTP/2's header list size does (RFC 9113 6.5.2) and the JDK does. */
    private static final int PER_LINE_OVERHEAD = 32;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (headerBytes(exchange) > MAX_HEADER_BYTES) {
            PlainText.send(exchange, 431, "Request header fields too large: at most " + MAX_HEADER_BYTES
                    + " bytes.\n");
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            PlainText.send(exchange, 405, "Method not allowed: only GET and HEAD.\n");
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "431 for large headers, 405 for methods other than GET and HEAD";
    }

    private static long headerBytes(HttpExchange exchange) {
        long bytes = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                bytes += header.getKey().length() + (value == null ? 0 : value.length()) + PER_LINE_OVERHEAD;
            }
        }
        return bytes;
    }
}
