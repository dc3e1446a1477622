package io.cassmon.agent.node;

import io.cassmon.exporter.exposition.CommonLabels;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.log.Log;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * For users without Prometheus target files ({@code metrics.topology_labels: true}): every exported series carries
 * this node's {@code cluster}, {@code dc} and {@code rack}, from Cassandra's own configuration. Until Cassandra has
 * finished starting they are not known and series go out without them.
 */
public final class TopologyLabels implements CommonLabels {
    static final List<String> LABELS = Collections.unmodifiableList(Arrays.asList("cluster", "dc", "rack"));

    private final Topology topology;
    private volatile List<String> known;

    public TopologyLabels(Topology topology) {
        this.topology = topology;
    }

    @Override
    public List<String> names() {
        return LABELS;
    }

    /** cluster, dc, rack; null while Cassandra is starting. A node's own topology does not change once known. */
    @Override
    public List<String> values() {
        List<String> values = known;
        if (values != null) {
            return values;
        }
        try {
            NodeIdentity local = topology.local();
            if (local == null) {
                return null;
            }
            values = Collections.unmodifiableList(Arrays.asList(local.cluster(), local.datacenter(), local.rack()));
            known = values;
            return values;
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            Log.debug("cassmon: topology labels not known yet: " + t);
            return null;
        }
    }
}
