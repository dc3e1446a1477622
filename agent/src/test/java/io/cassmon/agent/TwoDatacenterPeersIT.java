package io.cassmon.agent;

import java.util.ArrayList;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.agent.Exposition.Sample;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * Two real 5.0 nodes in two datacenters, each with the agent: each names itself and sees the other; a stopped peer
 * turns to 0; a peer removed from the ring ({@code nodetool removenode}, over JMX) disappears.
 */
class TwoDatacenterPeersIT {
    private static final String VERSION = "5.0.9";
    private static final String CLUSTER = "cassmon-peers";
    private static final String AGENT_JAR = System.getProperty("cassmon.agent.jar");
    private static final long WAIT_SECONDS = 90;
    /** The agent's own version, as cassmon_build_info reports it from the shaded jar's manifest. */
    private static final String VERSION_BUILD = agentVersion();

    @Test
    void eachNodeSeesTheOtherUntilItStopsAndIsRemovedFromTheRing() throws Exception {
        // One agent port on every node, as in production: the discovery endpoint lists each node on it.
        int agent1 = FreePorts.next("127.0.0.1");
        int agent2 = agent1;
        int jmx1 = FreePorts.next("127.0.0.1");
        try (CassandraNode dc1 = CassandraNode.builder(VERSION).name("peers-dc1").clusterName(CLUSTER)
                     .address("127.0.0.1").datacenter("dc1").rack("rack1")
                     .jvmArgs(agent("127.0.0.1", agent1), "-Dcassandra.jmx.local.port=" + jmx1).build();
             CassandraNode dc2 = CassandraNode.builder(VERSION).name("peers-dc2").clusterName(CLUSTER)
                     .address("127.0.0.2").datacenter("dc2").rack("rack2").seeds(dc1)
                     .jvmArgs(topologyLabelledAgent("127.0.0.2", agent2)).build()) {
            dc1.start();
            dc2.start();
            String url1 = "http://127.0.0.1:" + agent1 + "/metrics";
            String url2 = "http://127.0.0.2:" + agent2 + "/metrics";
            String hostId1 = nodeInfo(url1, "dc1", "rack1");
            String hostId2 = nodeInfo(url2, "dc2", "rack2");
            // dc2's agent runs with metrics.topology_labels: every series carries the node's own cluster/dc/rack.
            String labelled = Exposition.scrapeUntil(url2, WAIT_SECONDS, "storage load with topology labels",
                    text -> !Exposition.samples(text, "cassandra_storage_load_bytes").isEmpty());
            assertEquals(Map.of("cluster", CLUSTER, "dc", "dc2", "rack", "rack2"),
                    Exposition.samples(labelled, "cassandra_storage_load_bytes").get(0).labels());
            assertEquals(Map.of("cluster", CLUSTER, "dc", "dc2", "rack", "rack2", "version", VERSION_BUILD),
                    Exposition.samples(labelled, "cassmon_build_info").get(0).labels());

            String[] dc2AsSeenFromDc1 = {"peer", "127.0.0.2", "peer_datacenter", "dc2", "peer_rack", "rack2", "host_id", hostId2};
            Exposition.scrapeUntil(url1, WAIT_SECONDS, "dc1 sees dc2 up", text -> peerUp(text, dc2AsSeenFromDc1) == 1);
            String[] dc1AsSeenFromDc2 = {"peer", "127.0.0.1", "peer_datacenter", "dc1", "peer_rack", "rack1", "host_id", hostId1};
            String seenFromDc2 = Exposition.scrapeUntil(url2, WAIT_SECONDS, "dc2 sees dc1 up",
                    text -> peerUp(text, dc1AsSeenFromDc2) == 1);
            assertEquals(1, Exposition.samples(seenFromDc2, "cassandra_peer_up").size(), "only the other node is a peer");
            String bothNodes = "[\n"
                    + target("127.0.0.1", agent1, "dc1", "rack1") + ",\n"
                    + target("127.0.0.2", agent1, "dc2", "rack2") + "\n]\n";
            assertEquals(bothNodes, get("http://127.0.0.1:" + agent1 + "/discovery"));
            Path targetFile = Files.createTempFile("cassmon-targets", ".json");
            assertEquals(0, targetsCommand("127.0.0.2:" + agent2, targetFile.toString()), "targets command");
            assertEquals("[\n" + target("127.0.0.2", agent1, "dc2", "rack2") + ",\n"
                    + target("127.0.0.1", agent1, "dc1", "rack1") + "\n]\n", Files.readString(targetFile));

            long stopping = System.nanoTime();
            dc2.stop();
            Exposition.scrapeUntil(url1, WAIT_SECONDS, "dc1 sees dc2 down", text -> peerUp(text, dc2AsSeenFromDc1) == 0);
            assertEquals(bothNodes, get("http://127.0.0.1:" + agent1 + "/discovery"), "a down node is still a target");
            System.out.printf("peer_up turned 0 %.1f s after the peer was asked to stop%n", (System.nanoTime() - stopping) / 1e9);

            long removing = System.nanoTime();
            removeNode(jmx1, hostId2);
            String after = Exposition.scrapeUntil(url1, WAIT_SECONDS, "dc2's series disappear from dc1",
                    text -> Exposition.samples(text, "cassandra_peer_up").isEmpty());
            System.out.printf("peer series gone %.1f s after removenode started%n", (System.nanoTime() - removing) / 1e9);
            assertEquals(1, Exposition.samples(after, "cassandra_node_info").size(), after);
            assertEquals("[\n" + target("127.0.0.1", agent1, "dc1", "rack1") + "\n]\n",
                    get("http://127.0.0.1:" + agent1 + "/discovery"), "a removed node is no target");
        }
    }

