package org.apache.cassandra.service;

/**
 * The fake StorageService's state, in a class of its own: reading a static field of StorageService would initialise
 * it, which is exactly what the test must be able to observe without causing.
 */
public final class StorageServiceProbe {
    public static volatile boolean initialised;
    public static volatile boolean setupCompleted;
    public static volatile String hostId;

    private StorageServiceProbe() {
    }
}
