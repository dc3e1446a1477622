package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import io.cassmon.exporter.exposition.SampleSource;
import io.prometheus.client.Collector;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.hotspot.StandardExportsOf;
import java.io.IOException;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessExportsTest {
    /** The lines around VmSize and VmRSS as Linux writes them; VmSize beyond a float's exact integers. */
    private static final String STATUS = String.join("\n",
            "Name:\tjava", "Umask:\t0022", "State:\tS (sleeping)", "Tgid:\t4242", "Pid:\t4242", "PPid:\t1",
            "FDSize:\t1024", "Groups:\t", "VmPeak:\t123456999 kB", "VmSize:\t123456789 kB", "VmLck:\t       0 kB",
            "VmPin:\t       0 kB", "VmHWM:\t 9876543 kB", "VmRSS:\t 1234567 kB", "RssAnon:\t 1000000 kB",
            "Threads:\t287", "voluntary_ctxt_switches:\t15", "");

    @TempDir
    Path dir;

    private final UnixOperatingSystemMXBean os = bean(UnixOperatingSystemMXBean.class, Map.of("getName", "Linux",
            "getProcessCpuTime", 1_234_567_890_123L, "getOpenFileDescriptorCount", 321L,
            "getMaxFileDescriptorCount", 1_048_576L));
    private final RuntimeMXBean runtime = bean(RuntimeMXBean.class, Map.of("getStartTime", 1_700_000_000_123L));

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesWhatStandardExportsWritesForTheSameProcess(ExpositionFormat format) throws IOException {
        ProcessExports process = new ProcessExports(os, runtime, status(STATUS));
        Collector standard = StandardExportsOf.create(os, runtime, STATUS);

        String direct = Expositions.direct(process, format, Expositions.TOPOLOGY);
        assertEquals(Expositions.simpleclient(familiesOf(standard), format, Expositions.TOPOLOGY), direct);
        // StandardExports reads the kB as a float: 123456789 kB is exported as 123456792 kB.
        assertTrue(direct.contains("} 1.26419755008E11\n"), direct);
        assertTrue(direct.contains("process_resident_memory_bytes{"), direct);
    }

    @Test
    void withoutItsStatusFileTheMemoryFamiliesAreLeftOutAsStandardExportsDoes() {
        ProcessExports process = new ProcessExports(os, runtime, new ProcFile(dir.resolve("none").toString(), 4096));
        String direct = Expositions.direct(process, ExpositionFormat.TEXT_004);
        assertTrue(direct.contains("\nprocess_max_fds 1048576.0\n"), direct);
        assertFalse(direct.contains("memory"), direct);
    }

    @Test
    void declaresEveryFamilyItWrites() throws IOException {
        ProcessExports process = new ProcessExports(os, runtime, status(STATUS));
        StringBuilder declared = new StringBuilder();
        for (MetricFamilySamples family : process.describe()) {
            declared.append(family.name).append(' ');
        }
        StringBuilder written = new StringBuilder();
        for (MetricFamilySamples family : process.collect()) {
            written.append(family.name).append(' ');
        }
        assertEquals(declared.toString(), written.toString());
    }

    private ProcFile status(String text) throws IOException {
        Path file = dir.resolve("status");
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
        return new ProcFile(file.toString(), 4096);
    }

    private static SampleSource familiesOf(Collector collector) {
        return sink -> {
            for (MetricFamilySamples family : collector.collect()) {
                sink.family(family);
            }
        };
    }

    /** An MXBean answering the given getters; any other call fails. */
    private static <T> T bean(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return answers.get(method.getName());
        }));
    }
}