    private static String target(String ip, int port, String dc, String rack) {
        return "  {\"targets\": [\"" + ip + ":" + port + "\"], \"labels\": {\"cluster\": \"" + CLUSTER
                + "\", \"dc\": \"" + dc + "\", \"rack\": \"" + rack + "\"}}";
    }

    private static String agentVersion() {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(AGENT_JAR)) {
            return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** {@code java -jar cassmon-agent.jar targets ...}, as an operator runs it. */
    private static int targetsCommand(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", AGENT_JAR, "targets"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the targets command did not finish in 60 s");
        }
        return process.exitValue();
    }

    private static String topologyLabelledAgent(String host, int port) throws Exception {
        Path config = Files.createTempFile("cassmon", ".yml");
        Files.writeString(config, "http: {host: " + host + ", port: " + port + "}\nmetrics: {topology_labels: true}\n");
        return "-javaagent:" + AGENT_JAR + "=config=" + config;
    }

    private static String agent(String host, int port) {
        return "-javaagent:" + AGENT_JAR + "=" + host + ":" + port;
    }

    /** Checks the node's own identity and returns its host id. */
    private static String nodeInfo(String url, String datacenter, String rack) throws Exception {
        String metrics = Exposition.scrapeUntil(url, WAIT_SECONDS, "cassandra_node_info at " + url,
                text -> !Exposition.samples(text, "cassandra_node_info").isEmpty());
        List<Sample> info = Exposition.samples(metrics, "cassandra_node_info");
        assertEquals(1, info.size(), metrics);
        Map<String, String> labels = info.get(0).labels();
        Map<String, String> own = new java.util.HashMap<>(labels);
        own.keySet().removeAll(List.of("cluster", "dc", "rack"));  // topology labels, where enabled
        assertEquals(Map.of("cassandra_cluster", CLUSTER, "cassandra_datacenter", datacenter, "cassandra_rack", rack,
                "host_id", labels.get("host_id"), "release_version", VERSION), own);
        assertTrue(labels.get("host_id").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), metrics);
        return labels.get("host_id");
    }

    /** The value of the one matching cassandra_peer_up series, NaN if there is none. */
    private static double peerUp(String metrics, String... labels) {
        List<Sample> up = Exposition.samples(metrics, "cassandra_peer_up", labels);
        return up.size() == 1 ? up.get(0).value() : Double.NaN;
    }

    /** What {@code nodetool removenode <host id>} does: StorageService.removeNode over the node's local JMX port. */
    private static void removeNode(int jmxPort, String hostId) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        try (JMXConnector connector = JMXConnectorFactory.connect(url)) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName storageService = new ObjectName("org.apache.cassandra.db:type=StorageService");
            CompletableFuture.runAsync(() -> {
                try {
                    server.invoke(storageService, "removeNode", new Object[] {hostId}, new String[] {String.class.getName()});
                } catch (Exception e) {
                    throw new IllegalStateException("removenode " + hostId + " failed", e);
                }
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
