package io.cassmon.agent.partitions;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.modifier.Ownership;
import net.bytebuddy.description.modifier.TypeManifestation;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.loading.ByteArrayClassLoader;
import net.bytebuddy.implementation.ExceptionMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The advice inlined into Cassandra's SSTable writers runs on flush and compaction threads: whatever the agent's
 * side throws, the writer's method goes on as without the agent, except for the JVM's own errors. The real advice
 * is applied to {@link FakeWriter} as WriterInstrumentation applies it to Cassandra's writers.
 */
class WriterAdviceTest {
    private static final long LARGE = 200L * 1024 * 1024;
    private static final List<String> TABLE = List.of("shop", "orders");
    /** Where the real LargePartitions is: the writer's class loader sees it through this parent. */
    private static final ClassLoader TEST_CLASSES = WriterAdviceTest.class.getClassLoader();

    @AfterEach
    void forgetTable() {
        LargePartitions.forget(TABLE);
    }

    @Test
    void bothAdvicesCountLargePartitionsAndTheMethodRuns() throws Exception {
        Writer writer = new Writer(instrumented(), TEST_CLASSES);
        writer.legacy(LARGE);
        writer.guardrail(new FakeWriter.Guardrail(LargePartitions.PARTITION_SIZE_GUARDRAIL), LARGE + 1);
        writer.guardrail(new FakeWriter.Guardrail("partition_tombstones"), LARGE + 2);

        assertEquals(3, writer.calls());
        assertEquals(2, LargePartitions.tables().get(TABLE).count());
        assertEquals(LARGE + 1, LargePartitions.tables().get(TABLE).largest());
    }

    @Test
    void aWriterThatCannotSeeTheAgentGoesOn() throws Exception {
        Writer writer = new Writer(instrumented(), ClassLoader.getPlatformClassLoader());
        writer.legacy(LARGE);
        writer.guardrail(null, LARGE);
        assertEquals(2, writer.calls());
    }

    static Stream<Class<? extends Throwable>> absorbed() {
        return Stream.of(IllegalStateException.class, NoSuchFieldError.class, StackOverflowError.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absorbed")
    void whatTheAgentThrowsNeverReachesTheWritingThread(Class<? extends Throwable> failure) throws Exception {
        Writer writer = new Writer(withStandIn(failure), TEST_CLASSES);
        writer.legacy(LARGE);
        writer.guardrail(null, LARGE);
        assertEquals(2, writer.calls());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fatal")
    void theJvmsOwnErrorsReachTheWritingThread(Class<? extends Throwable> failure) throws Exception {
        Writer writer = new Writer(withStandIn(failure), TEST_CLASSES);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> writer.legacy(LARGE));
        assertSame(failure, thrown.getCause().getClass());
        thrown = assertThrows(InvocationTargetException.class, () -> writer.guardrail(null, LARGE));
        assertSame(failure, thrown.getCause().getClass());
    }

    static Stream<Class<? extends Throwable>> fatal() {
        return Stream.of(OutOfMemoryError.class, InternalError.class);
    }

    /** FakeWriter with both advices, as WriterInstrumentation applies them. */
    private static Map<String, byte[]> instrumented() {
        Map<String, byte[]> types = new HashMap<>();
        types.put(FakeWriter.class.getName(), new ByteBuddy().redefine(FakeWriter.class)
                .visit(Advice.to(WriterAdvice.BigTableWriter.class).on(named(WriterInstrumentation.LEGACY_METHOD)))
                .visit(Advice.to(WriterAdvice.SortedTableWriter.class).on(named(WriterInstrumentation.GUARDRAIL_METHOD)))
                .make().getBytes());
        return types;
    }

    /** The instrumented writer plus, in its own class loader, a LargePartitions whose written() throws. */
    private static Map<String, byte[]> withStandIn(Class<? extends Throwable> failure) {
        Map<String, byte[]> types = instrumented();
        types.put(LargePartitions.class.getName(), new ByteBuddy().subclass(Object.class)
                .name(LargePartitions.class.getName()).modifiers(Visibility.PUBLIC, TypeManifestation.FINAL)
                .defineMethod("written", void.class, Visibility.PUBLIC, Ownership.STATIC)
                .withParameters(Object.class, Object.class, long.class)
                .intercept(ExceptionMethod.throwing(failure, "thrown by the stand-in"))
                .make().getBytes());
        return types;
    }

    /** An instrumented FakeWriter loaded child-first from {@code types}, called by reflection. */
    private static final class Writer {
        private final Class<?> type;
        private final Object instance;

        Writer(Map<String, byte[]> types, ClassLoader parent) throws Exception {
            type = new ByteArrayClassLoader.ChildFirst(parent, types).loadClass(FakeWriter.class.getName());
            instance = type.getConstructor().newInstance();
            type.getField("descriptor").set(instance, new FakeWriter.Descriptor(TABLE.get(0), TABLE.get(1)));
        }

        void legacy(long size) throws Exception {
            type.getMethod(WriterInstrumentation.LEGACY_METHOD, Object.class, long.class).invoke(instance, null, size);
        }

        void guardrail(Object guardrail, long size) throws Exception {
            type.getMethod(WriterInstrumentation.GUARDRAIL_METHOD, Object.class, Object.class, long.class)
                    .invoke(instance, guardrail, null, size);
        }

        int calls() throws Exception {
            return type.getField("calls").getInt(instance);
        }
    }
}
