package io.cassmon.exporter.cassandra;

import java.util.Locale;

/** How much of the catalog is exported, per table and for the node. */
public enum Detail {
    /** Nothing (e.g. system keyspaces by default). */
    NONE,
    /** What operators need day to day, within the per-table series budget. */
    DEFAULT,
    /** Every catalog row, including costly and rarely needed ones. */
    FULL;

    public boolean includes(Detail rowDetail) {
        return compareTo(rowDetail) >= 0;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
