package io.cassmon.exporter.config;

import io.cassmon.exporter.cassandra.CatalogConfig;
import io.cassmon.exporter.http.HttpSecurity;

/** Everything the exporter can be told. Immutable; built by {@link ConfigLoader} or {@link AgentArguments}. */
public final class ExporterConfig {
    /**
     * Outside Prometheus' 9100-9999 exporter range (fully allocated) and clear of Cassandra's own ports
     * (7000, 7001, 7199, 9042, 9142, 9160) and of other Cassandra exporters' (9103, 9404, 9500).
     */
    public static final int DEFAULT_PORT = 7095;
    public static final String DEFAULT_HOST = "0.0.0.0";

    private final String host;
    private final int port;
    private final CatalogConfig metrics;
    private final HttpSecurity security;

    public ExporterConfig(String host, int port, CatalogConfig metrics) {
        this(host, port, metrics, HttpSecurity.none());
    }

    public ExporterConfig(String host, int port, CatalogConfig metrics, HttpSecurity security) {
        this.host = host;
        this.port = port;
        this.metrics = metrics;
        this.security = security;
    }

    public static ExporterConfig defaults() {
        return new ExporterConfig(DEFAULT_HOST, DEFAULT_PORT, CatalogConfig.defaults());
    }

    /** What of Cassandra's registry is exported. */
    public CatalogConfig metrics() {
        return metrics;
    }

    /** Address the HTTP endpoint listens on. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** TLS and basic authentication of the endpoint. */
    public HttpSecurity security() {
        return security;
    }

    public ExporterConfig withListenAddress(String newHost, int newPort) {
        return new ExporterConfig(newHost, newPort, metrics, security);
    }

    /** The listen address and security, never a password or hash. */
    @Override
    public String toString() {
        return "listen " + host + ":" + port + " (" + security + ")";
    }
}
