package io.cassmon.exporter.jvm;

import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps a third-party collector so that, when it throws, its families are left out of that scrape and the failure
 * goes to {@link ScrapeErrors} (counted, logged once) instead of failing the whole scrape.
 */
final class GuardedCollector extends Collector implements Collector.Describable {
    private final Collector delegate;
    private final String name;
    private final ScrapeErrors errors;
    private final List<MetricFamilySamples> described;

    /** Declares the delegate's families (by collecting once, as CollectorRegistry would) so collisions are caught. */
    GuardedCollector(Collector delegate, ScrapeErrors errors) {
        this.delegate = delegate;
        this.name = delegate.getClass().getSimpleName();
        this.errors = errors;
        List<MetricFamilySamples> families = new ArrayList<>();
        for (MetricFamilySamples family : delegate instanceof Describable
                ? ((Describable) delegate).describe() : delegate.collect()) {
            families.add(new MetricFamilySamples(family.name, family.type, family.help,
                    Collections.<MetricFamilySamples.Sample>emptyList()));
        }
        this.described = families;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        try {
            return delegate.collect();
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            errors.failed(name, t);
            return Collections.emptyList();
        }
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return described;
    }
}
