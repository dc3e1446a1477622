package io.cassmon.exporter.tls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code http.tls} says: where the server's identity comes from (PEM files or a keystore), what client
 * certificates are checked against, and which protocols and cipher suites are allowed. Holds file names only, never
 * a password or a key, so it can be logged.
 */
public final class TlsSettings {
    private final KeySource identity;
    private final KeySource trust;
    private final ClientAuth clientAuth;
    private final List<String> protocols;
    private final List<String> cipherSuites;

    public TlsSettings(KeySource identity, KeySource trust, ClientAuth clientAuth, List<String> protocols,
                       List<String> cipherSuites) {
        this.identity = identity;
        this.trust = trust;
        this.clientAuth = clientAuth;
        this.protocols = Collections.unmodifiableList(new ArrayList<>(protocols));
        this.cipherSuites = Collections.unmodifiableList(new ArrayList<>(cipherSuites));
    }

    /** The server's certificate chain and private key. */
    public KeySource identity() {
        return identity;
    }

    /** The CAs client certificates are verified against; null when client certificates are not asked for. */
    public KeySource trust() {
        return trust;
    }

    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** JSSE protocol names, e.g. TLSv1.3; never empty. */
    public List<String> protocols() {
        return protocols;
    }

    /** JSSE cipher suite names; empty means the JVM's defaults. */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** Every file the TLS material is read from, to notice when one changes. */
    List<ConfiguredFile> files() {
        List<ConfiguredFile> files = new ArrayList<>(identity.files());
        if (trust != null) {
            files.addAll(trust.files());
        }
        return files;
    }

    @Override
    public String toString() {
        String text = "TLS " + String.join("/", protocols) + " with " + identity;
        switch (clientAuth) {
            case REQUIRE:
                return text + ", client certificates required (CAs from " + trust + ")";
            case OPTIONAL:
                return text + ", client certificates verified when presented (CAs from " + trust + ")";
            default:
                return text;
        }
    }

    /**
     * Either PEM files ({@code cert_file} + {@code key_file}, or {@code client_ca_file} alone) or a Java keystore with
     * its type and the file holding its password.
     */
    public static final class KeySource {
        private final ConfiguredFile pemCertificates;
        private final ConfiguredFile pemKey;
        private final ConfiguredFile keystore;
        private final String keystoreType;
        private final ConfiguredFile passwordFile;

        private KeySource(ConfiguredFile pemCertificates, ConfiguredFile pemKey, ConfiguredFile keystore,
                          String keystoreType, ConfiguredFile passwordFile) {
            this.pemCertificates = pemCertificates;
            this.pemKey = pemKey;
            this.keystore = keystore;
            this.keystoreType = keystoreType;
            this.passwordFile = passwordFile;
        }

        /** A PEM certificate chain and its PKCS#8 key (identity), or a PEM CA bundle with {@code key} null (trust). */
        public static KeySource pem(ConfiguredFile certificates, ConfiguredFile key) {
            return new KeySource(certificates, key, null, null, null);
        }

        public static KeySource keystore(ConfiguredFile keystore, String type, ConfiguredFile passwordFile) {
            return new KeySource(null, null, keystore, type, passwordFile);
        }

        boolean isKeystore() {
            return keystore != null;
        }

        ConfiguredFile pemCertificates() {
            return pemCertificates;
        }

        ConfiguredFile pemKey() {
            return pemKey;
        }

        ConfiguredFile keystore() {
            return keystore;
        }

        String keystoreType() {
            return keystoreType;
        }

        ConfiguredFile passwordFile() {
            return passwordFile;
        }

        List<ConfiguredFile> files() {
            List<ConfiguredFile> files = new ArrayList<>();
            for (ConfiguredFile file : new ConfiguredFile[] {pemCertificates, pemKey, keystore, passwordFile}) {
                if (file != null) {
                    files.add(file);
                }
            }
            return files;
        }

        @Override
        public String toString() {
            if (isKeystore()) {
                return keystoreType + " keystore " + keystore;
            }
            return pemKey == null ? "PEM " + pemCertificates : "PEM " + pemCertificates + " and " + pemKey;
        }
    }
}
