package io.cassmon.exporter.histogram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Timer;
import com.codahale.metrics.UniformReservoir;
import io.cassmon.exporter.log.Log;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.cassandra.metrics.DecayingEstimatedHistogramReservoir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReservoirBucketsTest {
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void log() {
        Log.useSink((level, message, cause) -> logged.add(message));
    }

    @Test
    void readsTheStripedBucketsOfATimerAsItsSnapshotDoes() {
        DecayingEstimatedHistogramReservoir reservoir = new DecayingEstimatedHistogramReservoir(127, false, 1000);
        Timer timer = new Timer(reservoir);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            timer.update(random.nextLong(1, 20_000_000_000L), TimeUnit.NANOSECONDS);
        }
        reservoir.overflow(5);

        long[] read = new long[ReservoirBuckets.MAX_VALUES];
        int length = ReservoirBuckets.of(timer).read(read);

        assertArrayEquals(timer.getSnapshot().getValues(), Arrays.copyOf(read, length));
        assertEquals(List.of(), logged, "read directly, without falling back to snapshots");
    }

    @Test
    void readsAHistogramAndReusesTheArray() {
        DecayingEstimatedHistogramReservoir reservoir = new DecayingEstimatedHistogramReservoir(164, true, 1);
        Histogram histogram = new Histogram(reservoir);
        histogram.update(0);
        histogram.update(1_000);
        long[] read = new long[ReservoirBuckets.MAX_VALUES];
        Arrays.fill(read, 99);
        ReservoirBuckets buckets = ReservoirBuckets.of(histogram);

        int length = buckets.read(read);

        assertArrayEquals(histogram.getSnapshot().getValues(), Arrays.copyOf(read, length));
        histogram.update(1_000);
        assertEquals(length, buckets.read(read));
        assertArrayEquals(histogram.getSnapshot().getValues(), Arrays.copyOf(read, length));
    }

    @Test
    void aHistogramWithoutCassandraBucketsFailsItsOwnSeriesOnly() {
        Histogram plain = new Histogram(new UniformReservoir());
        plain.update(3);
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ReservoirBuckets.of(plain).read(new long[ReservoirBuckets.MAX_VALUES]));
        assertEquals("its snapshot com.codahale.metrics.UniformSnapshot has no Cassandra buckets", error.getMessage());
    }
}
