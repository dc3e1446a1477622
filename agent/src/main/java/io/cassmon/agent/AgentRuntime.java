package io.cassmon.agent;

import com.codahale.metrics.MetricRegistry;
import io.cassmon.agent.node.DiscoveryTargets;
import io.cassmon.agent.node.NodeCollectors;
import io.cassmon.agent.node.Topology;
import io.cassmon.agent.node.TopologyLabels;
import io.cassmon.exporter.http.DiscoveryHandler;
import io.cassmon.exporter.cassandra.CassandraNaming;
import io.cassmon.exporter.config.ExporterConfig;
import io.cassmon.exporter.exposition.CommonLabels;
import io.cassmon.exporter.exposition.Exposition;
import io.cassmon.exporter.exposition.SampleSource;
import io.cassmon.exporter.exposition.SourceRegistry;
import io.cassmon.exporter.http.HttpSecurity;
import io.cassmon.exporter.http.MetricsServer;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.RegistryCollector;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.cassmon.exporter.registry.MechanicalNaming;
import io.cassmon.exporter.registry.Family;
import io.cassmon.exporter.registry.RegistryIndex;
import io.cassmon.exporter.registry.TrackedMetric;
import io.cassmon.exporter.tls.TlsException;
import io.cassmon.agent.partitions.LargePartitionCollector;
import io.cassmon.agent.partitions.LargePartitions;
import io.cassmon.agent.partitions.WriterInstrumentation;
import io.prometheus.client.CollectorRegistry;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent thread: binds the HTTP endpoint, then follows each Dropwizard registry as it appears (Cassandra's once
 * Cassandra has finished starting). In Cassandra only {@code CassandraMetricsRegistry} is exported, named by the
 * catalog; in any other JVM every registry is, under mechanical names.
 */
final class AgentRuntime implements Runnable {
    static final String CASSANDRA_REGISTRY = "org.apache.cassandra.metrics.CassandraMetricsRegistry";
    /** A family every exported table has, listing the tables. */
    static final String TABLE_FAMILY = "cassandra_table_live_sstables";
    /** The longest Cassandra's registry waits for Cassandra to finish starting before it is followed anyway. */
    static final long STARTUP_WAIT_MILLIS = 10 * 60 * 1000L;
    /** How long after its setup a node that never starts its native transport waits to be followed. */
    static final long NATIVE_TRANSPORT_GRACE_MILLIS = 10_000L;

    private final ExporterConfig config;
    private final Instrumentation instrumentation;
    private final List<RegistryIndex> cassandra = new CopyOnWriteArrayList<>();
    private final List<RegistryIndex> others = new CopyOnWriteArrayList<>();
    private volatile Topology topology;

    AgentRuntime(ExporterConfig config, Instrumentation instrumentation) {
        this.config = config;
        this.instrumentation = instrumentation;
    }

    @Override
    public void run() {
        try {
            topology = NodeCollectors.topology();
            CollectorRegistry prometheus = new SourceRegistry();
            ScrapeErrors errors = new ScrapeErrors();
            RegistryCollector registries = new RegistryCollector(() -> cassandra.isEmpty() ? others : cassandra,
                    config.metrics().buckets(), errors, config.metrics().reuseUnchangedSeries());
            prometheus.register(new LargePartitionCollector(this::exportedTables));
            LargePartitions.threshold(config.metrics().largePartitionThreshold());
            NodeCollectors.register(prometheus, topology, errors);
            Exposition exposition = new Exposition(Collections.<SampleSource>singletonList(registries), prometheus,
                    config.metrics().topologyLabels() ? new TopologyLabels(topology) : CommonLabels.NONE);
            MetricsServer server;
            HttpSecurity security = config.security();
            try {
                server = MetricsServer.start(config.host(), config.port(), exposition, Collections.singletonMap(
                        MetricsServer.DISCOVERY_PATH, new DiscoveryHandler(new DiscoveryTargets(topology, config.port()))),
                        security);
            } catch (IOException e) {
                Log.error("cassmon agent disabled, the JVM continues without it: cannot listen on "
                        + config.host() + ":" + config.port() + ": " + e.getMessage()
                        + " (choose another port with -javaagent:cassmon-agent.jar=[host:]port)");
                return;
            } catch (TlsException e) {
                // The files were checked at startup; they changed (or vanished) since.
                Log.error("cassmon agent disabled, the JVM continues without it: " + e.getMessage());
                return;
            }
            Log.info("cassmon agent " + version() + " serving " + security.scheme() + "://" + config.host() + ":"
                    + server.port() + MetricsServer.METRICS_PATH + " (" + security
                    + (server.certificate() == null ? "" : "; certificate " + server.certificate()) + ")");
            if (security.users() != null && security.tls() == null) {
                Log.warn("cassmon: basic auth over plain HTTP sends passwords readable on the network; configure"
                        + " http.tls too");
            }
            followRegistries();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            Log.error("cassmon agent stopped by an internal error, the JVM continues without it", t);
        }
    }

