package org.apache.cassandra.service;

/** Fake (see org.apache.cassandra package-info): the MBean interface StorageService registers under. */
public interface StorageServiceMBean {
    String getReleaseVersion();
}
