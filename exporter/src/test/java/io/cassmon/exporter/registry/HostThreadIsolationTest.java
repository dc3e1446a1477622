package io.cassmon.exporter.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The listener callbacks run on the thread that registers or removes a metric: in Cassandra, CREATE TABLE's and
 * DROP TABLE's. Whatever the agent throws there stays with the agent (one log line), except the JVM's own errors.
 */
class HostThreadIsolationTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final List<String> logged = new ArrayList<>();
    /** Thrown by the naming (when a metric is added) or by its label values' hashCode (when one is removed). */
    private Throwable failure;
    private boolean failOnRemoval;

    @BeforeEach
    void followRegistry() {
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> logged.add(level + " " + message));
        RegistryIndex index = new RegistryIndex((name, kind) -> {
            if (name.startsWith("bad") && !failOnRemoval) {
                throw unchecked(failure);
            }
            return new MetricId(name.replace('.', '_'), "help", List.of("l"), new LabelValues(name), Rendering.of(Shape.GAUGE));
        });
        index.follow(registry);
    }

    static Stream<Throwable> absorbed() {
        return Stream.of(new IllegalStateException("naming bug"), new NoClassDefFoundError("io/cassmon/Missing"),
                new AssertionError("Cassandra runs with -ea"), new StackOverflowError());
    }

    static Stream<Throwable> fatal() {
        return Stream.of(new OutOfMemoryError("Java heap space"), new InternalError("a fault in the JVM"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absorbed")
    void aFailureWhileAddingNeverReachesTheRegisteringThread(Throwable thrown) {
        failure = thrown;
        registry.counter("bad.metric");
        registry.counter("good.metric");

        assertTrue(registry.getMetrics().containsKey("bad.metric"), "Cassandra's registration went through");
        assertEquals(List.of("ERROR cassmon: cannot export Dropwizard metric bad.metric: " + thrown), logged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absorbed")
    void aFailureWhileRemovingNeverReachesTheRemovingThread(Throwable thrown) {
        failOnRemoval = true;
        registry.counter("bad.metric");
        failure = thrown;

        assertTrue(registry.remove("bad.metric"), "Cassandra's removal went through");
        assertEquals(List.of("ERROR cassmon: cannot stop exporting Dropwizard metric bad.metric: " + thrown), logged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatal")
    void theJvmsOwnErrorsReachTheRegisteringThreadAsWithoutTheAgent(Throwable thrown) {
        failure = thrown;
        assertSame(thrown, assertThrows(Throwable.class, () -> registry.counter("bad.metric")));
        assertEquals(List.of(), logged);
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof Error) {
            throw (Error) t;
        }
        throw (RuntimeException) t;
    }

    /** One label value; its hashCode throws {@code failure} once removal is to fail (Family keys series by it). */
    private final class LabelValues extends ArrayList<String> {
        LabelValues(String value) {
            add(value);
        }

        @Override
        public int hashCode() {
            if (failOnRemoval && failure != null) {
                throw unchecked(failure);
            }
            return super.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return super.equals(other);
        }
    }
}
