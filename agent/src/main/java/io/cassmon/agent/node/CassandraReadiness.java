package io.cassmon.agent.node;

import io.cassmon.exporter.log.Log;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Tells when Cassandra has finished starting, without ever being the first to touch one of its classes (their
 * static initialisers depend on CassandraDaemon's order: logging, DatabaseDescriptor, StorageService, gossip).
 *
 * <p>Two steps, both cheap enough to repeat on every scrape until they succeed:
 * <ol>
 * <li>The {@code org.apache.cassandra.db:type=StorageService} MBean is registered in the platform MBeanServer: a
 *     question to the JDK, no Cassandra class involved. StorageService registers it from its own constructor, which
 *     its static initialiser runs ({@code StorageService.instance}), in every version from 3.11 to 5.0; so once it is
 *     there, Cassandra has itself begun initialising StorageService. In a JVM without Cassandra it never appears.</li>
 * <li>Then, through the class loader of that MBean, {@code StorageService.instance.isDaemonSetupCompleted()}, true
 *     once {@code CassandraDaemon.setup()} has finished: DatabaseDescriptor, the snitch, gossip and the local host id
 *     have all been initialised by Cassandra by then. Loading StorageService here cannot initialise it first; at
 *     worst this thread waits for the initialiser that Cassandra's own thread is finishing.</li>
 * </ol>
 * A JVM that never registers the MBean (e.g. {@code -Dorg.apache.cassandra.disable_mbean_registration=true}) is never
 * ready, and the collectors that depend on this stay silent.
 */
final class CassandraReadiness {
    static final String STORAGE_SERVICE_MBEAN = "org.apache.cassandra.db:type=StorageService";
    static final String STORAGE_SERVICE = "org.apache.cassandra.service.StorageService";

    private final MBeanServer server;
    private final ObjectName storageService;
    private volatile Cassandra cassandra;

    CassandraReadiness() {
        this(ManagementFactory.getPlatformMBeanServer());
    }

    CassandraReadiness(MBeanServer server) {
        this.server = server;
        try {
            this.storageService = new ObjectName(STORAGE_SERVICE_MBEAN);
        } catch (MalformedObjectNameException e) {
            throw new AssertionError(e);
        }
    }

    /** Cassandra once it has finished starting; null before, and always in a JVM without Cassandra. */
    Cassandra cassandra() throws Exception {
        Cassandra ready = cassandra;
        if (ready != null || !server.isRegistered(storageService)) {
            return ready;
        }
        ClassLoader loader = server.getClassLoaderFor(storageService);
        Object instance = Class.forName(STORAGE_SERVICE, true, loader).getField("instance").get(null);
        Cassandra candidate = new Cassandra(loader, instance);
        if (!Boolean.TRUE.equals(candidate.call(instance, "isDaemonSetupCompleted"))) {
            return null;
        }
        synchronized (this) {
            if (cassandra == null) {
                cassandra = candidate;
                Log.info("cassmon: Cassandra has finished starting; exporting node identity, peers and disk space");
            }
            return cassandra;
        }
    }
}
