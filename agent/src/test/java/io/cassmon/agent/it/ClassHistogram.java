package io.cassmon.agent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jcmd PID GC.class_histogram} of a running JVM: a full GC first, then live instances and bytes per class.
 * The JDK running the tests attaches to the node (same user), so it is exactly what an operator would run.
 */
public final class ClassHistogram {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    private final Map<String, Long> instances;
    private final long liveBytes;

    private ClassHistogram(Map<String, Long> instances, long liveBytes) {
        this.instances = instances;
        this.liveBytes = liveBytes;
    }

    /** Runs jcmd against {@code pid} (bounded: 2 minutes). */
    public static ClassHistogram of(long pid) throws IOException, InterruptedException {
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.class_histogram did not finish within 2 minutes");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        Map<String, Long> instances = new TreeMap<>();
        long total = -1;
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                instances.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
            }
            Matcher totalLine = TOTAL.matcher(line);
            if (totalLine.matches()) {
                total = Long.parseLong(totalLine.group(2));
            }
        }
        if (process.exitValue() != 0 || total < 0) {
            throw new IOException("jcmd " + pid + " GC.class_histogram failed (exit " + process.exitValue() + "): "
                    + text.substring(0, Math.min(text.length(), 2000)));
        }
        return new ClassHistogram(instances, total);
    }

    /** Live instances of every class whose name starts with {@code prefix}. */
    public Map<String, Long> instances(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        instances.forEach((name, count) -> {
            if (name.startsWith(prefix)) {
                out.put(name, count);
            }
        });
        return out;
    }

    /** Live instances of the classes whose name starts with {@code prefix}, added up. */
    public long total(String prefix) {
        return instances(prefix).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Classes under {@code prefix} with more live instances here than in {@code earlier}, beyond 5 + 1 %: what a leak
     * looks like (it grows with every table dropped or scrape served), as "class: before -> after".
     */
    public List<String> grownSince(ClassHistogram earlier, String prefix) {
        List<String> grown = new ArrayList<>();
        instances(prefix).forEach((type, count) -> {
            long was = earlier.instances.getOrDefault(type, 0L);
            if (count > was + 5 + was / 100) {
                grown.add(type + ": " + was + " -> " + count);
            }
        });
        return grown;
    }

    /** Bytes of every live object: the heap right after a full GC. */
    public long liveBytes() {
        return liveBytes;
    }
}
