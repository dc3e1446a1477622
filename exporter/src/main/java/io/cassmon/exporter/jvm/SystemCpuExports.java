package io.cassmon.exporter.jvm;

import io.cassmon.exporter.exposition.DirectCollector;
import io.cassmon.exporter.exposition.SampleSink;
import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The host's CPU, which hotspot's exports lack: {@code system_cpu_usage} (busy share of all cores since the previous
 * scrape, 0 to 1) and {@code system_cpus}. Alerts on node CPU need both: process CPU seconds alone cannot say how busy
 * the machine is.
 *
 * <p>The busy share is read from {@code /proc/stat}: user, nice, system, irq and softirq time over those plus idle and
 * iowait, the split the JVM's own {@code getSystemCpuLoad()} uses on a host. That method is left for systems without
 * {@code /proc/stat}: since JDK 14 it reads cgroup files on every call wherever cgroups are mounted, hosts included,
 * 104 KB of garbage a call with JDK 17.0.15 on the benchmark's (non-container) machine, a third of what a scrape of a
 * Cassandra node without tables allocated; and in a container with a CPU quota, shares or a cpuset it reports the
 * container's load, not the host's that this family is documented to be.
 */
final class SystemCpuExports extends DirectCollector implements Collector.Describable {
    static final String USAGE = "system_cpu_usage";
    static final String COUNT = "system_cpus";
    private static final String USAGE_HELP = "Share of the host's CPU time spent busy over the last moments (0 to 1).";
    private static final String COUNT_HELP = "Processors available to the JVM.";

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final ProcFile stat;
    /** Busy and total ticks at the previous reading; total -1 when /proc/stat cannot be read. */
    private long busy;
    private long total = -1;

    SystemCpuExports() {
        this(new ProcFile("/proc/stat", 512));
    }

    SystemCpuExports(ProcFile stat) {
        this.stat = stat;
        usage();
    }

    @Override
    public void writeTo(SampleSink sink) {
        double usage = usage();
        // Negative while there is no reading yet.
        if (usage >= 0) {
            OneSample.gauge(sink, USAGE, USAGE_HELP, usage);
        }
        OneSample.gauge(sink, COUNT, COUNT_HELP, os.getAvailableProcessors());
    }

    /** The busy share since the previous call, from /proc/stat or else from the JVM. */
    synchronized double usage() {
        long busyNow;
        long totalNow;
        try {
            stat.read();
            if (!stat.seekLine("cpu ")) {
                return jvmUsage();
            }
            long user = stat.nextNumber();
            long nice = stat.nextNumber();
            long system = stat.nextNumber();
            long idle = stat.nextNumber();
            long iowait = Math.max(0, stat.nextNumber());
            long irq = Math.max(0, stat.nextNumber());
            long softirq = Math.max(0, stat.nextNumber());
            if (idle < 0) {
                return jvmUsage();
            }
            busyNow = user + nice + system + irq + softirq;
            totalNow = busyNow + idle + iowait;
        } catch (IOException e) {
            return jvmUsage();
        }
        long busyDelta = busyNow - busy;
        long totalDelta = totalNow - total;
        boolean first = total < 0;
        busy = busyNow;
        total = totalNow;
        if (first) {
            return -1;
        }
        return totalDelta <= 0 ? 0 : Math.max(0, Math.min(1, busyDelta / (double) totalDelta));
    }

    private double jvmUsage() {
        total = -1;
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getSystemCpuLoad() : -1;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Arrays.<MetricFamilySamples>asList(new GaugeMetricFamily(USAGE, USAGE_HELP, 0),
                new GaugeMetricFamily(COUNT, COUNT_HELP, 0));
    }
}
