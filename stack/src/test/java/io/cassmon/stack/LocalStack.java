package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shipped prometheus/ and alertmanager/ copied into a work directory and pointed at local addresses: the one
 * target, the Alertmanager, the demo webhook, Prometheus' own listen address. Nothing else is changed (except the
 * interval, when asked), so what runs is what users get.
 */
public final class LocalStack {
    static final String DEMO_WEBHOOK = "http://alert-receiver:8080/";

    private LocalStack() {
    }

    /** The shipped alertmanager/ with the demo webhook (the demo cluster's receiver) at {@code webhookUrl}. */
    public static Path alertmanagerConfig(Path work, String webhookUrl) throws IOException {
        Path dir = copy(RepoRoot.resolve("alertmanager"), work.resolve("alertmanager"));
        Path config = dir.resolve("alertmanager.yml");
        String text = Files.readString(config);
        assertTrue(text.contains(DEMO_WEBHOOK), "the shipped demo webhook URL");
        Files.writeString(config, text.replace(DEMO_WEBHOOK, webhookUrl));
        return config;
    }

    /**
     * The shipped prometheus/ scraping one target ({@code instance} with {@code cluster} and {@code dc} labels),
     * alerting to 127.0.0.1:{@code alertmanagerPort}, listening on {@code prometheusPort}; {@code interval}
     * replaces the shipped 15 s scrape and evaluation interval when not null.
     */
    public static Path prometheusConfig(Path work, String instance, String cluster, String dc, int alertmanagerPort,
                                        int prometheusPort, String interval) throws IOException {
        Path dir = copy(RepoRoot.resolve("prometheus"), work.resolve("prometheus"));
        try (Stream<Path> examples = Files.list(dir.resolve("targets"))) {
            for (Path example : examples.toList()) {
                Files.delete(example);
            }
        }
        Files.writeString(dir.resolve("targets").resolve("local.yml"),
                "- targets: ['" + instance + "']\n  labels: {cluster: " + cluster + ", dc: " + dc + ", rack: rack1}\n");
        Files.writeString(dir.resolve("alertmanagers").resolve("alertmanagers.yml"),
                "- targets: ['127.0.0.1:" + alertmanagerPort + "']\n");
        Path config = dir.resolve("prometheus.yml");
        String text = Files.readString(config);
        for (String shipped : List.of("scrape_interval: 15s", "evaluation_interval: 15s", "localhost:9090")) {
            assertTrue(text.contains(shipped), "the shipped prometheus.yml has " + shipped);
        }
        text = text.replace("localhost:9090", "127.0.0.1:" + prometheusPort);
        if (interval != null) {
            text = text.replace("scrape_interval: 15s", "scrape_interval: " + interval)
                    .replace("scrape_timeout: 10s", "scrape_timeout: " + interval)
                    .replace("evaluation_interval: 15s", "evaluation_interval: " + interval)
                    .replace("refresh_interval: 1m", "refresh_interval: " + interval);
        }
        Files.writeString(config, text);
        return config;
    }

    private static Path copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
        return to;
    }
}
