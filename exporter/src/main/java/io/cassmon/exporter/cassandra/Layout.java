package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.registry.MechanicalNaming;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** How the scope of a Cassandra registry name becomes labels. Every family has exactly one layout. */
public enum Layout {
    /** No scope: one series per node. */
    NODE,
    /** {@code ks.tbl} */
    TABLE("keyspace", "table"),
    /** {@code ks.tbl.idx}: the tables behind secondary indexes. */
    INDEX_TABLE("keyspace", "table", "index"),
    /** {@code ks} (opt-in aggregates). */
    KEYSPACE("keyspace"),
    /** {@code path.pool}, e.g. {@code request.ReadStage}. */
    THREAD_POOL("group", "pool"),
    /** {@code Read}, {@code CASWrite}, ...: snake-cased into {@code read}, {@code cas_write}. */
    CLIENT_REQUEST("operation"),
    /** {@code Read-LOCAL_QUORUM}: operation and consistency level. */
    CLIENT_REQUEST_CONSISTENCY("operation", "consistency"),
    /** A messaging verb: 3.11's {@code MUTATION} and 4.0+'s {@code MUTATION_REQ} both become {@code MUTATION}. */
    MESSAGE_TYPE("message_type"),
    /** {@code KeyCache}, {@code RowCache}, ...: snake-cased. */
    CACHE("cache"),
    /** {@code chunk-cache}, {@code networking} (4.0+; empty in 3.11). */
    BUFFER_POOL("pool"),
    /** A peer's address. */
    PEER("peer"),
    /** A datacenter name embedded in the metric name. */
    SOURCE_DATACENTER("source_datacenter");

    private final List<String> labelNames;

    Layout(String... labelNames) {
        this.labelNames = Collections.unmodifiableList(Arrays.asList(labelNames));
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /** Label values for {@code scope}, or null when the scope does not fit this layout. */
    List<String> labelValues(String scope) {
        switch (this) {
            case NODE:
                return scope.isEmpty() ? Collections.<String>emptyList() : null;
            case TABLE:
            case INDEX_TABLE:
            case THREAD_POOL:
                String[] parts = scope.split("\\.", -1);
                return parts.length == labelNames.size() && !Arrays.asList(parts).contains("") ? Arrays.asList(parts) : null;
            case CLIENT_REQUEST:
                return scope.isEmpty() || scope.contains("-") ? null : Collections.singletonList(snake(scope));
            case CLIENT_REQUEST_CONSISTENCY:
                int dash = scope.indexOf('-');
                return dash <= 0 ? null : Arrays.asList(snake(scope.substring(0, dash)), scope.substring(dash + 1));
            case MESSAGE_TYPE:
                return scope.isEmpty() ? null : Collections.singletonList(messageType(scope));
            case CACHE:
                return scope.isEmpty() ? null : Collections.singletonList(snake(scope));
            default:
                return scope.isEmpty() && this != BUFFER_POOL ? null : Collections.singletonList(scope);
        }
    }

    private static String snake(String camel) {
        return MechanicalNaming.sanitize(camel);
    }

    /** One name across versions: 4.0 added {@code _REQ} to request verbs; 3.11 called range reads RANGE_SLICE. */
    static String messageType(String verb) {
        String name = verb.endsWith("_REQ") ? verb.substring(0, verb.length() - "_REQ".length()) : verb;
        return "RANGE_SLICE".equals(name) ? "RANGE" : name;
    }
}
