package org.apache.cassandra.service;

/** Fake 3.11 StorageService (see org.apache.cassandra package-info); its state is in {@link StorageServiceProbe}. */
public class StorageService implements StorageServiceMBean {
    public static final StorageService instance = new StorageService();

    static {
        StorageServiceProbe.initialised = true;
    }

    public boolean isDaemonSetupCompleted() {
        return StorageServiceProbe.setupCompleted;
    }

    public String getLocalHostId() {
        return StorageServiceProbe.hostId;
    }

    @Override
    public String getReleaseVersion() {
        return "3.11.19";
    }
}
