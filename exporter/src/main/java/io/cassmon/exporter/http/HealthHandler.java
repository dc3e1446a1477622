package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** {@code /-/healthy}: 200 while the endpoint serves (the answer Prometheus' own exporters give). */
final class HealthHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        PlainText.send(exchange, 200, "Exporter is Healthy.");
    }
}
