package io.cassmon.agent.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.FreePorts;
import io.cassmon.agent.it.SharedCassandra;
import io.cassmon.exporter.tls.TestPki;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One real node (the newest tested Cassandra) whose agent serves TLS, requires client certificates signed by the test
 * CA, and basic auth: the right certificate and password scrape; anything less fails at the handshake or with 401;
 * plaintext is refused; a swapped certificate is served without a restart. Cassandra serves CQL throughout.
 */
class HttpSecurityIT {
    private static final String AGENT_JAR = System.getProperty("cassmon.agent.jar");
    private static final String PASSWORD = "scrape-password-never-logged";
    private static Path pkiDir;
    private static Path live;
    private static TestPki pki;
    private static Path clientP12;
    private static Path rogueClientP12;
    private static String hash;
    private static int port;
    private static CassandraNode node;

    @BeforeAll
    static void startSecuredNode() throws Exception {
        Path root = CassandraNode.workRoot().resolve("security-files").toAbsolutePath();
        pkiDir = root.resolve("pki");
        live = root.resolve("live");
        Path rogueDir = root.resolve("rogue");
        for (Path dir : new Path[] {pkiDir, live, rogueDir}) {
            deleteRecursively(dir);
            Files.createDirectories(dir);
        }
        pki = TestPki.create(pkiDir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.issue("renewed", 2002, true, "ec");
        pki.issue("client", 3001, false, "rsa");
        clientP12 = pki.pkcs12("client");
        TestPki rogue = TestPki.create(rogueDir, "rogue");
        rogue.issue("client", 4001, false, "rsa");
        rogueClientP12 = rogue.pkcs12("client");
        Files.copy(pkiDir.resolve("server.pem"), live.resolve("server.pem"));
        Files.copy(pkiDir.resolve("server.key"), live.resolve("server.key"));
        Files.copy(pkiDir.resolve("ca.pem"), live.resolve("clients-ca.pem"));
        hash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, PASSWORD.toCharArray());
        port = FreePorts.next("127.0.0.1");
        Path config = Files.writeString(live.resolve("cassmon.yml"), "http:\n  host: 127.0.0.1\n  port: " + port + "\n"
                + "  tls:\n    cert_file: server.pem\n    key_file: server.key\n    client_ca_file: clients-ca.pem\n"
                + "  basic_auth:\n    users:\n      prometheus: \"" + hash + "\"\n");
        node = CassandraNode.builder(newestVersion()).name("http-security")
                .jvmArgs("-javaagent:" + AGENT_JAR + "=config=" + config).build().start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void clientCertificateAndPasswordScrapeTheNode() throws Exception {
        HttpResponse<String> response = get(withClientCertificate(), "/metrics", "prometheus", PASSWORD);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\njvm_threads_current "), response.body());
        assertEquals(200, get(withClientCertificate(), "/-/healthy", "prometheus", PASSWORD).statusCode());
        assertServesCql();
    }

    @Test
    void prometheusScrapesWithItsClientCertificateAndPassword() throws Exception {
        Path dir = pkiDir.getParent().resolve("prometheus");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
        String tls = "    tls_config: {ca_file: " + pkiDir.resolve("ca.pem") + ", cert_file: " + pkiDir.resolve("client.pem")
                + ", key_file: " + pkiDir.resolve("client.key") + "}\n";
        String target = "    static_configs: [{targets: ['127.0.0.1:" + port + "']}]\n";
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "global: {scrape_interval: 1s, scrape_timeout: 1s}\n"
                + "scrape_configs:\n"
                + "  - job_name: cassandra\n    scheme: https\n" + tls
                + "    basic_auth: {username: prometheus, password_file: password}\n" + target
                + "  - job_name: wrong-password\n    scheme: https\n" + tls
                + "    basic_auth: {username: prometheus, password_file: wrong-password}\n" + target);
        try (PrometheusServer prometheus = PrometheusServer.start(config, dir)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String up = "";
            String targets = "";
            while (System.nanoTime() < deadline) {
                up = prometheus.query("jvm_threads_current{job=\"cassandra\"}");
                targets = prometheus.targets();
                if (up.contains("\"value\":") && targets.contains("server returned HTTP status 401 Unauthorized")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertTrue(up.contains("\"job\":\"cassandra\""), up);
            assertTrue(targets.contains("server returned HTTP status 401 Unauthorized"), targets);
        }
    }

    @Test
    void wrongOrMissingCredentialsAre401() throws Exception {
        for (String[] credentials : new String[][] {{"prometheus", "wrong"}, {"grafana", PASSWORD}, {null, null}}) {
            HttpResponse<String> response = get(withClientCertificate(), "/metrics", credentials[0], credentials[1]);
            assertEquals(401, response.statusCode());
            assertEquals("Basic realm=\"cassmon\", charset=\"UTF-8\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        }
    }

    @Test
    void missingOrUntrustedClientCertificateFailsTheHandshake() {
        assertThrows(IOException.class,
                () -> get(TestPki.clientContext(pkiDir.resolve("ca.pem"), null), "/metrics", "prometheus", PASSWORD));
        assertThrows(IOException.class, () -> get(TestPki.clientContext(pkiDir.resolve("ca.pem"), rogueClientP12),
                "/metrics", "prometheus", PASSWORD));
    }

    @Test
    void plaintextRequestToTheTlsPortIsRefusedAtOnce() throws Exception {
        long begin = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/"));
        }
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(3).toNanos(), "the plaintext client was left waiting");
        assertEquals(200, get(withClientCertificate(), "/metrics", "prometheus", PASSWORD).statusCode());
    }

    @Test
    void swappedCertificateIsServedWithoutARestart() throws Exception {
        assertEquals(BigInteger.valueOf(1001), serial());
        Files.copy(pkiDir.resolve("renewed.key"), live.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pkiDir.resolve("renewed.pem"), live.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        BigInteger serial = serial();
        while (!serial.equals(BigInteger.valueOf(2002)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            serial = serial();
        }
        assertEquals(BigInteger.valueOf(2002), serial);
        assertTrue(node.log().contains("cassmon: TLS files changed, new connections use CN=renewed, serial 7d2"),
                node.log());
        assertEquals(200, get(withClientCertificate(), "/metrics", "prometheus", PASSWORD).statusCode());
    }

    @Test
    void startupLogSaysHowItServesAndHoldsNoSecret() throws Exception {
        String log = node.log();
        assertTrue(log.contains("serving https://127.0.0.1:" + port + "/metrics (TLS TLSv1.3/TLSv1.2 with PEM "
                + live.resolve("server.pem") + " and " + live.resolve("server.key") + ", client certificates required"
                + " (CAs from PEM " + live.resolve("clients-ca.pem") + "), basic auth for prometheus; certificate"
                + " CN=server, serial 3e9, valid until "), log);
        assertFalse(log.contains(PASSWORD), "the password is in the node's log");
        assertFalse(log.contains(hash), "the password hash is in the node's log");
        assertFalse(log.contains("PRIVATE KEY"), "a key is in the node's log");
    }

    private static BigInteger serial() throws IOException {
        return TestPki.serverSerial(pkiDir.resolve("ca.pem"), clientP12, port);
    }

    private static SSLContext withClientCertificate() {
        return TestPki.clientContext(pkiDir.resolve("ca.pem"), clientP12);
    }

    private static HttpResponse<String> get(SSLContext tls, String path, String user, String password)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertServesCql() {
        node.session().execute("CREATE KEYSPACE IF NOT EXISTS sec WITH replication = {'class': 'SimpleStrategy',"
                + " 'replication_factor': 1}");
        node.session().execute("CREATE TABLE IF NOT EXISTS sec.t (id int PRIMARY KEY)");
        node.session().execute("INSERT INTO sec.t (id) VALUES (1)");
        assertEquals(1, node.session().execute("SELECT id FROM sec.t WHERE id = 1").all().size());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String newestVersion() {
        return SharedCassandra.versions().findFirst().orElseThrow();
    }
}
