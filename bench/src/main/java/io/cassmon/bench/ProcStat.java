package io.cassmon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * CPU time of a process from {@code /proc/<pid>/stat}: utime + stime (fields 14 and 15), in clock ticks of
 * {@code getconf CLK_TCK} (100 on Linux x86-64, so a resolution of 10 ms). Covers every thread of the process.
 */
final class ProcStat {
    private static final double TICKS_PER_SECOND = clockTicks();

    private ProcStat() {
    }

    /** CPU seconds (user + system) the process has used since it started. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
