package io.cassmon.exporter.config;

/** A configuration the agent refuses to run with. The message says what to fix and where. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
