package io.cassmon.exporter.jvm;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The host's CPU, which hotspot's exports lack: {@code system_cpu_usage} (busy share of all cores, 0 to 1, as the
 * JVM's {@code com.sun.management.OperatingSystemMXBean} reports it) and {@code system_cpus}. Alerts on node
 * CPU need both: process CPU seconds alone cannot say how busy the machine is.
 */
final class SystemCpuExports extends Collector implements Collector.Describable {
    static final String USAGE = "system_cpu_usage";
    static final String COUNT = "system_cpus";
    private static final String USAGE_HELP = "Share of the host's CPU time spent busy over the last moments (0 to 1).";
    private static final String COUNT_HELP = "Processors available to the JVM.";

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> families = new ArrayList<>();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            // Negative while the JVM has no reading yet.
            double usage = ((com.sun.management.OperatingSystemMXBean) os).getSystemCpuLoad();
            if (usage >= 0) {
                families.add(new GaugeMetricFamily(USAGE, USAGE_HELP, usage));
            }
        }
        families.add(new GaugeMetricFamily(COUNT, COUNT_HELP, os.getAvailableProcessors()));
        return families;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Arrays.<MetricFamilySamples>asList(new GaugeMetricFamily(USAGE, USAGE_HELP, 0),
                new GaugeMetricFamily(COUNT, COUNT_HELP, 0));
    }
}
