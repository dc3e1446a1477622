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

    /** Runs in the host's thread on every registration: must be cheap and must never throw. */
    public static void seen(Object registry) {
        if (registry == last) {
            return;
        }
        try {
            synchronized (RegistryCapture.class) {
                last = registry;
                if (known.put(registry, Boolean.TRUE) == null) {
                    fresh.add(new WeakReference<>(registry));
                }
            }
        } catch (Throwable ignored) {
            // Nothing may reach the registering thread; the registry is seen again on its next registration.
        }
    }

    /** Waits for a registry not returned before; null if it was collected meanwhile. */
    static Object next() throws InterruptedException {
        return fresh.take().get();
    }
}
