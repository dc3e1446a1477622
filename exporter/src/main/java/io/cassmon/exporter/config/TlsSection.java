package io.cassmon.exporter.config;

import io.cassmon.exporter.tls.ClientAuth;
import io.cassmon.exporter.tls.ConfiguredFile;
import io.cassmon.exporter.tls.TlsEndpoint;
import io.cassmon.exporter.tls.TlsException;
import io.cassmon.exporter.tls.TlsSettings;
import io.cassmon.exporter.tls.TlsSettings.KeySource;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code http.tls} into {@link TlsSettings}; {@link #checkFiles} loads its files once, so that a bad
 * certificate, key, keystore or password is a configuration error at startup, naming the key and the file. Relative
 * file names are resolved against the directory of the configuration file.
 */
final class TlsSection {
    private static final List<String> KEYSTORE_TYPES = Arrays.asList("PKCS12", "JKS");
    private static final List<String> CLIENT_AUTH = Arrays.asList("none", "optional", "require");
    private static final List<String> DEFAULT_PROTOCOLS = Arrays.asList("TLSv1.3", "TLSv1.2");

    private TlsSection() {
    }

    /** Null when the section is absent. */
    static TlsSettings read(YamlSection http) throws ConfigException {
        if (http.raw("tls") == null) {
            return null;
        }
        YamlSection tls = http.section("tls");
        KeySource identity = identity(tls);
        KeySource trust = trust(tls);
        ClientAuth clientAuth = clientAuth(tls, trust);
        List<String> protocols = protocols(tls);
        List<String> ciphers = tls.strings("cipher_suites");
        List<String> supportedCiphers = TlsEndpoint.supportedCipherSuites();
        for (String cipher : ciphers) {
            if (!supportedCiphers.contains(cipher)) {
                throw tls.error("cipher_suites", "expected JSSE cipher suite names this JVM supports, e.g. "
                        + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, got \"" + cipher + "\"");
            }
        }
        tls.rejectUnknownKeys();
        return new TlsSettings(identity, clientAuth == ClientAuth.NONE ? null : trust, clientAuth, protocols, ciphers);
    }

    /** Loads every TLS file once, as the endpoint will; run after the whole document's keys were checked. */
    static void checkFiles(TlsSettings settings) throws ConfigException {
        if (settings == null) {
            return;
        }
        try {
            TlsEndpoint.check(settings);
        } catch (TlsException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static KeySource identity(YamlSection tls) throws ConfigException {
        ConfiguredFile cert = file(tls, "cert_file");
        ConfiguredFile key = file(tls, "key_file");
        if (tls.raw("keystore_file") != null && (cert != null || key != null)) {
            throw tls.error(cert != null ? "cert_file" : "key_file", "give either cert_file and key_file (PEM) or"
                    + " keystore_file, not both");
        }
        KeySource keystore = keystore(tls, "keystore");
        if (keystore != null) {
            return keystore;
        }
        if (cert == null && key == null) {
            throw new ConfigException(tls.file() + ": " + tls.pathOf("cert_file") + ": expected the endpoint's PEM"
                    + " certificate (with key_file), or keystore_file, but neither is given");
        }
        if (key == null) {
            throw tls.error("key_file", "expected the PEM private key of cert_file, but the key is missing");
        }
        if (cert == null) {
            throw tls.error("cert_file", "expected the PEM certificate of key_file, but the key is missing");
        }
        return KeySource.pem(cert, key);
    }

    private static KeySource trust(YamlSection tls) throws ConfigException {
        ConfiguredFile ca = file(tls, "client_ca_file");
        KeySource truststore = keystore(tls, "truststore");
        if (ca != null && truststore != null) {
            throw tls.error("client_ca_file", "give either client_ca_file (PEM) or truststore_file, not both");
        }
        return ca != null ? KeySource.pem(ca, null) : truststore;
    }

    /** {@code <prefix>_file}, {@code <prefix>_type}, {@code <prefix>_password_file}; null when the file is absent. */
    private static KeySource keystore(YamlSection tls, String prefix) throws ConfigException {
        ConfiguredFile store = file(tls, prefix + "_file");
        String type = tls.string(prefix + "_type", null);
        ConfiguredFile password = file(tls, prefix + "_password_file");
        if (store == null) {
            if (type != null || password != null) {
                throw tls.error(prefix + "_file", "expected the " + prefix + " that " + prefix
                        + (type != null ? "_type" : "_password_file") + " belongs to, but the key is missing");
            }
            return null;
        }
        String upper = type == null ? "PKCS12" : type.toUpperCase(Locale.ROOT);
        if (!KEYSTORE_TYPES.contains(upper)) {
            throw tls.error(prefix + "_type", "expected PKCS12 or JKS, got the string \"" + type + "\"");
        }
        if (password == null) {
            throw tls.error(prefix + "_password_file", "expected the file holding the password of " + prefix
                    + "_file, but the key is missing");
        }
        return KeySource.keystore(store, upper, password);
    }

    private static ClientAuth clientAuth(YamlSection tls, KeySource trust) throws ConfigException {
        String given = tls.string("client_auth", null);
        if (given == null) {
            return trust == null ? ClientAuth.NONE : ClientAuth.REQUIRE;
        }
        if (!CLIENT_AUTH.contains(given)) {
            throw tls.error("client_auth", "expected one of none, optional, require, got the string \"" + given + "\"");
        }
        ClientAuth clientAuth = ClientAuth.valueOf(given.toUpperCase(Locale.ROOT));
        if (clientAuth != ClientAuth.NONE && trust == null) {
            throw tls.error("client_auth", given + " needs client_ca_file or truststore_file, the CAs that client"
                    + " certificates are verified against");
        }
        if (clientAuth == ClientAuth.NONE && trust != null) {
            throw tls.error("client_auth", "none, but client CAs are configured: set require or optional, or remove"
                    + " client_ca_file/truststore_file");
        }
        return clientAuth;
    }

    private static List<String> protocols(YamlSection tls) throws ConfigException {
        List<String> supported = TlsEndpoint.supportedProtocols();
        List<String> given = tls.strings("protocols");
        if (given.isEmpty()) {
            List<String> defaults = new ArrayList<>(DEFAULT_PROTOCOLS);
            defaults.retainAll(supported);
            return defaults;
        }
        for (String protocol : given) {
            if (!supported.contains(protocol) || protocol.equals("SSLv2Hello")) {
                throw tls.error("protocols", "expected protocols this JVM supports (" + String.join(", ",
                        DEFAULT_PROTOCOLS) + "), got \"" + protocol + "\"");
            }
        }
        return given;
    }

    private static ConfiguredFile file(YamlSection tls, String key) throws ConfigException {
        String name = tls.string(key, null);
        if (name == null) {
            return null;
        }
        if (name.trim().isEmpty()) {
            throw tls.error(key, "expected a file name, got an empty string");
        }
        Path path = Paths.get(name);
        Path configDirectory = Paths.get(tls.file()).toAbsolutePath().getParent();
        if (!path.isAbsolute() && configDirectory != null) {
            path = configDirectory.resolve(path);
        }
        return new ConfiguredFile(tls.file(), tls.pathOf(key), path);
    }
}
