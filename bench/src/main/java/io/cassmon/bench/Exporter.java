package io.cassmon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The configurations a node is measured in. */
enum Exporter {
    NONE("no exporter"),
    CASSMON("cassmon (defaults)"),
    CASSMON_FULL("cassmon (detail: full)"),
    /**
     * cassmon at defaults writing every series anew on every scrape ({@code reuse_unchanged_series: false}): what a
     * scrape costs when every series changed since the last one. The benchmark's node is idle between scrapes, so at
     * defaults every series is written from the text kept at the last scrape.
     */
    CASSMON_NO_REUSE("cassmon (no reuse)"),
    /** cassmon at defaults from another jar ({@code -Dcassmon.bench.baseline.jar}), e.g. main's, to compare a change. */
    CASSMON_BASELINE("cassmon (baseline jar)"),
    JMX_EXPORTER("jmx_exporter 1.0.1");

    final String title;

    Exporter(String title) {
        this.title = title;
    }

    boolean scraped() {
        return this != NONE;
    }

    static Exporter parse(String s) {
        switch (s.trim().toLowerCase()) {
            case "none":
                return NONE;
            case "cassmon":
                return CASSMON;
            case "cassmon-full":
            case "full":
                return CASSMON_FULL;
            case "cassmon-no-reuse":
            case "no-reuse":
                return CASSMON_NO_REUSE;
            case "cassmon-baseline":
            case "baseline":
                return CASSMON_BASELINE;
            case "jmx":
            case "jmx_exporter":
                return JMX_EXPORTER;
            default:
                throw new IllegalArgumentException("unknown configuration " + s
                        + " (none, cassmon, cassmon-full, cassmon-no-reuse, cassmon-baseline, jmx)");
        }
    }

    /** The JVM arguments that attach this exporter on {@code 127.0.0.1:port}; config files go to {@code dir}. */
    List<String> jvmArgs(Path dir, int port, Paths paths) {
        try {
            Files.createDirectories(dir);
            switch (this) {
                case CASSMON:
                case CASSMON_FULL:
                case CASSMON_NO_REUSE:
                case CASSMON_BASELINE: {
                    Path config = dir.resolve(name().toLowerCase() + "-cassmon.yml");
                    Files.writeString(config, "http:\n  host: 127.0.0.1\n  port: " + port + "\n"
                            + (this == CASSMON_FULL ? "metrics:\n  detail: full\n" : "")
                            + (this == CASSMON_NO_REUSE ? "metrics:\n  reuse_unchanged_series: false\n" : ""));
                    return List.of("-javaagent:" + (this == CASSMON_BASELINE ? paths.requireBaselineJar() : paths.agentJar())
                            + "=config=" + config);
                }
                case JMX_EXPORTER:
                    return List.of("-javaagent:" + paths.jmxExporterJar() + "=127.0.0.1:" + port + ":"
                            + paths.jmxExporterRules());
                default:
                    return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the agents' jars and the jmx_exporter rules are. */
    record Paths(Path agentJar, Path jmxExporterJar, Path jmxExporterRules, Path baselineJar) {
        static Paths fromSystemProperties() {
            Paths p = new Paths(path("cassmon.agent.jar", "agent/target/cassmon-agent.jar"),
                    path("cassmon.bench.jmx.jar", "bench/target/jmx_exporter/jmx_prometheus_javaagent-1.0.1.jar"),
                    path("cassmon.bench.jmx.rules", "bench/jmx-exporter-cassandra.yml"),
                    System.getProperty("cassmon.bench.baseline.jar") == null ? null
                            : path("cassmon.bench.baseline.jar", ""));
            for (Path f : List.of(p.agentJar, p.jmxExporterJar, p.jmxExporterRules)) {
                if (!Files.isRegularFile(f)) {
                    throw new IllegalStateException(f + " does not exist: run bench/run.sh, which builds and fetches"
                            + " everything");
                }
            }
            if (p.baselineJar != null && !Files.isRegularFile(p.baselineJar)) {
                throw new IllegalStateException("-Dcassmon.bench.baseline.jar=" + p.baselineJar + " does not exist");
            }
            return p;
        }

        Path requireBaselineJar() {
            if (baselineJar == null) {
                throw new IllegalStateException("configuration cassmon-baseline needs -Dcassmon.bench.baseline.jar=JAR");
            }
            return baselineJar;
        }

        private static Path path(String property, String fallback) {
            return java.nio.file.Paths.get(System.getProperty(property, fallback)).toAbsolutePath();
        }
    }
}
