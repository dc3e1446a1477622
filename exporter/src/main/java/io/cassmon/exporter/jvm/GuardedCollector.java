package io.cassmon.exporter.jvm;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.SampleSource;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wraps a collector so that, when it throws, its families are left out of that scrape and the failure goes to
 * {@link ScrapeErrors} (counted, logged once) instead of failing the whole scrape. A delegate that is a
 * {@link SampleSource} writes directly; it must throw before a family's first sample or not at all (read first, then
 * write), so that what it wrote before it threw is whole families.
 */
final class GuardedCollector extends Collector implements Collector.Describable, SampleSource {
    private final Collector delegate;
    private final String name;
    private final ScrapeErrors errors;
    private final List<MetricFamilySamples> described;

    /** Declares the delegate's families (by collecting once, as CollectorRegistry would) so collisions are caught. */
    GuardedCollector(Collector delegate, ScrapeErrors errors) {
        this.delegate = delegate;
        this.name = nameOf(delegate);
        this.errors = errors;
        List<MetricFamilySamples> families = new ArrayList<>();
        for (MetricFamilySamples family : delegate instanceof Describable
                ? ((Describable) delegate).describe() : delegate.collect()) {
            families.add(new MetricFamilySamples(family.name, family.type, family.help,
                    Collections.<MetricFamilySamples.Sample>emptyList()));
        }
        this.described = families;
    }

    /** The collector's class, or the class of the one a {@link FixedFamilies} holds: what messages call it. */
    static String nameOf(Collector collector) {
        return collector instanceof FixedFamilies ? ((FixedFamilies) collector).name()
                : collector.getClass().getSimpleName();
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
    public void writeTo(SampleSink sink) {
        if (!(delegate instanceof SampleSource)) {
            for (MetricFamilySamples family : collect()) {
                sink.family(family);
            }
            return;
        }
        try {
            ((SampleSource) delegate).writeTo(sink);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            errors.failed(name, t);
        }
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return described;
    }
}
