package io.cassmon.exporter.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cassmon.exporter.log.Log;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changed TLS files replace the material once; bad ones are logged once and the old material stays. */
class ReloadingTlsTest {
    @TempDir
    Path dir;

    @Test
    void badNewFilesAreLoggedOnceAndTheOldCertificateStays() throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.issue("renewed", 2002, true, "rsa");
        List<String> log = new CopyOnWriteArrayList<>();
        Log.useSink((level, message, cause) -> log.add(level + " " + message));
        ConfiguredFile cert = new ConfiguredFile("cassmon.yml", "http.tls.cert_file", dir.resolve("server.pem"));
        ConfiguredFile key = new ConfiguredFile("cassmon.yml", "http.tls.key_file", dir.resolve("server.key"));
        ReloadingTls tls = new ReloadingTls(new TlsSettings(TlsSettings.KeySource.pem(cert, key), null,
                ClientAuth.NONE, List.of("TLSv1.3"), List.of()), 0);

        // A certificate written before its key: the pair does not match until the key is written too.
        Files.copy(dir.resolve("renewed.pem"), dir.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        tls.maybeReload();
        tls.maybeReload();
        assertEquals(BigInteger.valueOf(1001), serial(tls));
        assertEquals(List.of("ERROR cassmon: TLS files changed but cannot be used, still serving CN=server, serial 3e9,"
                + " valid until " + validUntil(tls) + ": cassmon.yml: http.tls.key_file: " + dir.resolve("server.key")
                + " is not the private key of the certificate in " + dir.resolve("server.pem")
                + " (http.tls.cert_file)"), log);

        Files.copy(dir.resolve("renewed.key"), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        tls.maybeReload();
        assertEquals(BigInteger.valueOf(2002), serial(tls));
        assertEquals(2, log.size(), log.toString());
        assertEquals("INFO cassmon: TLS files changed, new connections use CN=renewed, serial 7d2, valid until "
                + validUntil(tls), log.get(1));
    }

    @Test
    void aHandshakeStraddlingAReloadGetsOneConsistentIdentity() throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.issue("renewed", 2002, true, "ec");
        ConfiguredFile cert = new ConfiguredFile("cassmon.yml", "http.tls.cert_file", dir.resolve("server.pem"));
        ConfiguredFile key = new ConfiguredFile("cassmon.yml", "http.tls.key_file", dir.resolve("server.key"));
        ReloadingTls tls = new ReloadingTls(new TlsSettings(TlsSettings.KeySource.pem(cert, key), null,
                ClientAuth.NONE, List.of("TLSv1.3"), List.of()), 0);
        ReloadingKeyManager keys = new ReloadingKeyManager(tls);
        String alias = keys.chooseServerAlias("RSA", null, null);

        Files.copy(dir.resolve("renewed.pem"), dir.resolve("server.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("renewed.key"), dir.resolve("server.key"), StandardCopyOption.REPLACE_EXISTING);
        tls.maybeReload();

        assertEquals(BigInteger.valueOf(1001), keys.getCertificateChain(alias)[0].getSerialNumber());
        assertEquals("RSA", keys.getPrivateKey(alias).getAlgorithm());
        String next = keys.chooseServerAlias("EC", null, null);
        assertEquals(BigInteger.valueOf(2002), keys.getCertificateChain(next)[0].getSerialNumber());
    }

    @Test
    void replacedClientCasAndKeystoreAreReloaded(@TempDir Path rogueDir) throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.pkcs12("server");
        pki.issue("renewed", 2002, true, "rsa");
        Path renewed = pki.pkcs12("renewed");
        Path password = pki.passwordFile();
        TestPki.create(rogueDir, "rogue");
        Files.copy(pki.caPem(), dir.resolve("clients.pem"));
        ReloadingTls tls = new ReloadingTls(new TlsSettings(
                TlsSettings.KeySource.keystore(file("keystore_file", dir.resolve("server.p12")), "PKCS12",
                        file("keystore_password_file", password)),
                TlsSettings.KeySource.pem(file("client_ca_file", dir.resolve("clients.pem")), null),
                ClientAuth.REQUIRE, List.of("TLSv1.3"), List.of()), 0);
        ReloadingTrustManager trust = new ReloadingTrustManager(tls);
        assertEquals("CN=cassmon-test-ca", trust.getAcceptedIssuers()[0].getSubjectX500Principal().getName());

        Files.copy(rogueDir.resolve("rogue.pem"), dir.resolve("clients.pem"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(renewed, dir.resolve("server.p12"), StandardCopyOption.REPLACE_EXISTING);
        tls.maybeReload();

        assertEquals("CN=cassmon-test-rogue", trust.getAcceptedIssuers()[0].getSubjectX500Principal().getName());
        assertEquals(BigInteger.valueOf(2002), serial(tls));
    }

    private ConfiguredFile file(String key, Path path) {
        return new ConfiguredFile("cassmon.yml", "http.tls." + key, path);
    }

    private static BigInteger serial(ReloadingTls tls) {
        ReloadingKeyManager keys = new ReloadingKeyManager(tls);
        String alias = keys.chooseServerAlias("RSA", null, null);
        return keys.getCertificateChain(alias)[0].getSerialNumber();
    }

    private static String validUntil(ReloadingTls tls) {
        String description = tls.describe();
        return description.substring(description.indexOf("valid until ") + "valid until ".length());
    }
}
