package org.apache.cassandra.config;

import java.io.File;
import org.apache.cassandra.locator.IEndpointSnitch;
import org.apache.cassandra.locator.PropertySnitch;

/** Fake 3.11 DatabaseDescriptor (see org.apache.cassandra package-info). */
public class DatabaseDescriptor {
    public static volatile String fakeStorage = "/var/lib/cassandra";

    public static String getClusterName() {
        return "Test Cluster";
    }

    public static IEndpointSnitch getEndpointSnitch() {
        return PropertySnitch.create();
    }

    public static String[] getAllDataFileLocations() {
        return new String[] {fakeStorage + "/data1", fakeStorage + "/data2"};
    }

    public static String getCommitLogLocation() {
        return fakeStorage + "/commitlog";
    }

    public static File getHintsDirectory() {
        return new File(fakeStorage, "hints");
    }

    public static String getSavedCachesLocation() {
        return fakeStorage + "/saved_caches";
    }
}
