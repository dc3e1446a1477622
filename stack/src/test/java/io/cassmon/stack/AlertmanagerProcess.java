package io.cassmon.stack;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1, without clustering, with its data and log
 * in a directory of the test's. Every wait is bounded; {@link #close} stops the process.
 */
final class AlertmanagerProcess implements AutoCloseable {
    private final ServerProcess server;

    AlertmanagerProcess(Path config, Path workDir) throws IOException, InterruptedException {
        this(config, workDir, ServerProcess.freePort());
    }

    AlertmanagerProcess(Path config, Path workDir, int port) throws IOException, InterruptedException {
        server = new ServerProcess("prometheus-alertmanager", port, workDir.resolve("alertmanager.log"),
                Duration.ofSeconds(20),
                "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(workDir.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=");   // empty: no gossip listener on 0.0.0.0:9094
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return server.get(path);
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return server.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String log() {
        return server.log();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
