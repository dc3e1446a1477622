package io.cassmon.exporter.jvm;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.cassmon.exporter.exposition.DirectCollector;
import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.log.Log;
import io.prometheus.client.Collector;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * {@code jvm_gc_pause_seconds} and {@code jvm_gc_concurrent_cycle_seconds}, from the JVM's own garbage collection
 * notifications. cassmon registers its own listener: Cassandra's GCInspector keeps its statistics behind the
 * destructive {@code getAndResetStats()} that {@code nodetool gcstats} also calls, so it is never read.
 *
 * <p>The listener runs on the JVM's notification thread for every collection: it records two numbers and never throws.
 */
public final class GcDurations extends DirectCollector implements Collector.Describable, NotificationListener {
    /** Resolves Cassandra's own thresholds: gc_log_threshold 200 ms (INFO), gc_warn_threshold 1 s (WARN). */
    static final double[] PAUSE_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};
    /** Concurrent cycles run for tens of milliseconds to minutes. */
    static final double[] CYCLE_BUCKETS = {0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};

    private final DurationHistogram pauses = new DurationHistogram("jvm_gc_pause_seconds",
            "Stop-the-world garbage collection pauses, by collector and cause (millisecond resolution).",
            PAUSE_BUCKETS, "gc", "cause");
    private final DurationHistogram cycles = new DurationHistogram("jvm_gc_concurrent_cycle_seconds",
            "Cycles of concurrent collectors (CMS, ZGC, Shenandoah), wall-clock time while the application mostly ran;"
                    + " their pauses are in jvm_gc_pause_seconds.",
            CYCLE_BUCKETS, "gc");
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    GcDurations() {
    }

    /** Listens to every garbage collector of this JVM. */
    public static GcDurations listen() {
        GcDurations durations = new GcDurations();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter) {
                ((NotificationEmitter) collector).addNotificationListener(durations, null, null);
            }
        }
        return durations;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            record(info.getGcName(), info.getGcAction(), info.getGcCause(), info.getGcInfo().getDuration());
        } catch (Throwable t) {
            // Nothing of the agent's may reach the JVM's notification thread; one line, then silence.
            Fatal.rethrowIfFatal(t);
            if (failureLogged.compareAndSet(false, true)) {
                Log.warn("cassmon: cannot record a garbage collection, " + t
                        + " (logged once; GC histograms may miss collections)");
            }
        }
    }

    void record(String gc, String action, String cause, long durationMillis) {
        double seconds = durationMillis / 1000.0;
        if (GcKind.of(gc, action) == GcKind.CONCURRENT_CYCLE) {
            cycles.observe(seconds, gc);
        } else {
            pauses.observe(seconds, gc, cause == null ? "" : cause);
        }
    }

    /** A family is left out until it has a series: most JVMs never see a concurrent cycle. */
    @Override
    public void writeTo(SampleSink sink) {
        pauses.writeTo(sink);
        cycles.writeTo(sink);
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Arrays.asList(pauses.describe(), cycles.describe());
    }
}
