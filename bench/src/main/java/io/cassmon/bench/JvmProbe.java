package io.cassmon.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.Closeable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX view of a node's JVM without opening a port: the Attach API starts the JVM's local management agent
 * (a connector reachable only from this machine, by the same user) and we connect to it. Used for per-thread
 * allocated bytes ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, exact TLAB accounting) and to
 * flush tables. The same probe is attached in every configuration, so its own small cost is common to all.
 */
final class JvmProbe implements Closeable {
    /**
     * Threads of the HTTP servers: cassmon's connection and scrape pools, and jmx_exporter's (client_java 1.x) pool.
     */
    static final List<String> HTTP_THREAD_PREFIXES = List.of("cassmon-http-", "cassmon-scrape-", "prometheus-http-");

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final com.sun.management.ThreadMXBean threads;

    private JvmProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
        this.threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
                com.sun.management.ThreadMXBean.class);
    }

    static JvmProbe attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new JvmProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot attach to JVM " + pid + ": " + e, e);
        }
    }

    /** Bytes allocated so far by each live thread, by thread id, with the thread's name. */
    Map<Long, ThreadAlloc> allocations() {
        try {
            long[] ids = threads.getAllThreadIds();
            long[] bytes = threads.getThreadAllocatedBytes(ids);
            ThreadInfo[] infos = threads.getThreadInfo(ids);
            Map<Long, ThreadAlloc> out = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] != null && bytes[i] >= 0) {
                    out.put(ids[i], new ThreadAlloc(infos[i].getThreadName(), bytes[i]));
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read thread allocations: " + e, e);
        }
    }

    /** Flushes the memtables of a keyspace to SSTables (StorageService.forceKeyspaceFlush). */
    void flush(String keyspace) {
        try {
            mbeans.invoke(new ObjectName("org.apache.cassandra.db:type=StorageService"), "forceKeyspaceFlush",
                    new Object[] {keyspace, new String[0]},
                    new String[] {String.class.getName(), String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("cannot flush keyspace " + keyspace + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The node may be gone already.
        }
    }

    record ThreadAlloc(String name, long bytes) {
    }

    /** Allocation between two readings: all threads, and the HTTP server threads alone. */
    record Delta(long allThreads, long httpThreads) {
        static Delta between(Map<Long, ThreadAlloc> before, Map<Long, ThreadAlloc> after) {
            long all = 0;
            long http = 0;
            for (Map.Entry<Long, ThreadAlloc> e : after.entrySet()) {
                ThreadAlloc earlier = before.get(e.getKey());
                // A thread born in between counts from zero; one that died in between is lost (undercount).
                long d = e.getValue().bytes() - (earlier == null ? 0 : earlier.bytes());
                if (d < 0) {
                    continue;
                }
                all += d;
                if (HTTP_THREAD_PREFIXES.stream().anyMatch(e.getValue().name()::startsWith)) {
                    http += d;
                }
            }
            return new Delta(all, http);
        }
    }

}
