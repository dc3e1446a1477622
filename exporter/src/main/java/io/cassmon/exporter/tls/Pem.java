package io.cassmon.exporter.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM files read with the JDK alone: X.509 certificates and unencrypted PKCS#8 private keys (RSA or EC). Other key
 * formats are recognised by their label and refused with the command that converts them.
 */
final class Pem {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String[] KEY_ALGORITHMS = {"RSA", "EC"};

    private Pem() {
    }

    /** Every certificate of the file, in order (a leaf certificate and its chain, or a CA bundle). */
    static List<X509Certificate> certificates(ConfiguredFile file) throws TlsException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(file)) {
            if (!block.label.equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der(file))));
            } catch (CertificateException e) {
                throw file.error(file.path() + " holds a certificate that cannot be parsed: " + e.getMessage());
            }
        }
        if (certificates.isEmpty()) {
            throw file.error(file.path() + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** The one private key of the file. */
    static PrivateKey privateKey(ConfiguredFile file) throws TlsException {
        String convert = "openssl pkcs8 -topk8 -nocrypt -in " + file.path() + " -out key-pkcs8.pem";
        for (Block block : blocks(file)) {
            switch (block.label) {
                case "PRIVATE KEY":
                    return pkcs8(file, block.der(file));
                case "RSA PRIVATE KEY":
                    throw file.error(file.path() + " is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); cassmon reads PKCS#8"
                            + " keys (BEGIN PRIVATE KEY): convert it with " + convert);
                case "EC PRIVATE KEY":
                    throw file.error(file.path() + " is an SEC1 EC key (BEGIN EC PRIVATE KEY); cassmon reads PKCS#8"
                            + " keys (BEGIN PRIVATE KEY): convert it with " + convert);
                case "ENCRYPTED PRIVATE KEY":
                    throw file.error(file.path() + " is an encrypted key (BEGIN ENCRYPTED PRIVATE KEY); cassmon reads"
                            + " unencrypted PKCS#8 keys, protected by file permissions: decrypt it with openssl pkcs8 -in "
                            + file.path() + " -out key-pkcs8.pem, or use keystore_file with keystore_password_file");
                default:
                    break;
            }
        }
        throw file.error(file.path() + " holds no PEM private key (expected -----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(ConfiguredFile file, byte[] der) throws TlsException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next.
            }
        }
        throw file.error(file.path() + " holds a PKCS#8 key that is neither RSA nor EC");
    }

    private static List<Block> blocks(ConfiguredFile file) throws TlsException {
        String text = new String(file.read(), StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    private static final class Block {
        final String label;
        final String body;

        Block(String label, String body) {
            this.label = label;
            this.body = body;
        }

        byte[] der(ConfiguredFile file) throws TlsException {
            try {
                return Base64.getMimeDecoder().decode(body.trim());
            } catch (IllegalArgumentException e) {
                throw file.error(file.path() + " holds a " + label + " block that is not valid base64");
            }
        }
    }
}
