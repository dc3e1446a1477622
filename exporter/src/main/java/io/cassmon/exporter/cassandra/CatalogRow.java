package io.cassmon.exporter.cassandra;

import io.cassmon.exporter.histogram.BucketFamily;
import io.cassmon.exporter.registry.Shape;

/** Builds one {@link CatalogEntry}; keeps {@link CassandraCatalog} readable as a table. */
final class CatalogRow {
    private final Layout layout;
    private final String type;
    private final String name;
    private Detail detail = Detail.DEFAULT;
    private double scale = 1;
    private String versions = "";
    private int readEverySeconds;

    CatalogRow(Layout layout, String type, String name) {
        this.layout = layout;
        this.type = type;
        this.name = name;
    }

    /** Exported only at detail {@code full}. */
    CatalogRow full() {
        detail = Detail.FULL;
        return this;
    }

    /** Values are in {@code scale} base units (e.g. 1e-3 for milliseconds, 0.01 for percent). */
    CatalogRow scaled(double factor) {
        scale = factor;
        return this;
    }

    /** Which versions have it, for the reference (e.g. "4.1+", "3.11"). */
    CatalogRow since(String versionNote) {
        versions = versionNote;
        return this;
    }

    /**
     * A gauge whose every read costs Cassandra disk reads or walks (e.g. of every SSTable): read at most once every
     * {@code seconds}, the last value exported in between.
     */
    CatalogRow readAtMostEvery(int seconds) {
        readEverySeconds = seconds;
        return this;
    }

    CatalogEntry gauge(String family, String help) {
        return entry(family, Shape.GAUGE, null, null, help);
    }

    CatalogEntry counter(String family, String help) {
        return entry(family, Shape.COUNTER, null, null, help);
    }

    /** A Cassandra Timer as a histogram in seconds; {@code _sum} from the {@code sumName} counter (microseconds). */
    CatalogEntry latency(String family, String sumName, String help) {
        return entry(family, Shape.HISTOGRAM, BucketFamily.LATENCY, sumName, help);
    }

    CatalogEntry histogram(String family, BucketFamily buckets, String help) {
        return entry(family, Shape.HISTOGRAM, buckets, null, help);
    }

    CatalogEntry gaugeHistogram(String family, BucketFamily buckets, String help) {
        return entry(family, Shape.GAUGE_HISTOGRAM, buckets, null, help);
    }

    /** Not exported itself: the {@code _sum} of another row's histogram. */
    CatalogEntry sumOnly() {
        return entry(null, Shape.COUNTER, null, null, "");
    }

    private CatalogEntry entry(String family, Shape shape, BucketFamily buckets, String sumName, String help) {
        return new CatalogEntry(type, name, family, shape, scale, buckets, sumName, layout, detail, help, versions,
                readEverySeconds);
    }
}
