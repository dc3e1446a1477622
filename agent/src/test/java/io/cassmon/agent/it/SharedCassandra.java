package io.cassmon.agent.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One node per Cassandra version (and agent/no-agent variant) per test JVM, started on first request and shared
 * by every IT class. Classes using it should carry {@code @ExtendWith(SharedCassandra.Extension.class)} so the
 * nodes stop when the JUnit run ends; without it they stop in the JVM's shutdown hook.
 * <p>
 * {@link #get(String)} attaches the agent jar named by {@code -Dcassmon.agent.jar} when that property is set
 * (failing if the file is missing); {@link #withoutAgent(String)} never does.
 */
public final class SharedCassandra {

    public static final String AGENT_JAR_PROPERTY = "cassmon.agent.jar";
    /** The agent's large-partition threshold on shared nodes. */
    public static final int LARGE_PARTITION_BYTES = 1024 * 1024;
    public static final String VERSIONS_PROPERTY = "cassmon.it.versions";
    private static final String DEFAULT_VERSIONS = "5.0.9,4.1.10,4.0.19";
    private static final Map<String, SharedCassandra> INSTANCES = new LinkedHashMap<>();
    private static final Map<String, RuntimeException> FAILURES = new LinkedHashMap<>();

    private final CassandraNode node;
    private final int agentPort;

    private SharedCassandra(CassandraNode node, int agentPort) {
        this.node = node;
        this.agentPort = agentPort;
    }

    /** The versions to test: {@code -Dcassmon.it.versions} (comma-separated), for {@code @MethodSource}. */
    public static Stream<String> versions() {
        String list = System.getProperty(VERSIONS_PROPERTY, DEFAULT_VERSIONS);
        return Arrays.stream(list.split(",")).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The shared node of {@code version}, with the agent if {@code -Dcassmon.agent.jar} is set. */
    public static SharedCassandra get(String version) {
        String jar = System.getProperty(AGENT_JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            return withoutAgent(version);
        }
        Path agentJar = Paths.get(jar);
        if (!Files.isRegularFile(agentJar)) {
            throw new IllegalStateException("-D" + AGENT_JAR_PROPERTY + " names " + agentJar.toAbsolutePath()
                    + ", which does not exist: build it first (`mvn -pl agent -am package`, or run the ITs with"
                    + " `verify`), or use SharedCassandra.withoutAgent(version)");
        }
        return obtain(version, agentJar);
    }

    /** The shared node of {@code version} without the agent. */
    public static SharedCassandra withoutAgent(String version) {
        return obtain(version, null);
    }

    private static synchronized SharedCassandra obtain(String version, Path agentJar) {
        String key = version + (agentJar == null ? "-noagent" : "-agent");
        SharedCassandra shared = INSTANCES.get(key);
        if (shared != null) {
            return shared;
        }
        RuntimeException failed = FAILURES.get(key);
        if (failed != null) {
            throw new IllegalStateException("The shared Cassandra " + key + " node failed to start earlier in this"
                    + " run: " + failed.getMessage(), failed);
        }
        try {
            CassandraNode.Builder builder = CassandraNode.builder(version).name("shared-" + key);
            int agentPort = -1;
            if (agentJar != null) {
                agentPort = FreePorts.next("127.0.0.1");
                // A config file, not host:port, so the agent's relocated snakeyaml parses YAML in the same JVM
                // as Cassandra's own snakeyaml (2.1 in 5.0.6+, 1.26 in 4.x): proof the two never clash.
                Path config = CassandraNode.workRoot().resolve("shared-" + key + "-cassmon.yml");
                Files.createDirectories(config.getParent());
                // 1 MiB instead of 100 MiB so a test can write a "large" partition in a second.
                Files.writeString(config, "http:\n  host: 127.0.0.1\n  port: " + agentPort + "\n"
                        + "metrics:\n  large_partition_threshold_bytes: " + LARGE_PARTITION_BYTES + "\n");
                builder.jvmArgs("-javaagent:" + agentJar.toAbsolutePath() + "=config=" + config);
            }
            // A trigger whose constructor registers a gauge that throws, for tests of scrape isolation.
            builder.triggerJars(ThrowingGaugeTrigger.jar(version));
            CassandraNode node = builder.build();
            try {
                node.start();
            } catch (RuntimeException e) {
                node.close();
                throw e;
            }
            shared = new SharedCassandra(node, agentPort);
            INSTANCES.put(key, shared);
            return shared;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent config of the shared " + key + " node", e);
        } catch (RuntimeException e) {
            FAILURES.put(key, e);
            throw e;
        }
    }

    /** Stops every shared node (the JUnit extension calls this at the end of the run). */
    public static synchronized void stopAll() {
        List<CassandraNode> nodes = new ArrayList<>();
        INSTANCES.values().forEach(shared -> nodes.add(shared.node));
        INSTANCES.clear();
        CassandraNode.stopAll(nodes);
        nodes.forEach(CassandraNode::close);
    }

    public CassandraNode node() {
        return node;
    }

    public String version() {
        return node.version();
    }

    public boolean hasAgent() {
        return agentPort > 0;
    }

    /** The port of the agent's HTTP endpoint on 127.0.0.1. */
    public int agentPort() {
        if (!hasAgent()) {
            throw new IllegalStateException("No agent attached to " + node + ": set -D" + AGENT_JAR_PROPERTY);
        }
        return agentPort;
    }

    public String metricsUrl() {
        return "http://127.0.0.1:" + agentPort() + "/metrics";
    }

    /** GET {@link #metricsUrl()}; fails unless the answer is 200. */
    public String scrape() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(metricsUrl())).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + metricsUrl() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Stops the shared nodes when the whole JUnit run (the root context) closes. */
    public static final class Extension implements BeforeAllCallback {
        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(SharedCassandra.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(StopAtEnd.class, k -> new StopAtEnd(), StopAtEnd.class);
        }
    }

    private static final class StopAtEnd implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stopAll();
        }
    }
}
