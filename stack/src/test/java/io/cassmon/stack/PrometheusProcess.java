package io.cassmon.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real Prometheus (Debian's) on 127.0.0.1 and a given port, storing in a test directory; closed means stopped. */
final class PrometheusProcess implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final ServerProcess server;

    PrometheusProcess(Path config, Path workDir, int port) throws IOException, InterruptedException {
        server = new ServerProcess("prometheus", port, workDir.resolve("prometheus.log"), Duration.ofSeconds(30),
                "--config.file=" + config,
                "--storage.tsdb.path=" + Files.createDirectories(workDir.resolve("tsdb")),
                "--web.listen-address=127.0.0.1:" + port);
    }

    /** An instant query; returns the API's {@code data} (status must be success: the query parsed). */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = server.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("Prometheus rejected " + promql + ": " + response.body());
        }
        return body.path("data");
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
