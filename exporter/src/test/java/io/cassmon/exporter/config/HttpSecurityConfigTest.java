package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.cassmon.exporter.tls.ClientAuth;
import io.cassmon.exporter.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code http.tls} and {@code http.basic_auth}: what loads, and one row per way to get them wrong with the exact
 * message an operator reads ({@code {dir}} stands for the directory of the test certificates).
 */
class HttpSecurityConfigTest {
    @TempDir
    static Path dir;
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "scrape-secret".toCharArray());

    @BeforeAll
    static void certificates() throws Exception {
        TestPki pki = TestPki.create(dir, "ca");
        pki.issue("server", 1001, true, "rsa");
        pki.issue("other", 1002, true, "ec");
        pki.issue("ecserver", 1003, true, "ec");
        pki.pkcs12("server");
        pki.jks("server");
        pki.truststore("trust");
        pki.passwordFile();
        pki.write("wrong-password.txt", "not-it\n");
        pki.write("empty.txt", "");
        pki.write("garbage.pem", "hello\n");
        pki.openssl("rsa", "-in", "server.key", "-traditional", "-out", "pkcs1.key");
        pki.openssl("ec", "-in", "ecserver.key", "-out", "sec1.key");
        pki.openssl("pkcs8", "-topk8", "-in", "server.key", "-out", "encrypted.key", "-passout", "pass:x");
        pki.openssl("pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "a", "-out", "two.p12",
                "-passout", "pass:" + TestPki.PASSWORD);
        Files.copy(dir.resolve("server.p12"), dir.resolve("copy.p12"));
        pki.openssl("pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-out", "nokey.p12", "-passout",
                "pass:" + TestPki.PASSWORD);
    }

    static Stream<Arguments> badConfigs() {
        String pem = "http: {tls: {cert_file: {dir}/server.pem, key_file: %s}}";
        String store = "http: {tls: {keystore_file: %s, keystore_password_file: %s}}";
        String mtls = "http: {tls: {cert_file: {dir}/server.pem, key_file: {dir}/server.key, %s}}";
        return Stream.of(
            arguments("tls is not a mapping", "http: {tls: yes}",
                "cassmon.yml: http.tls: expected a mapping of keys to values, got true"),
            arguments("no identity", "http: {tls: {protocols: [TLSv1.3]}}",
                "cassmon.yml: http.tls.cert_file: expected the endpoint's PEM certificate (with key_file), or"
                    + " keystore_file, but neither is given"),
            arguments("cert without key", "http: {tls: {cert_file: {dir}/server.pem}}",
                "cassmon.yml: http.tls.key_file: expected the PEM private key of cert_file, but the key is missing"),
            arguments("PEM and keystore", "http: {tls: {cert_file: a.pem, key_file: a.key, keystore_file: k.p12}}",
                "cassmon.yml: http.tls.cert_file: give either cert_file and key_file (PEM) or keystore_file, not both"),
            arguments("missing certificate file", "http: {tls: {cert_file: {dir}/nope.pem, key_file: {dir}/server.key}}",
                "cassmon.yml: http.tls.cert_file: cannot read {dir}/nope.pem: no such file"),
            arguments("certificate file is not PEM", "http: {tls: {cert_file: {dir}/garbage.pem, key_file: x}}",
                "cassmon.yml: http.tls.cert_file: {dir}/garbage.pem holds no PEM certificate (expected -----BEGIN"
                    + " CERTIFICATE-----)"),
            arguments("key file holds a certificate", String.format(pem, "{dir}/server.pem"),
                "cassmon.yml: http.tls.key_file: {dir}/server.pem holds no PEM private key (expected -----BEGIN"
                    + " PRIVATE KEY-----)"),
            arguments("PKCS#1 RSA key", String.format(pem, "{dir}/pkcs1.key"),
                "cassmon.yml: http.tls.key_file: {dir}/pkcs1.key is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY);"
                    + " cassmon reads PKCS#8 keys (BEGIN PRIVATE KEY): convert it with openssl pkcs8 -topk8 -nocrypt"
                    + " -in {dir}/pkcs1.key -out key-pkcs8.pem"),
            arguments("SEC1 EC key", "http: {tls: {cert_file: {dir}/ecserver.pem, key_file: {dir}/sec1.key}}",
                "cassmon.yml: http.tls.key_file: {dir}/sec1.key is an SEC1 EC key (BEGIN EC PRIVATE KEY); cassmon"
                    + " reads PKCS#8 keys (BEGIN PRIVATE KEY): convert it with openssl pkcs8 -topk8 -nocrypt -in"
                    + " {dir}/sec1.key -out key-pkcs8.pem"),
            arguments("encrypted key", String.format(pem, "{dir}/encrypted.key"),
                "cassmon.yml: http.tls.key_file: {dir}/encrypted.key is an encrypted key (BEGIN ENCRYPTED PRIVATE"
                    + " KEY); cassmon reads unencrypted PKCS#8 keys, protected by file permissions: decrypt it with"
                    + " openssl pkcs8 -in {dir}/encrypted.key -out key-pkcs8.pem, or use keystore_file with"
                    + " keystore_password_file"),
            arguments("key of another certificate", String.format(pem, "{dir}/other.key"),
                "cassmon.yml: http.tls.key_file: {dir}/other.key is not the private key of the certificate in"
                    + " {dir}/server.pem (http.tls.cert_file)"),
            arguments("keystore without password file", "http: {tls: {keystore_file: {dir}/server.p12}}",
                "cassmon.yml: http.tls.keystore_password_file: expected the file holding the password of"
                    + " keystore_file, but the key is missing"),
            arguments("wrong keystore password", String.format(store, "{dir}/server.p12", "{dir}/wrong-password.txt"),
                "cassmon.yml: http.tls.keystore_password_file: the password in {dir}/wrong-password.txt does not"
                    + " open {dir}/server.p12 (http.tls.keystore_file)"),
            arguments("empty password file", String.format(store, "{dir}/server.p12", "{dir}/empty.txt"),
                "cassmon.yml: http.tls.keystore_password_file: {dir}/empty.txt is empty; it must hold the"
                    + " keystore's password on its first line"),
            arguments("keystore is not a keystore", String.format(store, "{dir}/garbage.pem", "{dir}/password.txt"),
                "cassmon.yml: http.tls.keystore_file: {dir}/garbage.pem is not a PKCS12 keystore, or it is damaged"),
            arguments("keystore without a key", String.format(store, "{dir}/nokey.p12", "{dir}/password.txt"),
                "cassmon.yml: http.tls.keystore_file: {dir}/nokey.p12 holds no private key with a certificate"),
            arguments("unknown keystore type",
                "http: {tls: {keystore_file: {dir}/server.p12, keystore_type: PEM, keystore_password_file: x}}",
                "cassmon.yml: http.tls.keystore_type: expected PKCS12 or JKS, got the string \"PEM\""),
            arguments("client auth without CAs", String.format(mtls, "client_auth: require"),
                "cassmon.yml: http.tls.client_auth: require needs client_ca_file or truststore_file, the CAs that"
                    + " client certificates are verified against"),
            arguments("CAs with client auth none", String.format(mtls, "client_ca_file: {dir}/ca.pem, client_auth: none"),
                "cassmon.yml: http.tls.client_auth: none, but client CAs are configured: set require or optional,"
                    + " or remove client_ca_file/truststore_file"),
            arguments("unknown client auth", String.format(mtls, "client_ca_file: {dir}/ca.pem, client_auth: always"),
                "cassmon.yml: http.tls.client_auth: expected one of none, optional, require, got the string"
                    + " \"always\""),
            arguments("client CA file is not PEM", String.format(mtls, "client_ca_file: {dir}/garbage.pem"),
                "cassmon.yml: http.tls.client_ca_file: {dir}/garbage.pem holds no PEM certificate (expected"
                    + " -----BEGIN CERTIFICATE-----)"),
            arguments("truststore with wrong password",
                String.format(mtls, "truststore_file: {dir}/trust.p12, truststore_password_file: {dir}/wrong-password.txt"),
                "cassmon.yml: http.tls.truststore_password_file: the password in {dir}/wrong-password.txt does not"
                    + " open {dir}/trust.p12 (http.tls.truststore_file)"),
            arguments("unknown protocol", String.format(mtls, "protocols: [TLSv1.2, TLSv9]"),
                "cassmon.yml: http.tls.protocols: expected protocols this JVM supports (TLSv1.3, TLSv1.2), got"
                    + " \"TLSv9\""),
            arguments("unknown cipher suite", String.format(mtls, "cipher_suites: [FAST_AND_LOOSE]"),
                "cassmon.yml: http.tls.cipher_suites: expected JSSE cipher suite names this JVM supports, e.g."
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, got \"FAST_AND_LOOSE\""),
            arguments("unknown key beside bad files", "http: {tls: {cert_file: nope.pem, key_file: nope.key}, prot: 1}",
                "cassmon.yml: unknown key http.prot (see the configuration reference in README.md)"),
            arguments("unknown tls key", String.format(mtls, "ciphers: [x]"),
                "cassmon.yml: unknown key http.tls.ciphers (see the configuration reference in README.md)"),
            arguments("basic auth users missing", "http: {basic_auth: {user: x}}",
                "cassmon.yml: http.basic_auth.users: expected a mapping of user names to bcrypt hashes, e.g."
                    + " prometheus: $2y$10$..., but the key is missing"),
            arguments("plaintext password instead of a hash", "http: {basic_auth: {users: {prometheus: hunter2}}}",
                "cassmon.yml: http.basic_auth.users.prometheus: expected a bcrypt hash ($2y$, $2b$ or $2a$ and 60"
                    + " characters, e.g. from htpasswd -nBC 10 prometheus), got something else (not shown, it may be"
                    + " a password)"),
            arguments("user name with a colon", "http: {basic_auth: {users: {\"a:b\": \"" + HASH + "\"}}}",
                "cassmon.yml: http.basic_auth.users: user name \"a:b\" is empty or contains ':', which basic auth"
                    + " cannot carry"),
            arguments("empty users", "http: {basic_auth: {users: {}}}",
                "cassmon.yml: http.basic_auth.users: expected a mapping of user names to bcrypt hashes, e.g."
                    + " prometheus: $2y$10$..., got an empty mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badSecurityConfigNamesFileKeyAndWhatToFix(String caseName, String yaml, String message) {
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("cassmon.yml", yaml.replace("{dir}", dir.toString())));
        assertEquals(message.replace("{dir}", dir.toString()), error.getMessage());
    }

    @Test
    void readsPemTlsWithClientCertificatesAndBasicAuth() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", ("http:\n  tls:\n    cert_file: {dir}/server.pem\n"
                + "    key_file: {dir}/server.key\n    client_ca_file: {dir}/ca.pem\n  basic_auth:\n    users:\n"
                + "      prometheus: \"" + HASH + "\"\n").replace("{dir}", dir.toString()));
        assertEquals("https", config.security().scheme());
        assertEquals(ClientAuth.REQUIRE, config.security().tls().clientAuth());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), config.security().tls().protocols());
        assertEquals("listen 0.0.0.0:7095 (TLS TLSv1.3/TLSv1.2 with PEM " + dir + "/server.pem and " + dir
                + "/server.key, client certificates required (CAs from PEM " + dir + "/ca.pem), basic auth for"
                + " prometheus)", config.toString());
    }

    @Test
    void readsKeystoresOfEitherType() throws Exception {
        for (String keystore : new String[] {"keystore_file: server.p12", "keystore_file: server.jks\n    keystore_type: jks"}) {
            ExporterConfig config = ConfigLoader.load(write("http:\n  tls:\n    " + keystore + "\n"
                    + "    keystore_password_file: password.txt\n    truststore_file: trust.p12\n"
                    + "    truststore_password_file: password.txt\n    client_auth: optional\n"));
            assertEquals(ClientAuth.OPTIONAL, config.security().tls().clientAuth());
            assertFalse(config.toString().contains(TestPki.PASSWORD), config.toString());
        }
    }

    @Test
    void readsEcKeys() throws Exception {
        ConfigLoader.parse("cassmon.yml", ("http: {tls: {cert_file: {dir}/ecserver.pem, key_file: {dir}/ecserver.key,"
                + " protocols: [TLSv1.2], cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]}}")
                .replace("{dir}", dir.toString()));
    }

    @Test
    void relativeFilesAreResolvedAgainstTheConfigFile() throws Exception {
        Path config = write("http: {tls: {cert_file: server.pem, key_file: server.key}}\n");
        assertTrue(ConfigLoader.load(config).toString().contains(dir.resolve("server.pem").toString()));
    }

    @Test
    void neitherHashNorPasswordIsInTheConfigDescription() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "http: {basic_auth: {users: {prometheus: \"" + HASH
                + "\", grafana: \"" + HASH + "\"}}}");
        assertEquals("listen 0.0.0.0:7095 (plain HTTP, basic auth for prometheus, grafana)", config.toString());
        assertFalse(config.toString().contains("$2"), config.toString());
    }

    private static Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("cassmon.yml"), yaml);
    }
}
