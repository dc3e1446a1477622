package io.cassmon.exporter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.exporter.config.ConfigLoader;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.tls.TestPki;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint over TLS: PEM and keystores, client certificates, protocols, plaintext clients and reloads. */
class MetricsServerTlsTest {
    @TempDir
    static Path dir;
    private static TestPki pki;
    private static Path clientP12;
    private static Path rogueClientP12;
    private MetricsServer server;

    @BeforeAll
    static void certificates(@TempDir Path rogueDir) {
        pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.issue("client", 3001, false, "rsa");
        clientP12 = pki.pkcs12("client");
        pki.pkcs12("server");
        pki.passwordFile();
        TestPki rogue = TestPki.create(rogueDir, "rogue");
        rogue.issue("client", 4001, false, "rsa");
        rogueClientP12 = rogue.pkcs12("client");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesMetricsOverTlsFromPemFiles() throws Exception {
        start("tls: {cert_file: server.pem, key_file: server.key}");
        HttpResponse<String> response = get(TestPki.clientContext(pki.caPem(), null));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("demo_requests_total 7.0"), response.body());
        assertEquals(BigInteger.valueOf(1001), TestPki.serverSerial(pki.caPem(), null, server.port()));
    }

    @Test
    void servesMetricsOverTlsFromAKeystore() throws Exception {
        start("tls: {keystore_file: server.p12, keystore_password_file: password.txt}");
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), null)).statusCode());
    }

    @Test
    void requiredClientCertificateMustBePresentAndTrusted() throws Exception {
        start("tls: {cert_file: server.pem, key_file: server.key, client_ca_file: ca.pem}");
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), clientP12)).statusCode());
        assertThrows(IOException.class, () -> get(TestPki.clientContext(pki.caPem(), null)));
        assertThrows(IOException.class, () -> get(TestPki.clientContext(pki.caPem(), rogueClientP12)));
    }

    @Test
    void optionalClientCertificateIsCheckedWhenPresented() throws Exception {
        start("tls: {cert_file: server.pem, key_file: server.key, client_ca_file: ca.pem, client_auth: optional}");
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), null)).statusCode());
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), clientP12)).statusCode());
        assertThrows(IOException.class, () -> get(TestPki.clientContext(pki.caPem(), rogueClientP12)));
    }

    @Test
    void onlyTheConfiguredProtocolsAreSpoken() throws Exception {
        start("tls: {cert_file: server.pem, key_file: server.key, protocols: [TLSv1.2]}");
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), null), "TLSv1.2").statusCode());
        assertThrows(IOException.class, () -> get(TestPki.clientContext(pki.caPem(), null), "TLSv1.3"));
    }

    @Test
    void plaintextRequestToTheTlsPortIsClosedAtOnceAndTheServerGoesOn() throws Exception {
        start("tls: {cert_file: server.pem, key_file: server.key}");
        long begin = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = readToEnd(socket.getInputStream());
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/"),
                    "a TLS port must not answer in plain HTTP");
        }
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(3).toNanos(), "the connection was not closed at once");
        assertEquals(200, get(TestPki.clientContext(pki.caPem(), null)).statusCode());
    }

    @Test
    void replacedCertificateIsServedOnNewConnectionsWithoutARestart(@TempDir Path live) throws Exception {
        Files.copy(dir.resolve("server.pem"), live.resolve("server.pem"));
        Files.copy(dir.resolve("server.key"), live.resolve("server.key"));
        pki.issue("renewed", 2002, true, "ec");
        List<String> log = capturedLog();
        server = MetricsServer.start("127.0.0.1", 0, registry(), Collections.emptyMap(), ConfigLoader.parse(
                live.resolve("cassmon.yml").toString(), "http: {tls: {cert_file: server.pem, key_file: server.key}}")
                .security());
        assertEquals(BigInteger.valueOf(1001), TestPki.serverSerial(pki.caPem(), null, server.port()));

        Files.copy(dir.resolve("renewed.key"), live.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("renewed.pem"), live.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        BigInteger serial = awaitSerial(BigInteger.valueOf(2002));
        assertEquals(BigInteger.valueOf(2002), serial);
        assertEquals(1, log.stream().filter(line -> line.startsWith("INFO cassmon: TLS files changed, new connections"
                + " use CN=renewed, serial 7d2")).count(), log.toString());
    }

    private BigInteger awaitSerial(BigInteger expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        BigInteger serial;
        do {
            Thread.sleep(500);
            serial = TestPki.serverSerial(pki.caPem(), null, server.port());
        } while (!serial.equals(expected) && System.nanoTime() < deadline);
        return serial;
    }

    static List<String> capturedLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Log.useSink((level, message, cause) -> lines.add(level + " " + message));
        return lines;
    }

    private void start(String http) throws Exception {
        server = MetricsServer.start("127.0.0.1", 0, registry(), Collections.emptyMap(),
                ConfigLoader.parse(dir.resolve("cassmon.yml").toString(), "http: {" + http + "}").security());
    }

    private static CollectorRegistry registry() {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("demo_requests_total", "Requests.").register(registry).inc(7);
        return registry;
    }

    private HttpResponse<String> get(SSLContext context, String... protocols) throws Exception {
        HttpClient.Builder client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5));
        if (protocols.length > 0) {
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setProtocols(protocols);
            client.sslParameters(parameters);
        }
        return client.build().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
