package io.cassmon.exporter.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FatalTest {
    static Stream<Arguments> throwables() {
        return Stream.of(
                Arguments.of(new IllegalStateException("Unable to compute when histogram overflowed"), false),
                Arguments.of(new NoClassDefFoundError("io/cassmon/Missing"), false),
                Arguments.of(new AssertionError("Cassandra runs with -ea"), false),
                Arguments.of(new StackOverflowError(), false),
                Arguments.of(new Exception("checked"), false),
                Arguments.of(new OutOfMemoryError("Java heap space"), true),
                Arguments.of(new InternalError("a fault in the JVM"), true),
                Arguments.of(new UnknownError(), true),
                Arguments.of(new ThreadDeath(), true));
    }

    @ParameterizedTest(name = "{0}: fatal {1}")
    @MethodSource("throwables")
    void onlyTheJvmsAndTheThreadsOwnErrorsAreFatal(Throwable t, boolean fatal) {
        assertEquals(fatal, Fatal.isFatal(t));
        if (fatal) {
            assertSame(t, assertThrows(Throwable.class, () -> Fatal.rethrowIfFatal(t)));
        } else {
            Fatal.rethrowIfFatal(t);
        }
    }
}
