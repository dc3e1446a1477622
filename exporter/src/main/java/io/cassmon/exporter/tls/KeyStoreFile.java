package io.cassmon.exporter.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;

/** A Java keystore (PKCS12 or JKS) opened with the password held in another file. */
final class KeyStoreFile {
    private KeyStoreFile() {
    }

    /** The keystore opened with {@code password} (from {@link #password}; the caller wipes it after use). */
    static KeyStore open(TlsSettings.KeySource source, char[] password) throws TlsException {
        ConfiguredFile file = source.keystore();
        ConfiguredFile passwordFile = source.passwordFile();
        byte[] bytes = file.read();
        try {
            KeyStore store = KeyStore.getInstance(source.keystoreType());
            store.load(new ByteArrayInputStream(bytes), password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw passwordFile.error("the password in " + passwordFile.path() + " does not open " + file.path()
                        + " (" + file.keyPath() + ")");
            }
            throw file.error(file.path() + " is not a " + source.keystoreType() + " keystore, or it is damaged"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (GeneralSecurityException e) {
            throw file.error(file.path() + " cannot be loaded as a " + source.keystoreType() + " keystore: "
                    + e.getMessage());
        }
    }

    /** The file's text up to its first line end: a trailing newline from {@code echo} is not part of the password. */
    static char[] password(TlsSettings.KeySource source) throws TlsException {
        ConfiguredFile file = source.passwordFile();
        byte[] bytes = file.read();
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        if (end == 0) {
            Arrays.fill(bytes, (byte) 0);
            throw file.error(file.path() + " is empty; it must hold the keystore's password on its first line");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
        char[] password = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return password;
    }
}
