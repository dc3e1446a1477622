package io.cassmon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET {@code /metrics} as Prometheus 0.0.4 text without compression, over one kept-alive HTTP/1.1 connection. The
 * latency is from sending the request to the last byte of the body.
 */
final class Scraper {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final HttpRequest request;

    Scraper(int port, Duration timeout) {
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Accept", "text/plain; version=0.0.4")
                .timeout(timeout)
                .build();
    }

    Scrape scrape() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long nanos = System.nanoTime() - begin;
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " answered " + response.statusCode());
        }
        return new Scrape(nanos, response.body());
    }

    /** One answer: its latency and body. */
    record Scrape(long nanos, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Lines that are samples (neither comments nor blank). */
        int samples() {
            int count = 0;
            boolean lineStart = true;
            boolean sample = false;
            for (byte b : body) {
                if (lineStart) {
                    sample = b != '#' && b != '\n';
                    lineStart = false;
                }
                if (b == '\n') {
                    if (sample) {
                        count++;
                    }
                    lineStart = true;
                    sample = false;
                }
            }
            return count;
        }

        /** Samples of user tables: a {@code keyspace="bench"} label and a {@code table} label. */
        int userTableSamples() {
            int count = 0;
            for (String line : text().split("\n")) {
                if (!line.startsWith("#") && line.contains("keyspace=\"" + Cql.KEYSPACE + "\"")
                        && line.contains("table=\"")) {
                    count++;
                }
            }
            return count;
        }
    }
}
