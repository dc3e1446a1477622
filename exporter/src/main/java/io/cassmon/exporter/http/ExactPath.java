package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * The JDK server gives a context every path it prefixes ({@code /metrics} would also answer {@code /metricsfoo} and
 * {@code /metrics/x}); this answers only the exact path and 404 for the rest.
 */
final class ExactPath implements HttpHandler {
    private final HttpHandler handler;

    ExactPath(HttpHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
            handler.handle(exchange);
        } else {
            PlainText.send(exchange, 404, IndexHandler.NOT_FOUND);
        }
    }
}
