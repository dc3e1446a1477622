package io.cassmon.agent;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Registries seen by the code {@link RegistryCaptureTransformer} puts into MetricRegistry.register, handed to the agent thread. Called on every metric
 * registration, so the common case (the same registry again) is one volatile read. Registries are held
 * weakly so an application's throwaway registries are not kept alive by the agent.
 */
public final class RegistryCapture {
    private static volatile Object last;
    private static final Map<Object, Boolean> known = new WeakHashMap<>();
    private static final BlockingQueue<WeakReference<Object>> fresh = new LinkedBlockingQueue<>();

    private RegistryCapture() {
    }

    /**
     * Runs in the host's thread on every registration: must be cheap and throws nothing but the JVM's own errors.
     * The fatal check is inline (JDK classes only) so that no class of the agent's needs resolving in the host's
     * thread.
     */
    public static void seen(Object registry) {
        if (registry == last) {
            return;
        }
        try {
            synchronized (RegistryCapture.class) {
                // hashCode and equals are the registry's (a host subclass may override them): last is set only
                // once the registry is known, so after a failure it is tried again on its next registration.
                if (known.put(registry, Boolean.TRUE) == null) {
                    fresh.add(new WeakReference<>(registry));
                }
                last = registry;
            }
        } catch (Throwable t) {
            // See io.cassmon.exporter.guard.Fatal: the JVM's own errors are the host's to handle.
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError) || t instanceof ThreadDeath) {
                throw t;
            }
        }
    }

    /**
     * Called by premain before the transformer is installed, so this class is initialised there: a static
     * initialiser failing later, in the host's first registration, would throw into that thread and then
     * NoClassDefFoundError into every registration after it.
     */
    static void initialise() {
        // Nothing to do: calling a static method is what initialises the class.
    }

    /** Waits for a registry not returned before; null if it was collected meanwhile. */
    static Object next() throws InterruptedException {
        return fresh.take().get();
    }
}
