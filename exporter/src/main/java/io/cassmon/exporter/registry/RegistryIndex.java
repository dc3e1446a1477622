package io.cassmon.exporter.registry;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricRegistryListener;
import com.codahale.metrics.Timer;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.log.Log;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows one Dropwizard registry as a listener: every metric added is named once and filed under its
 * family; every metric removed (a dropped table) leaves at once. Callbacks run on the host's threads (Cassandra's
 * {@code MetricRegistry.register} and {@code remove}, e.g. in CREATE and DROP TABLE), so they are cheap and throw
 * nothing but {@link Fatal} errors: a failure is logged and that metric is not (or no longer) exported.
 */
public final class RegistryIndex implements MetricRegistryListener {
    private final MetricNaming naming;
    private final ConcurrentMap<String, TrackedMetric> byName = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Family> families = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> filtered = new ConcurrentHashMap<>();
    private final AtomicInteger conflicting = new AtomicInteger();
    private volatile Map<String, Metric> registryMetrics = new ConcurrentHashMap<>();

    public RegistryIndex(MetricNaming naming) {
        this.naming = naming;
    }

    /** Starts following {@code registry}; Dropwizard replays the metrics it already has. */
    public void follow(MetricRegistry registry) {
        registryMetrics = registry.getMetrics();
        registry.addListener(this);
        // A metric removed while addListener replayed the map may have been re-added by the replay.
        for (String name : byName.keySet()) {
            if (!registry.getMetrics().containsKey(name)) {
                removed(name);
            }
        }
    }

    public Collection<Family> families() {
        return families.values();
    }

    /** The family of that name, or null. */
    public Family family(String name) {
        return families.get(name);
    }

    /** Metrics of the registry this index exports. */
    public int exportedMetrics() {
        return byName.size();
    }

    /** Metrics the naming chose not to export (not in the catalog, below the detail level, filtered). */
    public int filteredMetrics() {
        return filtered.size();
    }

    /** Metrics not exported because their series would collide with another's (logged). */
    public int conflictingMetrics() {
        return conflicting.get();
    }

    /** Any metric of the followed registry, exported or not (e.g. the counter holding a histogram's sum). */
    public Metric lookup(String dropwizardName) {
        return registryMetrics.get(dropwizardName);
    }

    void added(String name, Metric metric) {
        try {
            add(name, metric);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            Log.error("cassmon: cannot export Dropwizard metric " + name + ": " + t);
        }
    }

    void removed(String name) {
        try {
            remove(name);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            Log.error("cassmon: cannot stop exporting Dropwizard metric " + name + ": " + t);
        }
    }

    private void add(String name, Metric metric) {
        MetricKind kind = MetricKind.of(metric);
        if (kind == null) {
            skip(name, "its type " + metric.getClass().getName() + " is not a Dropwizard gauge, counter, meter, timer or histogram");
            return;
        }
        MetricId id = naming.name(name, kind);
        if (id == null) {
            filtered.put(name, Boolean.TRUE);
            return;
        }
        TrackedMetric tracked = new TrackedMetric(name, metric, kind, id);
        TrackedMetric previous = byName.get(name);
        if (previous != null) {
            remove(name);
        }
        String[] conflict = new String[1];
        families.compute(id.family(), (family, existing) -> {
            Family target = existing == null ? new Family(tracked) : existing;
            conflict[0] = target.conflictWith(tracked);
            if (conflict[0] == null) {
                target.put(tracked);
                byName.put(name, tracked);
            }
            return target.isEmpty() ? null : target;
        });
        if (conflict[0] != null) {
            skip(name, conflict[0]);
        }
    }

    private void remove(String name) {
        filtered.remove(name);
        TrackedMetric tracked = byName.remove(name);
        if (tracked == null) {
            return;
        }
        families.computeIfPresent(tracked.id().family(), (family, existing) -> {
            existing.remove(tracked);
            return existing.isEmpty() ? null : existing;
        });
    }

    private void skip(String name, String reason) {
        conflicting.incrementAndGet();
        Log.warn("cassmon: not exporting Dropwizard metric " + name + ": " + reason);
    }

    @Override
    public void onGaugeAdded(String name, Gauge<?> gauge) {
        added(name, gauge);
    }

    @Override
    public void onGaugeRemoved(String name) {
        removed(name);
    }

    @Override
    public void onCounterAdded(String name, Counter counter) {
        added(name, counter);
    }

    @Override
    public void onCounterRemoved(String name) {
        removed(name);
    }

    @Override
    public void onHistogramAdded(String name, Histogram histogram) {
        added(name, histogram);
    }

    @Override
    public void onHistogramRemoved(String name) {
        removed(name);
    }

    @Override
    public void onMeterAdded(String name, Meter meter) {
        added(name, meter);
    }

    @Override
    public void onMeterRemoved(String name) {
        removed(name);
    }

    @Override
    public void onTimerAdded(String name, Timer timer) {
        added(name, timer);
    }

    @Override
    public void onTimerRemoved(String name) {
        removed(name);
    }

    /** For tests: the tracked metrics by Dropwizard name. */
    Map<String, TrackedMetric> tracked() {
        return byName;
    }
}
