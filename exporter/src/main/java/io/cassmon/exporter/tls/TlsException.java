package io.cassmon.exporter.tls;

/**
 * TLS files that cannot be used. The message is complete and meant for the operator: it names the configuration file,
 * the key path, the TLS file and what is wrong with it.
 */
public final class TlsException extends Exception {
    public TlsException(String message) {
        super(message);
    }
}
