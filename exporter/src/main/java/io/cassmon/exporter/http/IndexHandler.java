package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A tiny page at {@code /} pointing at the real endpoints; 404 for every other unknown path. */
final class IndexHandler implements HttpHandler {
    static final String NOT_FOUND = "Not found. Metrics are at /metrics.\n";
    private static final byte[] INDEX = ("<!DOCTYPE html>\n<html><head><title>cassmon</title></head><body>\n"
            + "<h1>cassmon</h1>\n<p>Prometheus metrics of this Cassandra node.</p>\n<ul>\n"
            + "<li><a href=\"" + MetricsServer.METRICS_PATH + "\">" + MetricsServer.METRICS_PATH + "</a></li>\n"
            + "<li><a href=\"" + MetricsServer.HEALTH_PATH + "\">" + MetricsServer.HEALTH_PATH + "</a></li>\n"
            + "</ul>\n</body></html>\n").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            PlainText.send(exchange, 404, NOT_FOUND);
            return;
        }
        PlainText.send(exchange, 200, "text/html; charset=utf-8", INDEX);
    }
}
