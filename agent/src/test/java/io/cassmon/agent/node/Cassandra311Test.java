package io.cassmon.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.Collector.MetricFamilySamples.Sample;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.apache.cassandra.config.DatabaseDescriptor;
import org.apache.cassandra.gms.EndpointState;
import org.apache.cassandra.gms.Gossiper;
import org.apache.cassandra.service.StorageService;
import org.apache.cassandra.service.StorageServiceProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cassandra collectors against a stand-in shaped like Cassandra 3.11 (org.apache.cassandra in the test sources:
 * InetAddress endpoints, no getBroadcastAddressAndPort, a java.io.File hints directory), which no test here can run
 * for real. One test, in order: StorageService's initialisation is a one-way event per JVM.
 */
class Cassandra311Test {
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final ScrapeErrors errors = new ScrapeErrors();
    private final CassandraReadiness readiness = new CassandraReadiness(server);
    private final Topology topology = new Topology(readiness);
    private final NodeInfoCollector nodeInfo = new NodeInfoCollector(topology, errors);
    private final PeerCollector peers = new PeerCollector(topology, errors);
    private final DiskCollector disks = new DiskCollector(readiness, errors);

    @Test
    void silentUntilCassandraHasStartedThenReadsIdentityPeersAndDirectories(@TempDir Path storage) throws Exception {
        DatabaseDescriptor.fakeStorage = storage.toString();
        assertTrue(storage.resolve("commitlog").toFile().mkdir());
        scrapeEverything(); // no MBean yet: nothing, and StorageService is left alone
        assertEquals(List.of(), scrapeEverything());
        assertFalse(StorageServiceProbe.initialised, "the agent must never be the first to initialise StorageService");

        // What StorageService's constructor does while Cassandra initialises it.
        server.registerMBean(StorageService.instance, new ObjectName("org.apache.cassandra.db:type=StorageService"));
        assertEquals(List.of(), scrapeEverything(), "registered, but CassandraDaemon.setup() has not finished");
        assertNull(topology.local());
        assertNull(topology.peers());

        StorageServiceProbe.hostId = "6f1b0000-0000-4000-8000-000000000001";
        Gossiper gossiper = Gossiper.instance;
        InetAddress local = InetAddress.getByName("127.0.0.1");
        InetAddress up = InetAddress.getByName("127.0.0.2");
        InetAddress down = InetAddress.getByName("127.0.0.3");
        InetAddress left = InetAddress.getByName("127.0.0.4");
        gossiper.fakeStates.put(local, new EndpointState("NORMAL,1", "DC1", "RAC1", StorageServiceProbe.hostId));
        gossiper.fakeStates.put(up, new EndpointState("NORMAL,2", "DC2", "RAC1", "6f1b0000-0000-4000-8000-000000000002"));
        gossiper.fakeStates.put(down, new EndpointState("shutdown,true", "DC2", "RAC2", "6f1b0000-0000-4000-8000-000000000003"));
        gossiper.fakeStates.put(left, new EndpointState("LEFT,3,1700000000000", "DC1", "RAC1", "6f1b0000-0000-4000-8000-000000000004"));
        gossiper.fakeLive.add(local);
        gossiper.fakeLive.add(up);
        gossiper.fakeUnreachable.add(down);
        gossiper.fakeUnreachable.add(left);
        StorageServiceProbe.setupCompleted = true;

        assertEquals(List.of(
                "cassandra_node_info{cassandra_cluster=Test Cluster, cassandra_datacenter=DC1, cassandra_rack=RAC1,"
                        + " host_id=6f1b0000-0000-4000-8000-000000000001, release_version=3.11.19} 1.0"),
                render(nodeInfo));
        assertEquals(List.of(
                "cassandra_peer_up{peer=127.0.0.2, peer_datacenter=DC2, peer_rack=RAC1,"
                        + " host_id=6f1b0000-0000-4000-8000-000000000002} 1.0",
                "cassandra_peer_up{peer=127.0.0.3, peer_datacenter=DC2, peer_rack=RAC2,"
                        + " host_id=6f1b0000-0000-4000-8000-000000000003} 0.0"),
                sorted(render(peers)));
        // Only the commit log directory exists; the others are left out until Cassandra creates them.
        String commitlog = storage.resolve("commitlog").toString();
        List<String> disk = render(disks);
        assertEquals(2, disk.size(), disk.toString());
        assertTrue(disk.get(0).startsWith("cassandra_disk_total_bytes{role=commitlog, path=" + commitlog + "} "), disk.toString());
        assertTrue(disk.get(1).startsWith("cassandra_disk_usable_bytes{role=commitlog, path=" + commitlog + "} "), disk.toString());

        assertEquals("127.0.0.1", topology.local().address());
        for (ExpositionFormat format : ExpositionFormat.values()) {
            for (CassandraCollector collector : List.of(nodeInfo, peers, disks)) {
                // The disks' free space may move between the two reads.
                assertEquals(Expositions.simpleclient(collector, format, Expositions.TOPOLOGY).replaceAll(" \\S+\n", " n\n"),
                        Expositions.direct(collector, format, Expositions.TOPOLOGY).replaceAll(" \\S+\n", " n\n"));
            }
        }

        gossiper.fakeUnreachable.remove(down); // removed from the ring: Gossiper.removeEndpoint
        assertEquals(1, render(peers).size());
        assertEquals(0, errors.total());
    }

    private List<String> scrapeEverything() {
        List<String> all = new ArrayList<>();
        for (Collector collector : List.of(nodeInfo, peers, disks)) {
            all.addAll(render(collector));
        }
        return all;
    }

    private static List<String> render(Collector collector) {
        List<String> lines = new ArrayList<>();
        for (MetricFamilySamples family : collector.collect()) {
            for (Sample sample : family.samples) {
                StringBuilder line = new StringBuilder(sample.name).append('{');
                for (int i = 0; i < sample.labelNames.size(); i++) {
                    line.append(i == 0 ? "" : ", ").append(sample.labelNames.get(i)).append('=').append(sample.labelValues.get(i));
                }
                lines.add(line.append("} ").append(sample.value).toString());
            }
        }
        return lines;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }
}
