package org.apache.cassandra.gms;

/** Fake (see org.apache.cassandra package-info). */
public class VersionedValue {
    public final int version = 1;
    public final String value;

    public VersionedValue(String value) {
        this.value = value;
    }
}
