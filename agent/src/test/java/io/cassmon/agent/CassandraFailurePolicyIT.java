package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.SharedCassandra;
import io.cassmon.exporter.config.BadConfigMatrixTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever goes wrong with the agent, Cassandra starts and serves CQL, and its log says what is wrong. Each case
 * boots its own node; the newest and oldest tested versions share the work.
 */
class CassandraFailurePolicyIT {
    private static final String AGENT_JAR = System.getProperty("cassmon.agent.jar");

    /**
     * One row of BadConfigMatrixTest on a real node (PremainBadConfigTest runs every row through premain in process;
     * a boot per row would cost ~10 s each).
     */
    @Test
    void invalidConfigKeepsCassandraRunningAndLogsWhy(@TempDir Path dir) throws Exception {
        BadConfigMatrixTest.Row row = BadConfigMatrixTest.rows()
                .filter(candidate -> candidate.name().equals("unknown keys, nested")).findFirst().orElseThrow();
        try (CassandraNode node = CassandraNode.builder(newestVersion()).name("bad-config")
                .jvmArgs("-javaagent:" + AGENT_JAR + "=" + row.argument(dir)).build().start()) {
            assertServesCql(node);
            String line = "cassmon agent disabled, the JVM continues without it: " + row.message(dir);
            assertTrue(node.log().contains(line), node.log());
            // The agent's logger (io.cassmon, shown as "cassmon" by the node's pattern) said that and nothing else.
            assertEquals(1, node.log().lines().filter(l -> l.contains(" cassmon - ")).count(), node.log());
        }
    }

    @Test
    void portInUseKeepsCassandraRunningAndLogsWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             CassandraNode node = CassandraNode.builder(oldestVersion()).name("port-in-use")
                     .jvmArgs("-javaagent:" + AGENT_JAR + "=127.0.0.1:" + taken.getLocalPort()).build().start()) {
            assertServesCql(node);
            assertTrue(node.log().contains("cassmon agent disabled, the JVM continues without it: cannot listen on"
                    + " 127.0.0.1:" + taken.getLocalPort() + ": Address already in use"), node.log());
        }
    }

    private static void assertServesCql(CassandraNode node) {
        node.session().execute("CREATE KEYSPACE policy WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        node.session().execute("CREATE TABLE policy.t (id int PRIMARY KEY)");
        node.session().execute("INSERT INTO policy.t (id) VALUES (1)");
        assertEquals(1, node.session().execute("SELECT id FROM policy.t").all().size());
    }

    private static String newestVersion() {
        return SharedCassandra.versions().findFirst().orElseThrow();
    }

    private static String oldestVersion() {
        return SharedCassandra.versions().reduce((first, second) -> second).orElseThrow();
    }
}
