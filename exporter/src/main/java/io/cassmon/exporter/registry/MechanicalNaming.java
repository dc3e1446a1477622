package io.cassmon.exporter.registry;

import java.util.Collections;

/**
 * Every Dropwizard metric under a mechanical, valid Prometheus name: the registry name with every character
 * outside {@code [a-zA-Z0-9_]} replaced by {@code _}, Cassandra's {@code org.apache.cassandra.metrics.} prefix
 * shortened to {@code cassandra_}, and a unit or {@code _total} suffix by kind. No labels.
 */
public final class MechanicalNaming implements MetricNaming {
    static final String CASSANDRA_PREFIX = "org.apache.cassandra.metrics.";

    @Override
    public MetricId name(String dropwizardName, MetricKind kind) {
        String base = dropwizardName.startsWith(CASSANDRA_PREFIX)
                ? "cassandra_" + dropwizardName.substring(CASSANDRA_PREFIX.length())
                : dropwizardName;
        String family = sanitize(base) + (kind == MetricKind.TIMER ? "_seconds" : "");
        String help = "Dropwizard " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + dropwizardName
                + (kind == MetricKind.TIMER ? " (seconds)" : "");
        return new MetricId(family, help, Collections.<String>emptyList(), Collections.<String>emptyList());
    }

    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length() + 1);
        if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            out.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            out.append(valid ? c : '_');
        }
        return out.toString();
    }
}
