package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.registry.MechanicalNaming;
import io.cassmon.exporter.registry.MetricId;
import io.cassmon.exporter.registry.MetricKind;
import io.cassmon.exporter.registry.MetricNaming;
import io.cassmon.exporter.registry.Rendering;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names Cassandra's registry metrics by the {@link CassandraCatalog}, once at registration: parses
 * {@code org.apache.cassandra.metrics.<Type>.<Name>[.<scope>]}, finds the row, turns the scope into labels and
 * applies the detail levels and filters of {@link CatalogConfig}. Returns null for what is not exported.
 */
public final class CassandraNaming implements MetricNaming {
    static final String PREFIX = "org.apache.cassandra.metrics.";
    private static final String TABLE_FAMILY = "cassandra_table_";
    private static final double MICROSECONDS = 1e-6;

    private final CatalogConfig config;
    private final MechanicalNaming unlisted = new MechanicalNaming();
    private final Map<String, CatalogEntry> exact = new HashMap<>();
    private final Map<String, List<CatalogEntry>> patterns = new HashMap<>();

    public CassandraNaming(CatalogConfig config) {
        this.config = config;
        for (CatalogEntry entry : CassandraCatalog.ENTRIES) {
            if (entry.isPattern()) {
                patterns.computeIfAbsent(entry.type(), t -> new ArrayList<>()).add(entry);
            } else {
                exact.put(entry.type() + "." + entry.name(), entry);
            }
        }
    }

    @Override
    public MetricId name(String dropwizardName, MetricKind kind) {
        if (!dropwizardName.startsWith(PREFIX)) {
            return unlisted(dropwizardName, kind);
        }
        String rest = dropwizardName.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) {
            return unlisted(dropwizardName, kind);
        }
        String type = rest.substring(0, dot);
        String afterType = rest.substring(dot + 1);
        switch (type) {
            case "IndexTable":
                return tableLike(dropwizardName, kind, afterType, Layout.INDEX_TABLE, "cassandra_index_table_");
            case "keyspace":
                return config.aggregates()
                        ? tableLike(dropwizardName, kind, afterType, Layout.KEYSPACE, "cassandra_keyspace_") : null;
            default:
                return listed(dropwizardName, kind, type, afterType);
        }
    }

    private MetricId listed(String dropwizardName, MetricKind kind, String type, String afterType) {
        int dot = afterType.indexOf('.');
        String name = dot < 0 ? afterType : afterType.substring(0, dot);
        String scope = dot < 0 ? "" : afterType.substring(dot + 1);
        CatalogEntry entry = exact.get(type + "." + name);
        if (entry == null) {
            for (CatalogEntry pattern : patterns.getOrDefault(type, new ArrayList<CatalogEntry>())) {
                String captured = capture(pattern.name(), afterType);
                if (captured != null) {
                    return identify(dropwizardName, pattern, pattern.family(), pattern.layout(), captured, "", config.detail());
                }
            }
            return unlisted(dropwizardName, kind);
        }
        if (entry.layout() == Layout.TABLE) {
            // Table.<Name>.all: the node-wide aggregate, a merge of every table on each read; sum the tables instead.
            return "all".equals(scope) ? null
                    : tableDetail(dropwizardName, entry, entry.family(), Layout.TABLE, scope);
        }
        if (entry.layout() == Layout.CLIENT_REQUEST && scope.contains("-")) {
            String family = entry.family() == null ? null
                    : entry.family().replace("cassandra_client_request_", "cassandra_client_request_consistency_");
            return identify(dropwizardName, entry, family, Layout.CLIENT_REQUEST_CONSISTENCY, scope, scope, Detail.FULL);
        }
        return identify(dropwizardName, entry, entry.family(), entry.layout(), scope, scope, entry.detail());
    }

    /** Rows of the Table type serve index tables and keyspace aggregates under another family prefix. */
    private MetricId tableLike(String dropwizardName, MetricKind kind, String afterType, Layout layout, String prefix) {
        int dot = afterType.indexOf('.');
        CatalogEntry entry = dot <= 0 ? null : exact.get("Table." + afterType.substring(0, dot));
        if (entry == null) {
            return unlisted(dropwizardName, kind);
        }
        String family = entry.family() == null ? null : prefix + entry.family().substring(TABLE_FAMILY.length());
        return tableDetail(dropwizardName, entry, family, layout, afterType.substring(dot + 1));
    }

    private MetricId tableDetail(String dropwizardName, CatalogEntry entry, String family, Layout layout, String scope) {
        String[] parts = scope.split("\\.");
        Detail detail = parts.length >= 2 ? config.tableDetail(parts[0], parts[1])
                : config.tableDetail(parts[0], "*");
        if (!detail.includes(entry.detail())) {
            return null;
        }
        return identify(dropwizardName, entry, family, layout, scope, scope, Detail.NONE);
    }

    /** {@code required} is the detail the node must have for this row; NONE when already checked. */
    private MetricId identify(String dropwizardName, CatalogEntry entry, String family, Layout layout,
                              String labelSource, String sumScope, Detail required) {
        if (family == null || !config.detail().includes(required) || !config.allows(family)) {
            return null;
        }
        List<String> values = layout.labelValues(labelSource);
        if (values == null) {
            return null;
        }
        String sum = entry.sumName() == null ? null : PREFIX + entry.type() + "." + entry.sumName()
                + (sumScope.isEmpty() ? "" : "." + sumScope);
        Rendering rendering = new Rendering(entry.shape(), entry.scale(), entry.buckets(), sum, MICROSECONDS)
                .readAtMostEvery(entry.readEverySeconds());
        return new MetricId(family, entry.help(), layout.labelNames(), values, rendering);
    }

    private MetricId unlisted(String dropwizardName, MetricKind kind) {
        return config.unlisted() ? unlisted.name(dropwizardName, kind) : null;
    }

    /** The part of {@code name} that the {@code *} of {@code pattern} stands for, or null. */
    static String capture(String pattern, String name) {
        int star = pattern.indexOf('*');
        String head = pattern.substring(0, star);
        String tail = pattern.substring(star + 1);
        if (name.length() <= head.length() + tail.length() || !name.startsWith(head) || !name.endsWith(tail)) {
            return null;
        }
        return name.substring(head.length(), name.length() - tail.length());
    }
}
