package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1 and a free port, without clustering, with
 * its data and log in a directory of the test's. Every wait is bounded; {@link #close} stops the process.
 */
final class AlertmanagerProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path log;
    private final URI base;

    AlertmanagerProcess(Path config, Path workDir) throws IOException, InterruptedException {
        this(config, workDir, freePort());
    }

    AlertmanagerProcess(Path config, Path workDir, int port) throws IOException, InterruptedException {
        base = URI.create("http://127.0.0.1:" + port);
        log = workDir.resolve("alertmanager.log");
        process = new ProcessBuilder(Tools.require("prometheus-alertmanager").toString(),
                "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(workDir.resolve("data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")   // empty: no gossip listener on 0.0.0.0:9094
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Alertmanager exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("Alertmanager not ready within " + READY_TIMEOUT + ":\n" + Files.readString(log));
    }

    int port() {
        return base.getPort();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
