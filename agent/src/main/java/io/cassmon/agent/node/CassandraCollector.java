package io.cassmon.agent.node;

import io.cassmon.exporter.guard.Fatal;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.Collector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A collector of state read from Cassandra by reflection. Exports nothing until {@link CassandraReadiness} says
 * Cassandra has finished starting (so never in a JVM without Cassandra); whatever reading throws leaves these families
 * out of that scrape and goes to {@link ScrapeErrors} (counted, logged once), never to Cassandra.
 */
abstract class CassandraCollector extends Collector implements Collector.Describable {
    private final CassandraReadiness readiness;
    private final ScrapeErrors errors;

    CassandraCollector(CassandraReadiness readiness, ScrapeErrors errors) {
        this.readiness = readiness;
        this.errors = errors;
    }

    /** Reads the families; called once Cassandra is ready, may throw. */
    abstract List<MetricFamilySamples> read(Cassandra cassandra) throws Exception;

    /** The families without samples, declared so the registry can reject a name that two collectors use. */
    @Override
    public abstract List<MetricFamilySamples> describe();

    @Override
    public final List<MetricFamilySamples> collect() {
        try {
            Cassandra cassandra = readiness.cassandra();
            List<MetricFamilySamples> families = new ArrayList<>();
            if (cassandra != null) {
                for (MetricFamilySamples family : read(cassandra)) {
                    if (!family.samples.isEmpty()) {
                        families.add(family);
                    }
                }
            }
            return families;
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            errors.failed(familyNames(), t);
            return Collections.emptyList();
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
