package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import javax.management.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GcDurationsTest {
    private final GcDurations durations = new GcDurations();

    @Test
    void pausesAndConcurrentCyclesGoToSeparateHistograms() throws Exception {
        durations.record("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", 3);
        durations.record("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", 250);
        durations.record("ZGC Cycles", "end of GC cycle", "Allocation Rate", 1200);

        assertEquals(String.join("\n",
                "# HELP jvm_gc_pause_seconds Stop-the-world garbage collection pauses, by collector and cause (millisecond resolution).",
                "# TYPE jvm_gc_pause_seconds histogram",
                pause("0.005", 1), pause("0.01", 1), pause("0.025", 1), pause("0.05", 1), pause("0.1", 1),
                pause("0.2", 1), pause("0.5", 2), pause("1.0", 2), pause("2.0", 2), pause("5.0", 2), pause("10.0", 2),
                pause("+Inf", 2),
                "jvm_gc_pause_seconds_count{gc=\"G1 Young Generation\",cause=\"G1 Evacuation Pause\",} 2.0",
                "jvm_gc_pause_seconds_sum{gc=\"G1 Young Generation\",cause=\"G1 Evacuation Pause\",} 0.253",
                "# HELP jvm_gc_concurrent_cycle_seconds Cycles of concurrent collectors (CMS, ZGC, Shenandoah), wall-clock"
                        + " time while the application mostly ran; their pauses are in jvm_gc_pause_seconds.",
                "# TYPE jvm_gc_concurrent_cycle_seconds histogram",
                cycle("0.01", 0), cycle("0.05", 0), cycle("0.1", 0), cycle("0.25", 0), cycle("0.5", 0), cycle("1.0", 0),
                cycle("2.5", 1), cycle("5.0", 1), cycle("10.0", 1), cycle("30.0", 1), cycle("60.0", 1), cycle("120.0", 1),
                cycle("+Inf", 1),
                "jvm_gc_concurrent_cycle_seconds_count{gc=\"ZGC Cycles\",} 1.0",
                "jvm_gc_concurrent_cycle_seconds_sum{gc=\"ZGC Cycles\",} 1.2",
                ""), render());
    }

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesDirectlyWhatSimpleclientWritesForItsSamples(ExpositionFormat format) {
        durations.record("G1 Young Generation", "end of minor GC", "G1 Evacuation Pause", 3);
        durations.record("G1 Old Generation", "end of major GC", "System.gc()", 120);
        durations.record("ZGC Cycles", "end of GC cycle", "Allocation Rate", 1200);

        String direct = Expositions.direct(durations, format, Expositions.TOPOLOGY);
        assertEquals(Expositions.simpleclient(durations, format, Expositions.TOPOLOGY), direct);
        assertTrue(direct.contains("jvm_gc_pause_seconds_bucket{gc=\"G1 Old Generation\",cause=\"System.gc()\","
                + "le=\"0.2\""), direct);
    }

    @Test
    void nothingIsExportedBeforeTheFirstCollection() throws Exception {
        assertEquals("", render());
    }

    @Test
    void aBadNotificationNeverReachesTheNotificationThreadAndIsLoggedOnce() {
        List<String> logged = new ArrayList<>();
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> logged.add(level + " " + message));
        Notification garbage = new Notification("com.sun.management.gc.notification", this, 1);
        garbage.setUserData("not composite data");

        durations.handleNotification(garbage, null);
        durations.handleNotification(garbage, null);

        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).startsWith("WARN cassmon: cannot record a garbage collection,"
                + " java.lang.ClassCastException: "), logged.get(0));
        assertTrue(logged.get(0).endsWith(" (logged once; GC histograms may miss collections)"), logged.get(0));
    }

    @Test
    void listensToTheJvmsRealCollections() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        GcDurations.listen().register(registry);
        System.gc();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (explicitCollections(registry) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1.0, explicitCollections(registry), 0.0);
    }

    /** Pauses caused by System.gc(), whichever collector this JVM runs. */
    private static double explicitCollections(CollectorRegistry registry) {
        double count = 0;
        for (Enumeration<MetricFamilySamples> e = registry.metricFamilySamples(); e.hasMoreElements(); ) {
            for (MetricFamilySamples.Sample sample : e.nextElement().samples) {
                if (sample.name.equals("jvm_gc_pause_seconds_count") && sample.labelValues.contains("System.gc()")) {
                    count += sample.value;
                }
            }
        }
        return count;
    }

    @Test
    void writesNothingDirectlyBeforeTheFirstCollection() {
        assertEquals("", Expositions.direct(durations, ExpositionFormat.TEXT_004));
    }

    private String render() throws Exception {
        CollectorRegistry registry = new CollectorRegistry();
        registry.register(durations);
        StringWriter out = new StringWriter();
        TextFormat.write004(out, registry.metricFamilySamples());
        return out.toString();
    }

    private static String pause(String le, int count) {
        return "jvm_gc_pause_seconds_bucket{gc=\"G1 Young Generation\",cause=\"G1 Evacuation Pause\",le=\"" + le + "\",} "
                + count + ".0";
    }

    private static String cycle(String le, int count) {
        return "jvm_gc_concurrent_cycle_seconds_bucket{gc=\"ZGC Cycles\",le=\"" + le + "\",} " + count + ".0";
    }
}
