package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.SharedCassandra;
import io.cassmon.exporter.tls.TestPki;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever goes wrong with the agent, Cassandra starts and serves CQL, and its log says what is wrong. Each case
 * boots its own node; the newest and oldest tested versions share the work.
 */
class CassandraFailurePolicyIT {
    private static final String AGENT_JAR = System.getProperty("cassmon.agent.jar");

    @Test
    void badTlsKeyFileKeepsCassandraRunningAndLogsWhatToFix(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.openssl("rsa", "-in", "server.key", "-traditional", "-out", "pkcs1.key");
        Path config = dir.resolve("cassmon.yml");
        Files.writeString(config, "http:\n  port: 7095\n  tls:\n    cert_file: server.pem\n    key_file: pkcs1.key\n");
        try (CassandraNode node = CassandraNode.builder(newestVersion()).name("bad-config")
                .jvmArgs("-javaagent:" + AGENT_JAR + "=config=" + config).build().start()) {
            assertServesCql(node);
            Path key = dir.resolve("pkcs1.key");
            assertTrue(node.log().contains("cassmon agent disabled, the JVM continues without it: " + config
                    + ": http.tls.key_file: " + key + " is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); cassmon reads"
                    + " PKCS#8 keys (BEGIN PRIVATE KEY): convert it with openssl pkcs8 -topk8 -nocrypt -in " + key
                    + " -out key-pkcs8.pem\n"), node.log());
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
