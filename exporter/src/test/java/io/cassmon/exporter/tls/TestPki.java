package io.cassmon.exporter.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Test certificates made with the system's {@code openssl} (and the JDK's {@code keytool} for JKS): a CA and the
 * certificates, keys and keystores it issues, in one directory. Fails with a clear message when openssl is missing.
 */
public final class TestPki {
    public static final String PASSWORD = "test-keystore-secret";

    private final Path dir;
    private final String ca;

    private TestPki(Path dir, String ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** A new CA named {@code ca} (files {@code ca.pem}, {@code ca.key}) in {@code dir}. */
    public static TestPki create(Path dir, String ca) {
        TestPki pki = new TestPki(dir, ca);
        pki.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca + ".key", "-out", ca + ".pem",
                "-days", "3", "-subj", "/CN=cassmon-test-" + ca);
        return pki;
    }

    public Path dir() {
        return dir;
    }

    public Path caPem() {
        return dir.resolve(ca + ".pem");
    }

    /** {@code name.pem} and {@code name.key} (PKCS#8), RSA or EC ({@code "ec"}), for 127.0.0.1 and localhost. */
    public Path[] issue(String name, long serial, boolean server, String keyType) {
        List<String> request = new ArrayList<>(Arrays.asList("req", "-nodes", "-keyout", name + ".key", "-out",
                name + ".csr", "-subj", "/CN=" + name));
        request.addAll(keyType.equals("ec") ? Arrays.asList("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1")
                : Arrays.asList("-newkey", "rsa:2048"));
        openssl(request.toArray(new String[0]));
        write(name + ".ext", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage="
                + (server ? "serverAuth" : "clientAuth") + "\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key", "-set_serial",
                Long.toString(serial), "-days", "3", "-out", name + ".pem", "-extfile", name + ".ext");
        return new Path[] {dir.resolve(name + ".pem"), dir.resolve(name + ".key")};
    }

    /** {@code name.p12} with the certificate and key of {@link #issue}, under {@link #PASSWORD}. */
    public Path pkcs12(String name) {
        openssl("pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-name", name, "-out",
                name + ".p12", "-passout", "pass:" + PASSWORD);
        return dir.resolve(name + ".p12");
    }

    /** {@code name.jks} converted from {@code name.p12}. */
    public Path jks(String name) {
        run(keytool(), "-importkeystore", "-noprompt", "-srckeystore", name + ".p12", "-srcstoretype", "PKCS12",
                "-srcstorepass", PASSWORD, "-destkeystore", name + ".jks", "-deststoretype", "JKS", "-deststorepass",
                PASSWORD, "-destkeypass", PASSWORD);
        return dir.resolve(name + ".jks");
    }

    /** A PKCS12 truststore holding this CA. */
    public Path truststore(String name) {
        run(keytool(), "-importcert", "-noprompt", "-alias", ca, "-file", ca + ".pem", "-keystore", name + ".p12",
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return dir.resolve(name + ".p12");
    }

    /** A file holding {@link #PASSWORD} and a newline, as {@code echo} writes it. */
    public Path passwordFile() {
        return write("password.txt", PASSWORD + "\n");
    }

    public Path write(String name, String text) {
        try {
            return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        return run(command.toArray(new String[0]));
    }

    /**
     * A client context trusting {@code trustedCa}, presenting {@code clientP12} when not null, whatever CAs the server
     * names (as Prometheus' Go client does), so a server that asks for certificates always sees it.
     */
    public static SSLContext clientContext(Path trustedCa, Path clientP12) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(trustedCa)) {
                trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (clientP12 != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(clientP12)) {
                    keys.load(in, PASSWORD.toCharArray());
                }
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] presented = keyManagers == null ? null
                    : new KeyManager[] {new AlwaysPresent((X509ExtendedKeyManager) keyManagers.getKeyManagers()[0])};
            context.init(presented, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a test client TLS context: " + e, e);
        }
    }

    /** A fresh handshake (a new context, so no session reuse) with 127.0.0.1:port; the server certificate's serial. */
    public static BigInteger serverSerial(Path trustedCa, Path clientP12, int port) throws IOException {
        SSLContext client = clientContext(trustedCa, clientP12);
        try (Socket plain = new Socket("127.0.0.1", port);
             SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain, "127.0.0.1", port, true)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    /** A client key manager that offers its one certificate whatever issuers the server asks for. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        AlwaysPresent(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        private String only(String[] keyTypes) {
            for (String keyType : keyTypes) {
                String[] aliases = keys.getClientAliases(keyType, null);
                if (aliases != null && aliases.length > 0) {
                    return aliases[0];
                }
            }
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return only(keyType);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return only(keyType);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private String run(String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + " (the TLS tests make their certificates"
                    + " with openssl: apt-get install -y openssl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
