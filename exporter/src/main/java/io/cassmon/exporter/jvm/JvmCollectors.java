package io.cassmon.exporter.jvm;

import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.VersionInfoExports;

/**
 * The JVM and process families: simpleclient_hotspot's standard set ({@code process_*}, {@code jvm_memory_*},
 * {@code jvm_buffer_pool_*}, {@code jvm_threads_*} but the deadlock counts ({@link ThreadCounts}),
 * {@code jvm_classes_*}, {@code jvm_gc_collection_seconds}, {@code jvm_info}) plus cassmon's GC pause and cycle
 * histograms and the host's CPU ({@code system_cpu_*}). Everything here reads platform MXBeans and {@code /proc}
 * only and works in any JVM. On Linux the {@code process_*} families come from {@link ProcessExports}, which writes
 * what StandardExports would.
 */
public final class JvmCollectors {
    private JvmCollectors() {
    }

    /**
     * Registers every JVM collector; one that cannot be set up is left out with one WARN line, one that throws when
     * scraped is left out of that scrape and reported to {@code errors}. hotspot's MemoryAllocationExports is left
     * out: it adds a second GC listener and a {@code _created} series for an allocation rate few dashboards use.
     */
    public static void register(CollectorRegistry registry, ScrapeErrors errors) {
        Collector[] hotspot = {process(), new MemoryPoolsExports(), new BufferPoolsExports(),
                new GarbageCollectorExports(), new ThreadCounts(), new ClassLoadingExports(),
                new FixedFamilies(new VersionInfoExports()),
                new SystemCpuExports()};
        for (Collector collector : hotspot) {
            try {
                registry.register(new GuardedCollector(collector, errors));
            } catch (RuntimeException | LinkageError e) {
                Log.warn("cassmon: not exporting " + GuardedCollector.nameOf(collector) + ": " + e);
            }
        }
        try {
            GcDurations.listen().register(registry);
        } catch (RuntimeException | LinkageError e) {
            Log.warn("cassmon: not exporting GC pause histograms: " + e);
        }
    }

    private static Collector process() {
        return ProcessExports.supported() ? ProcessExports.create() : new StandardExports();
    }
}
