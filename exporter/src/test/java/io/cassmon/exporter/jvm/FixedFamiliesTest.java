package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedFamiliesTest {
    @Test
    void theDelegateIsCollectedOnceAndItsFamiliesHandedOutEveryTime() {
        Counting delegate = new Counting();
        FixedFamilies fixed = new FixedFamilies(delegate);

        List<Collector.MetricFamilySamples> first = fixed.collect();
        assertSame(first, fixed.collect());
        assertEquals(1, delegate.collections);
        assertEquals("Counting", GuardedCollector.nameOf(fixed));
    }

    @Test
    void aFailedCollectionIsTriedAgainNextTime() {
        Counting delegate = new Counting();
        delegate.broken = true;
        FixedFamilies fixed = new FixedFamilies(delegate);

        assertThrows(IllegalStateException.class, fixed::collect);
        delegate.broken = false;
        assertEquals("jvm_info", fixed.collect().get(0).name);
        assertEquals(2, delegate.collections);
    }

    private static final class Counting extends Collector {
        int collections;
        boolean broken;

        @Override
        public List<MetricFamilySamples> collect() {
            collections++;
            if (broken) {
                throw new IllegalStateException("not yet");
            }
            return List.of(new GaugeMetricFamily("jvm_info", "JVM version info.", 1));
        }
    }
}