    private void followRegistries() throws InterruptedException {
        while (true) {
            Object found = RegistryCapture.next();
            if (!(found instanceof MetricRegistry)) {
                continue;
            }
            try {
                follow((MetricRegistry) found);
            } catch (RuntimeException | LinkageError e) {
                Log.error("cassmon: cannot follow the Dropwizard registry " + found.getClass().getName()
                        + "; its metrics are not exported, the others are", e);
            }
        }
    }

    private void follow(MetricRegistry registry) throws InterruptedException {
        boolean isCassandra = CASSANDRA_REGISTRY.equals(registry.getClass().getName());
        if (isCassandra && cassandra.isEmpty()) {
            awaitCassandraStarted();
        }
        RegistryIndex index = new RegistryIndex(isCassandra ? new CassandraNaming(config.metrics()) : new MechanicalNaming());
        index.follow(registry);
        (isCassandra ? cassandra : others).add(index);
        if (isCassandra && cassandra.size() == 1) {
            WriterInstrumentation.install(instrumentation, registry.getClass().getClassLoader());
        }
        Log.info("cassmon: following " + (isCassandra ? "Cassandra's metric registry" : "Dropwizard registry "
                + registry.getClass().getName()) + " (" + index.exportedMetrics() + " metrics so far)");
    }

    /**
     * Cassandra's registry is followed, and the large-partition advice installed, once Cassandra has finished
     * starting. During startup, naming each metric as Cassandra registered it ran on Cassandra's main thread (~0.6 s
     * at 1,000 tables), and Byte Buddy's AgentBuilder cost ~0.5 s of CPU plus ~2 s of JIT compilation: all of it
     * competed with Cassandra's startup for the cores and delayed a 2-core node's startup by seconds
     * (docs/performance.md, Startup delay). Following later loses nothing: the registry replays every metric it holds
     * to a new listener. Partitions written while Cassandra starts (commit log replay) are not counted. Where
     * readiness cannot be seen (MBean registration disabled), the wait ends after {@link #STARTUP_WAIT_MILLIS}.
     *
     * <p>"Finished starting" is the native transport running, the last step before "Startup complete": following
     * Cassandra's registry names every metric at once (~2 s of CPU at 1,000 tables), which must not overlap the end
     * of startup. A node that never serves clients (native transport disabled) is followed
     * {@link #NATIVE_TRANSPORT_GRACE_MILLIS} after its setup has completed.
     */
    private void awaitCassandraStarted() throws InterruptedException {
        long now = System.currentTimeMillis();
        long deadline = now + STARTUP_WAIT_MILLIS;
        long setupCompleted = 0;
        while (now < deadline && !ask(topology::servingClients)) {
            if (setupCompleted == 0 && ask(topology::cassandraStarted)) {
                setupCompleted = now;
            } else if (setupCompleted != 0 && now - setupCompleted >= NATIVE_TRANSPORT_GRACE_MILLIS) {
                return;
            }
            Thread.sleep(250);
            now = System.currentTimeMillis();
        }
    }

    /** A question to Cassandra that may fail while it starts: asked again on the next round. */
    private static boolean ask(Callable<Boolean> question) {
        try {
            return question.call();
        } catch (Exception e) {
            return false;
        }
    }

    /** [keyspace, table] of every table whose metrics are exported. */
    private Collection<List<String>> exportedTables() {
        List<List<String>> tables = new ArrayList<>();
        for (RegistryIndex index : cassandra) {
            Family family = index.family(TABLE_FAMILY);
            if (family != null) {
                for (TrackedMetric series : family.series()) {
                    tables.add(series.id().labelValues());
                }
            }
        }
        return tables;
    }

    private static String version() {
        String version = AgentRuntime.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
