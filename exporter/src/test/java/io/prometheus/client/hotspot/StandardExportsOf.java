package io.prometheus.client.hotspot;

import java.io.BufferedReader;
import java.io.StringReader;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;

/** simpleclient_hotspot's StandardExports over given beans and {@code /proc/self/status} text (package-private API). */
public final class StandardExportsOf {
    private StandardExportsOf() {
    }

    public static StandardExports create(OperatingSystemMXBean os, RuntimeMXBean runtime, String procSelfStatus) {
        return new StandardExports(new StandardExports.StatusReader() {
            @Override
            BufferedReader procSelfStatusReader() {
                return new BufferedReader(new StringReader(procSelfStatus));
            }
        }, os, runtime);
    }
}
