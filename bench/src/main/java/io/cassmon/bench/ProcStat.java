package io.cassmon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a process from {@code /proc/<pid>/stat}: utime + stime (fields 14 and 15), in clock ticks of
 * {@code getconf CLK_TCK} (100 on Linux x86-64, so a resolution of 10 ms). Covers every thread of the process.
 */
final class ProcStat {
    static final double TICKS_PER_SECOND = clockTicks();

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

    /**
     * CPU seconds of each thread of the process so far, summed by what the thread is (by its name as
     * {@code /proc/<pid>/task/<tid>/comm} has it, cut at 15 characters): {@code main} (the Java main thread),
     * {@code cassmon-agent},
     * {@code jit} (C1/C2 compiler threads), {@code gc} (G1 and GC worker threads, VM thread), {@code other}.
     * Threads that have ended are not counted.
     */
    static Map<String, Double> cpuSecondsByThreadGroup(long pid) {
        Map<String, Double> groups = new TreeMap<>();
        forEachThread(pid, (tid, name, seconds) -> groups.merge(threadGroup(name), seconds, Double::sum));
        return groups;
    }

    /**
     * CPU seconds so far of each live thread of {@code group} ({@link #threadGroup}), by thread id: the difference of
     * two readings counts a thread that started between them whole, and one that ended not at all.
     */
    static Map<Long, Double> cpuSecondsByThread(long pid, String group) {
        Map<Long, Double> threads = new TreeMap<>();
        forEachThread(pid, (tid, name, seconds) -> {
            if (threadGroup(name).equals(group)) {
                threads.put(tid, seconds);
            }
        });
        return threads;
    }

    /** CPU seconds {@code later} used beyond {@code earlier}, thread by thread. */
    static double since(Map<Long, Double> earlier, Map<Long, Double> later) {
        double seconds = 0;
        for (Map.Entry<Long, Double> thread : later.entrySet()) {
            seconds += thread.getValue() - earlier.getOrDefault(thread.getKey(), 0.0);
        }
        return seconds;
    }

    private interface ThreadCpu {
        void accept(long tid, String name, double seconds);
    }

    private static void forEachThread(long pid, ThreadCpu action) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Paths.get("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    action.accept(Long.parseLong(task.getFileName().toString()), name, seconds);
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the threads of " + pid, e);
        }
    }

    static String threadGroup(String name) {
        // The launcher names the process's threads "java"; HotSpot renames only the threads it starts itself, so the
        // Java main thread stays "java" (the other "java" thread, the launcher's, waits and uses nothing).
        if (name.equals("main") || name.equals("java")) {
            return "main";
        }
        if (name.startsWith("cassmon")) {
            return "cassmon-agent";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (name.startsWith("G1 ") || name.startsWith("GC Thread") || name.equals("VM Thread")) {
            return "gc";
        }
        return "other";
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
