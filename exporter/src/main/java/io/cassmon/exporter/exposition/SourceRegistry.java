package io.cassmon.exporter.exposition;

import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simpleclient registry that {@link Exposition} writes collector by collector, in the order they were registered:
 * a collector that is also a {@link SampleSource} writes its samples straight into the text, the others give their
 * {@code MetricFamilySamples}. simpleclient's own enumeration copies its collectors into a hash set on every scrape
 * and can only hand out families.
 */
public final class SourceRegistry extends CollectorRegistry {
    private final List<Collector> collectors = new CopyOnWriteArrayList<>();

    @Override
    public void register(Collector collector) {
        super.register(collector);
        collectors.add(collector);
    }

    @Override
    public void unregister(Collector collector) {
        super.unregister(collector);
        collectors.remove(collector);
    }

    @Override
    public void clear() {
        super.clear();
        collectors.clear();
    }

    /** The registered collectors, in registration order. */
    List<Collector> collectors() {
        return collectors;
    }
}
