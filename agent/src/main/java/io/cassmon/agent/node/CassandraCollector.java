package io.cassmon.agent.node;

import io.cassmon.exporter.exposition.DirectCollector;
import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.List;

/**
 * A collector of state read from Cassandra by reflection. Exports nothing until {@link CassandraReadiness} says
 * Cassandra has finished starting (so never in a JVM without Cassandra); whatever reading throws leaves these families
 * out of that scrape and goes to {@link ScrapeErrors} (counted, logged once), never to Cassandra. It writes its samples
 * directly ({@link DirectCollector}).
 */
abstract class CassandraCollector extends DirectCollector implements Collector.Describable {
    private final CassandraReadiness readiness;
    private final ScrapeErrors errors;

    CassandraCollector(CassandraReadiness readiness, ScrapeErrors errors) {
        this.readiness = readiness;
        this.errors = errors;
    }

    /**
     * Reads, then writes the families; called once Cassandra is ready. It may throw while it reads, before it starts
     * its first family, and not after, so that a failure leaves nothing of these families in the scrape. A family that
     * gets no sample is left out.
     */
    abstract void write(Cassandra cassandra, SampleSink sink) throws Exception;

    /** The families without samples, declared so the registry can reject a name that two collectors use. */
    @Override
    public abstract List<MetricFamilySamples> describe();

    @Override
    public final void writeTo(SampleSink sink) {
        try {
            Cassandra cassandra = readiness.cassandra();
            if (cassandra != null) {
                write(cassandra, sink);
            }
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            errors.failed(familyNames(), t);
        }
    }

    private String familyNames() {
        List<String> names = new ArrayList<>();
        for (MetricFamilySamples family : describe()) {
            names.add(family.name);
        }
        return String.join(", ", names);
    }
}
