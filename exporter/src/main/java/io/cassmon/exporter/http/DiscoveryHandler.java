package io.cassmon.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.cassmon.exporter.log.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Prometheus HTTP service discovery ({@code http_sd_configs}): a JSON list of target groups, one per node. The same
 * JSON is a valid {@code file_sd_configs} file. 503 while the targets are not known yet (Cassandra starting).
 */
public final class DiscoveryHandler implements HttpHandler {
    private final Callable<List<ScrapeTarget>> targets;

    /** {@code targets} returns null while not known yet. */
    public DiscoveryHandler(Callable<List<ScrapeTarget>> targets) {
        this.targets = targets;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        List<ScrapeTarget> known;
        try {
            known = targets.call();
        } catch (Exception e) {
            Log.warn("cassmon: service discovery could not read the cluster's topology: " + e);
            known = null;
        }
        if (known == null) {
            PlainText.send(exchange, 503, "Cassandra has not finished starting; try again shortly.\n");
        } else {
            PlainText.send(exchange, 200, "application/json", json(known).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Target groups in the order given, one per target. */
    public static String json(List<ScrapeTarget> targets) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < targets.size(); i++) {
            ScrapeTarget target = targets.get(i);
            out.append("  {\"targets\": [").append(quote(target.address())).append("], \"labels\": {");
            int label = 0;
            for (Map.Entry<String, String> entry : target.labels().entrySet()) {
                out.append(label++ > 0 ? ", " : "").append(quote(entry.getKey())).append(": ").append(quote(entry.getValue()));
            }
            out.append("}}").append(i + 1 < targets.size() ? "," : "").append('\n');
        }
        return out.append("]\n").toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
