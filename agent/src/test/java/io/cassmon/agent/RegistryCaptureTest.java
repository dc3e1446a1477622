package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static net.bytebuddy.matcher.ElementMatchers.named;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.ExceptionMethod;
import org.junit.jupiter.api.Test;

/**
 * The call {@link RegistryCaptureTransformer} injects into {@code MetricRegistry.register} runs on every thread that
 * registers a metric (Cassandra's): it hands each registry to the agent once and never throws into that thread,
 * except the JVM's own errors. Tested on metrics-core's real MetricRegistry, transformed as in the agent.
 */
class RegistryCaptureTest {
    @Test
    void eachRegistryIsHandedToTheAgentOnce() throws Exception {
        Object first = new Object();
        Object second = new Object();
        RegistryCapture.seen(first);
        RegistryCapture.seen(first);
        RegistryCapture.seen(second);
        RegistryCapture.seen(first);
        assertSame(first, next());
        assertSame(second, next());
    }

    @Test
    void aRegistryWhoseHashCodeThrowsIsRetriedOnItsNextRegistration() throws Exception {
        FlakyRegistry registry = new FlakyRegistry(new IllegalStateException("host's hashCode"));
        RegistryCapture.seen(registry);
        registry.failure = null;
        RegistryCapture.seen(registry);
        assertSame(registry, next());
    }

    @Test
    void theJvmsOwnErrorsReachTheRegisteringThread() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> RegistryCapture.seen(new FlakyRegistry(oom))));
    }

    @Test
    void theInjectedCallHandsTheRegistryOverAndRegistrationGoesOn() throws Exception {
        MetricsCore metricsCore = new MetricsCore();
        Object registry = metricsCore.registry.getConstructor().newInstance();

        metricsCore.register(registry, "requests");

        assertSame(registry, next());
        assertTrue(metricsCore.names(registry).contains("requests"));
    }

    @Test
    void theInjectedCallNeverThrowsTheAgentsFailuresIntoTheRegisteringThread() throws Exception {
        MetricsCore metricsCore = new MetricsCore();
        Object registry = metricsCore.registryWhoseHashCodeThrows(IllegalStateException.class);

        metricsCore.register(registry, "requests");

        assertTrue(metricsCore.names(registry).contains("requests"), "the metric is registered");
    }

    @Test
    void theInjectedCallLetsTheJvmsOwnErrorsThrough() throws Exception {
        MetricsCore metricsCore = new MetricsCore();
        Object registry = metricsCore.registryWhoseHashCodeThrows(OutOfMemoryError.class);

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> metricsCore.register(registry, "requests"));
        assertEquals(OutOfMemoryError.class, thrown.getCause().getClass());
    }

    private static Object next() {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), RegistryCapture::next);
    }

    /** A registry (as the agent sees it: any object) whose hashCode throws while {@code failure} is set. */
    private static final class FlakyRegistry {
        volatile Throwable failure;

        FlakyRegistry(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public int hashCode() {
            Throwable current = failure;
            if (current instanceof Error) {
                throw (Error) current;
            }
            if (current != null) {
                throw (RuntimeException) current;
            }
            return 42;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }
    }

    /** metrics-core in a class loader of its own, with MetricRegistry transformed as the agent does in Cassandra. */
    private static final class MetricsCore extends ClassLoader {
        private static final String PACKAGE = "com.codahale.metrics.";
        final Class<?> registry;
        private final Class<?> metric;
        private final Class<?> counter;

        MetricsCore() throws ClassNotFoundException {
            super(RegistryCaptureTest.class.getClassLoader());
            registry = loadClass(PACKAGE + "MetricRegistry");
            metric = loadClass(PACKAGE + "Metric");
            counter = loadClass(PACKAGE + "Counter");
        }

        @Override
        protected synchronized Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            String file = name.replace('.', '/');
            try (InputStream in = getParent().getResourceAsStream(file + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                if (file.equals(RegistryCaptureTransformer.TARGET)) {
                    bytes = new RegistryCaptureTransformer().transform(this, file, null, null, bytes);
                    assertNotNull(bytes, "the transformer instruments MetricRegistry");
                }
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        Object registryWhoseHashCodeThrows(Class<? extends Throwable> failure) throws Exception {
            return new ByteBuddy().subclass(registry).method(named("hashCode"))
                    .intercept(ExceptionMethod.throwing(failure, "thrown by the registry's hashCode"))
                    .make().load(this, ClassLoadingStrategy.Default.WRAPPER).getLoaded()
                    .getConstructor().newInstance();
        }

        void register(Object target, String name) throws Exception {
            Method register = registry.getMethod("register", String.class, metric);
            register.invoke(target, name, counter.getConstructor().newInstance());
        }

        @SuppressWarnings("unchecked")
        java.util.Set<String> names(Object target) throws Exception {
            return ((Map<String, ?>) registry.getMethod("getMetrics").invoke(target)).keySet();
        }
    }
}
