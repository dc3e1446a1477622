package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.registry.Shape;

/**
 * One row of the catalog: a Cassandra registry metric (type and name; a name with {@code *} captures a part of
 * the name as the layout's label) and the Prometheus family it becomes.
 */
public final class CatalogEntry {
    private final String type;
    private final String name;
    private final String family;
    private final Shape shape;
    private final double scale;
    private final BucketFamily buckets;
    private final String sumName;
    private final Layout layout;
    private final Detail detail;
    private final String help;
    private final String versions;
    private final int readEverySeconds;

    CatalogEntry(String type, String name, String family, Shape shape, double scale, BucketFamily buckets,
                 String sumName, Layout layout, Detail detail, String help, String versions, int readEverySeconds) {
        this.type = type;
        this.name = name;
        this.family = family;
        this.shape = shape;
        this.scale = scale;
        this.buckets = buckets;
        this.sumName = sumName;
        this.layout = layout;
        this.detail = detail;
        this.help = help;
        this.versions = versions;
        this.readEverySeconds = readEverySeconds;
    }

    /** At most how often the metric is read, in seconds; 0 for every scrape. */
    public int readEverySeconds() {
        return readEverySeconds;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The Prometheus family; null for rows that are only the {@code _sum} of another (TotalLatency). */
    public String family() {
        return family;
    }

    public Shape shape() {
        return shape;
    }

    public double scale() {
        return scale;
    }

    public BucketFamily buckets() {
        return buckets;
    }

    /** Registry name of the counter holding this histogram's {@code _sum} (same type and scope), or null. */
    public String sumName() {
        return sumName;
    }

    public Layout layout() {
        return layout;
    }

    public Detail detail() {
        return detail;
    }

    public String help() {
        return help;
    }

    /** The Cassandra versions that have this metric, as documented (e.g. "4.1+"); empty for all. */
    public String versions() {
        return versions;
    }

    boolean isPattern() {
        return name.contains("*");
    }

    /** The unit of the family's values, for the reference documentation. */
    public String unit() {
        if (family == null) {
            return "";
        }
        if (family.endsWith("_seconds")) {
            return "seconds";
        }
        if (family.endsWith("_bytes") || family.endsWith("_bytes_total")) {
            return "bytes";
        }
        if (family.endsWith("_ratio")) {
            return "ratio";
        }
        return "";
    }
}
