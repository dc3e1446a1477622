package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemCpuExportsTest {
    @TempDir
    Path dir;

    @Test
    void usageIsTheBusyShareOfTheTicksSinceThePreviousScrape() throws IOException {
        SystemCpuExports cpu = readingFrom("cpu  100 10 50 800 40 5 5 30 0 0");
        // busy: user, nice, system, irq, softirq (+20 +0 +10 +5 +5 = 40); total adds idle and iowait (+50 +10);
        // steal (+100) is not counted.
        assertEquals(40 / 100.0, usage(cpu, "cpu  120 10 60 850 50 10 10 130 0 0"), 1e-12);
        assertEquals(0.0, usage(cpu, "cpu  120 10 60 950 50 10 10 130 0 0"), 0.0);
    }

    @Test
    void noTicksSinceThePreviousScrapeIsAnIdleHostAndAJumpBackIsClampedToZero() throws IOException {
        SystemCpuExports cpu = readingFrom("cpu  100 0 0 100");
        assertEquals(0.0, usage(cpu, "cpu  100 0 0 100"), 0.0);
        assertEquals(0.0, usage(cpu, "cpu  50 0 0 200"), 0.0);
    }

    @Test
    void kernelsWithFourColumnsAreRead() throws IOException {
        assertEquals(0.75, usage(readingFrom("cpu 10 0 0 10"), "cpu 40 0 0 20"), 1e-12);
    }

    @Test
    void usageIsLeftOutWithoutAReading() throws IOException {
        SystemCpuExports cpu = new SystemCpuExports(new ProcFile(dir.resolve("stat").toString(), 512));
        stat("cpu  10 0 0 10");
        assertTrue(Expositions.direct(cpu, ExpositionFormat.TEXT_004).startsWith("# HELP system_cpus "));
    }

    @Test
    void writesBothFamiliesAsSimpleclientWould() throws IOException {
        SystemCpuExports cpu = readingFrom("cpu  1 0 0 1");
        stat("cpu  2 0 0 4");
        String direct = Expositions.direct(cpu, ExpositionFormat.TEXT_004);
        assertEquals(String.join("\n",
                "# HELP system_cpu_usage Share of the host's CPU time spent busy over the last moments (0 to 1).",
                "# TYPE system_cpu_usage gauge",
                "system_cpu_usage 0.25",
                "# HELP system_cpus Processors available to the JVM.",
                "# TYPE system_cpus gauge",
                "system_cpus " + Runtime.getRuntime().availableProcessors() + ".0",
                ""), direct);
    }

    @Test
    void aReadingAfterTheJvmsFallbackStartsAFreshInterval() throws IOException {
        SystemCpuExports cpu = new SystemCpuExports(new ProcFile(dir.resolve("stat").toString(), 512));
        stat("cpu  10 0 0 10");
        assertEquals(-1.0, cpu.usage(), 0.0);
        stat("cpu  40 0 0 60");
        assertEquals(30 / 80.0, cpu.usage(), 1e-12);
    }

    /** A SystemCpuExports that took its first reading from {@code cpuLine}. */
    private SystemCpuExports readingFrom(String cpuLine) throws IOException {
        return new SystemCpuExports(new ProcFile(stat(cpuLine).toString(), 512));
    }

    private double usage(SystemCpuExports cpu, String cpuLine) throws IOException {
        stat(cpuLine);
        return cpu.usage();
    }

    private Path stat(String cpuLine) throws IOException {
        Path stat = dir.resolve("stat");
        Files.write(stat, (cpuLine + "\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 12345 0 0\nctxt 9876\n")
                .getBytes(StandardCharsets.US_ASCII));
        return stat;
    }
}
