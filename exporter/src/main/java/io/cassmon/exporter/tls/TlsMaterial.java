package io.cassmon.exporter.tls;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The server's certificate and key, and the CAs client certificates are checked against, loaded from the files of
 * {@link TlsSettings}. Every problem is a {@link TlsException} that names the file and what to fix.
 */
final class TlsMaterial {
    private static final String ALIAS = "cassmon";

    private final X509ExtendedKeyManager keyManager;
    private final X509ExtendedTrustManager trustManager;
    private final X509Certificate certificate;

    private TlsMaterial(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager,
                        X509Certificate certificate) {
        this.keyManager = keyManager;
        this.trustManager = trustManager;
        this.certificate = certificate;
    }

    static TlsMaterial load(TlsSettings settings) throws TlsException {
        TlsSettings.KeySource identity = settings.identity();
        PrivateKey key;
        List<X509Certificate> chain;
        if (identity.isKeystore()) {
            char[] password = KeyStoreFile.password(identity);
            try {
                KeyStore store = KeyStoreFile.open(identity, password);
                String alias = onlyKeyEntry(identity.keystore(), store);
                key = (PrivateKey) entryKey(identity, store, alias, password);
                chain = x509(store.getCertificateChain(alias));
            } catch (GeneralSecurityException e) {
                throw identity.keystore().error(identity.keystore().path() + " cannot be read: " + e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
        } else {
            chain = Pem.certificates(identity.pemCertificates());
            key = Pem.privateKey(identity.pemKey());
            checkKeyMatches(identity, key, chain.get(0));
        }
        X509ExtendedTrustManager trust = settings.trust() == null ? null : trustManager(settings.trust());
        return new TlsMaterial(keyManager(key, chain), trust, chain.get(0));
    }

    X509ExtendedKeyManager keyManager() {
        return keyManager;
    }

    /** Null when no client certificates are asked for. */
    X509ExtendedTrustManager trustManager() {
        return trustManager;
    }

    /** The server certificate, for log lines: subject, serial number and expiry; nothing secret. */
    String describe() {
        return certificate.getSubjectX500Principal().getName() + ", serial " + certificate.getSerialNumber().toString(16)
                + ", valid until " + certificate.getNotAfter().toInstant();
    }

    private static String onlyKeyEntry(ConfiguredFile file, KeyStore store) throws GeneralSecurityException,
            TlsException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificateChain(alias) != null) {
                aliases.add(alias);
            }
        }
        if (aliases.isEmpty()) {
            throw file.error(file.path() + " holds no private key with a certificate");
        }
        if (aliases.size() > 1) {
            throw file.error(file.path() + " holds " + aliases.size() + " private keys (" + String.join(", ", aliases)
                    + "); keep only the endpoint's");
        }
        return aliases.get(0);
    }

    private static Key entryKey(TlsSettings.KeySource identity, KeyStore store, String alias, char[] password)
            throws GeneralSecurityException, TlsException {
        try {
            return store.getKey(alias, password);
        } catch (UnrecoverableKeyException e) {
            throw identity.keystore().error("the private key " + alias + " in " + identity.keystore().path()
                    + " has a password other than the keystore's; cassmon needs the two to be the same");
        }
    }

    private static List<X509Certificate> x509(Certificate[] certificates) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
        }
        return chain;
    }

    /** Signs with the key and verifies with the certificate: a key of another certificate fails here, not in clients. */
    private static void checkKeyMatches(TlsSettings.KeySource identity, PrivateKey key, X509Certificate certificate)
            throws TlsException {
        ConfiguredFile keyFile = identity.pemKey();
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        boolean matches;
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw keyFile.error(keyFile.path() + " is not the private key of the certificate in "
                    + identity.pemCertificates().path() + " (" + identity.pemCertificates().keyPath() + ")");
        }
    }

    private static X509ExtendedKeyManager keyManager(PrivateKey key, List<X509Certificate> chain) throws TlsException {
        try {
            // An in-memory keystore under a fixed alias, whatever the source: the key never touches the disk again.
            char[] password = new char[16];
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager) {
                    return (X509ExtendedKeyManager) manager;
                }
            }
            throw new IllegalStateException("the JVM's " + factory.getAlgorithm() + " key managers are not X509");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a key manager: " + e, e);
        }
    }

    private static X509ExtendedTrustManager trustManager(TlsSettings.KeySource trust) throws TlsException {
        KeyStore store;
        try {
            if (trust.isKeystore()) {
                char[] password = KeyStoreFile.password(trust);
                try {
                    store = KeyStoreFile.open(trust, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                if (!holdsCertificates(store)) {
                    throw trust.keystore().error(trust.keystore().path() + " holds no trusted certificate");
                }
            } else {
                store = KeyStore.getInstance("JKS");
                store.load(null, null);
                int i = 0;
                for (X509Certificate ca : Pem.certificates(trust.pemCertificates())) {
                    store.setCertificateEntry("ca-" + i++, ca);
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager) {
                    return (X509ExtendedTrustManager) manager;
                }
            }
            throw new IllegalStateException("the JVM's PKIX trust managers are not X509");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build a trust manager: " + e, e);
        }
    }

    private static boolean holdsCertificates(KeyStore store) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isCertificateEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}
