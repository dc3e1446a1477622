package io.cassmon.exporter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Limits of the JDK's HTTP server ({@code sun.net.httpserver.ServerConfig}), which it reads from system properties
 * once, when its first server is created. Unset, they let a client take as long as it likes to send a request or
 * read a response. cassmon sets each one the operator has not set ({@code -D} on the command line always wins).
 * Cassandra itself runs no JDK HTTP server, so nothing else in the JVM is affected.
 */
final class JdkServerLimits {
    /** Seconds a client has to complete its request line and headers (and the TLS handshake), from its first byte. */
    static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    /** Seconds from the end of the request until the response is written, waiting for a scrape thread included. */
    static final String MAX_RESPONSE_TIME = "sun.net.httpserver.maxRspTime";
    /** Header lines per request. */
    static final String MAX_HEADERS = "sun.net.httpserver.maxReqHeaders";
    /** Bytes of request line and headers; the connection is closed beyond (recent JDK updates; older ones ignore it). */
    static final String MAX_HEADER_BYTES = "sun.net.httpserver.maxReqHeaderSize";
    /** Open connections; beyond, new ones are closed at once (recent JDK updates; older ones ignore it). */
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(MAX_REQUEST_TIME, "10");
        defaults.put(MAX_RESPONSE_TIME, "60");
        defaults.put(MAX_HEADERS, "64");
        defaults.put(MAX_HEADER_BYTES, "16384");
        defaults.put(MAX_CONNECTIONS, "256");
        DEFAULTS = Collections.unmodifiableMap(defaults);
    }

    private JdkServerLimits() {
    }

    /** Sets every limit {@code properties} does not have yet; call before the first server is created. */
    static void apply(Properties properties) {
        for (Map.Entry<String, String> limit : DEFAULTS.entrySet()) {
            if (properties.getProperty(limit.getKey()) == null) {
                properties.setProperty(limit.getKey(), limit.getValue());
            }
        }
    }
}
