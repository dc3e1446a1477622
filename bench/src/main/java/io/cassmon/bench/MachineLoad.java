package io.cassmon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The quiet-machine guard: how much CPU the rest of the machine used while something was measured. Two snapshots of
 * {@code /proc} bracket a window: the machine's busy time ({@code /proc/stat}: user, nice, system, irq, softirq)
 * minus what this benchmark's JVM and its descendants (the nodes it forked) used is "other CPU", in cores on average
 * over the window; it includes processes that came and went inside it and kernel threads. Foreign user processes
 * alive at either end (other engineers' Cassandra nodes, Maven builds, test JVMs) are listed with their own share.
 * Steal time (the hypervisor running someone else on this machine's virtual cores) is kept apart: it does not show as
 * a process here but slows the node all the same.
 */
final class MachineLoad {
    /** Above this many cores of other CPU on average, or with a foreign Cassandra node, a window is not quiet. */
    static final double QUIET_CORES = Double.parseDouble(System.getProperty("cassmon.bench.quiet.cores", "0.10"));
    /** Foreign processes below this share are not listed (their CPU is still in the total). */
    private static final double LISTED_CORES = 0.02;
    private static final double TICKS = ProcStat.TICKS_PER_SECOND;
    private static final long SELF = ProcessHandle.current().pid();

    private final long nanos;
    private final long busyTicks;
    private final long stealTicks;
    private final Map<Long, Proc> procs;

    private MachineLoad(long nanos, long busyTicks, long stealTicks, Map<Long, Proc> procs) {
        this.nanos = nanos;
        this.busyTicks = busyTicks;
        this.stealTicks = stealTicks;
        this.procs = procs;
    }

    /** The start of a window. */
    static MachineLoad begin() {
        long[] cpu = machineTicks();
        return new MachineLoad(System.nanoTime(), cpu[0], cpu[1], processes());
    }

    /** The end of the window begun by this snapshot. */
    Window end() {
        long[] cpu = machineTicks();
        long now = System.nanoTime();
        Map<Long, Proc> after = processes();
        double seconds = (now - nanos) / 1e9;
        Set<Long> ours = descendantsOfSelf(procs, after);
        double ownTicks = 0;
        List<Foreign> foreign = new ArrayList<>();
        Set<Long> pids = new HashSet<>(procs.keySet());
        pids.addAll(after.keySet());
        for (long pid : pids) {
            Proc a = procs.get(pid);
            Proc b = after.get(pid);
            // A pid reused by another process in between is a new process: count it from zero.
            if (a != null && b != null && a.startTime != b.startTime) {
                a = null;
            }
            // Exited inside the window: its last ticks are unknown; the machine total still has them.
            long ticks = b == null ? 0 : b.ticks - (a == null ? 0 : a.ticks);
            if (ours.contains(pid)) {
                ownTicks += ticks;
                continue;
            }
            Proc p = b != null ? b : a;
            double cores = ticks / TICKS / seconds;
            if (p.isUserProcess() && (cores >= LISTED_CORES || "java".equals(p.comm) && p.kind().startsWith("Cassandra"))) {
                foreign.add(new Foreign(pid, p.kind(), cores));
            }
        }
        foreign.sort(Comparator.comparingDouble(Foreign::cores).reversed());
        double other = Math.max(0, (cpu[0] - busyTicks - ownTicks) / TICKS / seconds);
        double steal = (cpu[1] - stealTicks) / TICKS / seconds;
        return new Window(seconds, other, ownTicks / TICKS / seconds, steal, foreign);
    }

    /** What the rest of the machine did during one window. */
    record Window(double seconds, double otherCores, double ownCores, double stealCores, List<Foreign> foreign) {
        /** Other CPU and steal at most {@link #QUIET_CORES} each, and no foreign Cassandra node. */
        boolean quiet() {
            return otherCores <= QUIET_CORES && stealCores <= QUIET_CORES
                    && foreign.stream().noneMatch(f -> f.kind().startsWith("Cassandra"));
        }

        /**
         * A table cell: {@code 0.03 cores}, or a bold figure with the foreign processes when not quiet; the
         * hypervisor's steal time (CPU the machine's virtual cores waited for) when it reached 0.05 cores.
         */
        String cell() {
            String cores = String.format(Locale.ROOT, "%.2f cores", otherCores);
            String steal = stealCores >= 0.05 ? String.format(Locale.ROOT, " (steal %.2f)", stealCores) : "";
            return (quiet() ? cores : "**" + cores + "**") + steal
                    + (quiet() || foreign.isEmpty() ? "" : " (" + processes() + ")");
        }

        String processes() {
            List<String> parts = new ArrayList<>();
            for (Foreign f : foreign) {
                parts.add(String.format(Locale.ROOT, "%s %d: %.2f", f.kind(), f.pid(), f.cores()));
            }
            return String.join(", ", parts);
        }

        /** Several windows as one: other CPU weighted by duration, every foreign process seen. */
        static Window combine(List<Window> windows) {
            double seconds = 0;
            double other = 0;
            double own = 0;
            double steal = 0;
            Map<Long, Foreign> foreign = new HashMap<>();
            for (Window w : windows) {
                seconds += w.seconds;
                other += w.otherCores * w.seconds;
                own += w.ownCores * w.seconds;
                steal += w.stealCores * w.seconds;
                for (Foreign f : w.foreign) {
                    foreign.merge(f.pid(), new Foreign(f.pid(), f.kind(), f.cores() * w.seconds),
                            (x, y) -> new Foreign(x.pid(), x.kind(), x.cores() + y.cores()));
                }
            }
            double total = seconds;
            List<Foreign> list = new ArrayList<>();
            foreign.values().forEach(f -> list.add(new Foreign(f.pid(), f.kind(), total == 0 ? 0 : f.cores() / total)));
            list.sort(Comparator.comparingDouble(Foreign::cores).reversed());
            return total == 0 ? new Window(0, 0, 0, 0, List.of())
                    : new Window(total, other / total, own / total, steal / total, list);
        }
    }

    /** A process that is neither this benchmark nor one of its nodes. */
    record Foreign(long pid, String kind, double cores) {
    }

    /** [busy, steal] ticks of the whole machine. */
    private static long[] machineTicks() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user).
                    long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                            + Long.parseLong(f[6]) + Long.parseLong(f[7]);
                    return new long[] {busy, f.length > 8 ? Long.parseLong(f[8]) : 0};
                }
            }
        } catch (IOException | RuntimeException e) {
            Log.line("cannot read /proc/stat (%s): other CPU is not measured", e);
        }
        return new long[] {0, 0};
    }

    private static Map<Long, Proc> processes() {
        Map<Long, Proc> out = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Paths.get("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                Proc p = Proc.read(dir);
                if (p != null) {
                    out.put(p.pid, p);
                }
            }
        } catch (IOException e) {
            Log.line("cannot list /proc (%s): foreign processes are not listed", e);
        }
        return out;
    }

    private static Set<Long> descendantsOfSelf(Map<Long, Proc> before, Map<Long, Proc> after) {
        Map<Long, Long> parent = new HashMap<>();
        before.values().forEach(p -> parent.put(p.pid, p.ppid));
        after.values().forEach(p -> parent.put(p.pid, p.ppid));
        Set<Long> ours = new HashSet<>();
        for (long pid : parent.keySet()) {
            for (long p = pid, hops = 0; p > 1 && hops < 64; p = parent.getOrDefault(p, 0L), hops++) {
                if (p == SELF) {
                    ours.add(pid);
                    break;
                }
            }
        }
        ours.add(SELF);
        return ours;
    }

    /** One line of {@code /proc/<pid>/stat}. */
    private static final class Proc {
        final long pid;
        final String comm;
        final long ppid;
        final long ticks;
        final long startTime;
        final Path dir;
        private String kind;

        private Proc(long pid, String comm, long ppid, long ticks, long startTime, Path dir) {
            this.pid = pid;
            this.comm = comm;
            this.ppid = ppid;
            this.ticks = ticks;
            this.startTime = startTime;
            this.dir = dir;
        }

        static Proc read(Path dir) {
            try {
                String stat = Files.readString(dir.resolve("stat"));
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] f = stat.substring(close + 2).split(" ");
                // After the command: state(0) ppid(1) ... utime(11) stime(12) ... starttime(19).
                return new Proc(Long.parseLong(stat.substring(0, open).trim()), stat.substring(open + 1, close),
                        Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[19]), dir);
            } catch (IOException | RuntimeException e) {
                return null; // gone meanwhile
            }
        }

        /** Kernel threads are children of kthreadd (pid 2). */
        boolean isUserProcess() {
            return pid != 2 && ppid != 2;
        }

        /** What the process is, from its command line: a Cassandra node, a Maven build, a test JVM, ... */
        String kind() {
            if (kind == null) {
                String cmd;
                try {
                    cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException e) {
                    cmd = "";
                }
                if (cmd.contains("CassandraDaemon")) {
                    kind = "Cassandra node";
                } else if (cmd.contains("surefire") || cmd.contains("failsafe")) {
                    kind = "Maven test JVM";
                } else if (cmd.contains("plexus-classworlds")) {
                    kind = "Maven";
                } else if ("java".equals(comm)) {
                    kind = "JVM";
                } else {
                    kind = comm;
                }
            }
            return kind;
        }
    }
}
