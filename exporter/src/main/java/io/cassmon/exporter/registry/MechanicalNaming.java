package io.cassmon.exporter.registry;

import java.util.Collections;

/**
 * Every Dropwizard metric under a mechanical, valid Prometheus name: Cassandra's
 * {@code org.apache.cassandra.metrics.} prefix shortened to {@code cassandra_}, camelCase words split
 * ({@code ReadLatency} becomes {@code read_latency}), every character outside {@code [a-z0-9_]} replaced by
 * {@code _}, and {@code _seconds} on timers. No labels.
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
        return new MetricId(family, help, Collections.<String>emptyList(), Collections.<String>emptyList(),
                Rendering.of(shapeOf(kind)));
    }

    /** Timers and histograms become summaries: outside Cassandra their reservoirs keep no buckets. */
    static Shape shapeOf(MetricKind kind) {
        switch (kind) {
            case METER:
                return Shape.COUNTER;
            case TIMER:
            case HISTOGRAM:
                return Shape.SUMMARY;
            default:
                return Shape.GAUGE;
        }
    }

    public static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        if (name.isEmpty() || isDigit(name.charAt(0))) {
            out.append('_');
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isUpper(c)) {
                char before = i > 0 ? name.charAt(i - 1) : '_';
                char after = i + 1 < name.length() ? name.charAt(i + 1) : '_';
                // A word starts at "aB" or "1B", and at the last capital of a run followed by lower case: "CASRead".
                if (isLower(before) || isDigit(before) || (isUpper(before) && isLower(after))) {
                    out.append('_');
                }
                out.append((char) (c - 'A' + 'a'));
            } else {
                out.append(isLower(c) || isDigit(c) ? c : '_');
            }
        }
        return out.toString();
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
