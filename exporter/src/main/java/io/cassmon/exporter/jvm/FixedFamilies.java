package io.cassmon.exporter.jvm;

import io.prometheus.client.Collector;
import java.util.List;

/**
 * A collector whose families never change in a JVM's life ({@code jvm_info}): collected once, then the same families
 * are handed out on every scrape.
 */
final class FixedFamilies extends Collector {
    private final Collector delegate;
    private volatile List<MetricFamilySamples> families;

    FixedFamilies(Collector delegate) {
        this.delegate = delegate;
    }

    /** The delegate's class name, for error messages. */
    String name() {
        return delegate.getClass().getSimpleName();
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> known = families;
        if (known == null) {
            known = delegate.collect();
            families = known;
        }
        return known;
    }
}
