package org.apache.cassandra.gms;

/** Fake (see org.apache.cassandra package-info). */
public enum ApplicationState {
    STATUS, DC, RACK, HOST_ID
}
