package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cassmon.exporter.config.BadConfigMatrixTest;
import io.cassmon.exporter.log.Log;
import io.cassmon.exporter.log.LogSink;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the bad-config matrix through premain itself, in this JVM, without Cassandra: premain returns
 * normally (so the JVM goes on to start Cassandra), logs exactly one line, the matrix's message, and leaves nothing
 * behind (no transformer, no thread). CassandraFailurePolicyIT boots a real node with one of these rows.
 */
class PremainBadConfigTest {
    private static final String DISABLED = "ERROR cassmon agent disabled, the JVM continues without it: ";

    private final List<String> logged = new ArrayList<>();
    private final List<String> instrumentationCalls = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        Log.useSink((LogSink.Level level, String message, Throwable cause) -> logged.add(level + " " + message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.cassmon.exporter.config.BadConfigMatrixTest#rows")
    void premainReturnsAndLogsExactlyOneLine(BadConfigMatrixTest.Row row, @TempDir Path dir) throws Exception {
        CassmonAgent.premain(row.argument(dir), instrumentation(null));

        assertEquals(List.of(DISABLED + row.message(dir)), logged);
        assertEquals(List.of(), instrumentationCalls, "nothing installed");
        assertEquals(0, agentThreads());
    }

    @Test
    void evenTheJvmsOwnErrorsStayInPremain() {
        CassmonAgent.premain("127.0.0.1:7095", instrumentation(new OutOfMemoryError("Java heap space")));

        assertEquals(List.of("ERROR cassmon agent disabled by an internal error, the JVM continues without it"), logged);
        assertEquals(0, agentThreads());
    }

    /** Records every call; throws {@code failure} from the first one when given. */
    private Instrumentation instrumentation(Throwable failure) {
        return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instrumentation.class},
                (proxy, method, args) -> {
                    instrumentationCalls.add(method.getName());
                    if (failure != null) {
                        throw failure;
                    }
                    return method.getReturnType() == Class[].class ? new Class<?>[0] : null;
                });
    }

    private static long agentThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(CassmonAgent.THREAD_NAME)).count();
    }
}
