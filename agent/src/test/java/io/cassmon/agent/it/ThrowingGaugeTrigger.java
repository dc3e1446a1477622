package io.cassmon.agent.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real way to put a gauge that throws into a running Cassandra: a trigger, compiled against that node's own
 * jars, whose constructor (run by CREATE TRIGGER) registers the gauge in {@code CassandraMetricsRegistry}.
 */
public final class ThrowingGaugeTrigger {
    public static final String CLASS_NAME = "CassmonThrowingGaugeTrigger";
    /** A name the catalog exports (a table gauge), so the agent really reads it on every scrape. */
    public static final String GAUGE_NAME = "org.apache.cassandra.metrics.Table.MaxPartitionSize.cassmon_it.gauge_that_throws";
    public static final String MESSAGE = "cassmon test gauge always throws";

    private static final String SOURCE = String.join("\n",
            "import com.codahale.metrics.Gauge;",
            "import com.codahale.metrics.MetricRegistry;",
            "import java.util.Collection;",
            "import java.util.Collections;",
            "import org.apache.cassandra.db.Mutation;",
            "import org.apache.cassandra.db.partitions.Partition;",
            "import org.apache.cassandra.metrics.CassandraMetricsRegistry;",
            "import org.apache.cassandra.triggers.ITrigger;",
            "public class " + CLASS_NAME + " implements ITrigger {",
            "    public " + CLASS_NAME + "() {",
            "        MetricRegistry registry = CassandraMetricsRegistry.Metrics;",
            "        if (!registry.getMetrics().containsKey(\"" + GAUGE_NAME + "\")) {",
            "            registry.register(\"" + GAUGE_NAME + "\", (Gauge<Long>) () -> {",
            "                throw new IllegalStateException(\"" + MESSAGE + "\");",
            "            });",
            "        }",
            "    }",
            "    public Collection<Mutation> augment(Partition update) {",
            "        return Collections.emptyList();",
            "    }",
            "}",
            "");

    private ThrowingGaugeTrigger() {
    }

    /** The trigger compiled for {@code version}, as a jar for {@link CassandraNode.Builder#triggerJars}. */
    static Path jar(String version) throws IOException {
        Path triggersDir = CassandraNode.workRoot().resolve("test-trigger-" + version);
        Path work = Files.createTempDirectory("cassmon-trigger");
        Path source = work.resolve(CLASS_NAME + ".java");
        Files.write(source, SOURCE.getBytes(StandardCharsets.UTF_8));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "--release", "11", "-proc:none",
                "-cp", CassandraDistribution.of(version).classpath(), "-d", work.toString(), source.toString());
        if (result != 0) {
            throw new IOException("compiling the test trigger against Cassandra " + version + " failed (see stderr)");
        }
        Files.createDirectories(triggersDir);
        try (OutputStream file = Files.newOutputStream(triggersDir.resolve("cassmon-test-trigger.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            for (Path compiled : List.of(work.resolve(CLASS_NAME + ".class"))) {
                jar.putNextEntry(new JarEntry(compiled.getFileName().toString()));
                jar.write(Files.readAllBytes(compiled));
                jar.closeEntry();
            }
        }
        return triggersDir.resolve("cassmon-test-trigger.jar");
    }
}
