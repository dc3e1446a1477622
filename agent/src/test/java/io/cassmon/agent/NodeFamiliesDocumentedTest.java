package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cassmon.agent.node.NodeCollectors;
import io.cassmon.agent.partitions.LargePartitionCollector;
import io.cassmon.exporter.cassandra.MetricsReference;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/metrics.md lists exactly the families the agent's own collectors declare (hotspot's standard set aside). */
class NodeFamiliesDocumentedTest {
    @Test
    void everyAgentFamilyIsDocumentedAndNothingElse() {
        List<Collector> collectors = new ArrayList<>();
        CollectorRegistry registry = new CollectorRegistry() {
            @Override
            public void register(Collector collector) {
                collectors.add(collector);
                super.register(collector);
            }
        };
        NodeCollectors.register(registry, new ScrapeErrors());
        registry.register(new LargePartitionCollector(Collections::emptyList));

        Set<String> declared = new TreeSet<>();
        for (Collector collector : collectors) {
            List<Collector.MetricFamilySamples> families = collector instanceof Collector.Describable
                    ? ((Collector.Describable) collector).describe() : collector.collect();
            for (Collector.MetricFamilySamples family : families) {
                declared.add(family.type == Collector.Type.COUNTER ? family.name + "_total" : family.name);
            }
        }
        declared.removeIf(name -> !name.startsWith("cassandra_") && !name.startsWith("system_")
                && !name.equals("jvm_gc_pause_seconds") && !name.equals("jvm_gc_concurrent_cycle_seconds"));
        Set<String> documented = new TreeSet<>();
        for (String[] family : MetricsReference.NODE_FAMILIES) {
            documented.add(family[0]);
        }
        assertEquals(documented, declared);
    }
}
