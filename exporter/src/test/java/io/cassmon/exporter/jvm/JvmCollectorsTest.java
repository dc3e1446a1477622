package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JvmCollectorsTest {
    @Test
    void exportsThreadCountsButNotTheDeadlockCountsThatStopTheJvm() {
        CollectorRegistry registry = new CollectorRegistry();
        JvmCollectors.register(registry, new ScrapeErrors());
        Set<String> families = new TreeSet<>();
        for (MetricFamilySamples family : java.util.Collections.list(registry.metricFamilySamples())) {
            families.add(family.name);
        }
        assertTrue(families.contains("jvm_threads_current"), families::toString);
        assertTrue(families.contains("jvm_threads_state"), families::toString);
        assertTrue(families.contains("jvm_memory_bytes_used"), families::toString);
        assertFalse(families.contains("jvm_threads_deadlocked"), families::toString);
        assertFalse(families.contains("jvm_threads_deadlocked_monitor"), families::toString);
    }
}
