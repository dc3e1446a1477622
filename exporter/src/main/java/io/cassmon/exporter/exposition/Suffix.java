package io.cassmon.exporter.exposition;

/** What follows a family's name in a sample's name. */
public enum Suffix {
    NONE(""), TOTAL("_total"), BUCKET("_bucket"), COUNT("_count"), SUM("_sum"), GAUGE_COUNT("_gcount");

    private final String text;

    Suffix(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
