package io.cassmon.agent.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.cassmon.agent.it.CassandraNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The no-Docker demo ({@code ./demo.sh}): a real Cassandra node from Maven Central with the shaded agent on
 * 127.0.0.1:7095, a light read/write workload, and Prometheus scraping it when the {@code prometheus} binary is
 * installed. Runs until Ctrl-C, which stops everything it started.
 */
public final class DemoNode {
    private static final int AGENT_PORT = 7095;
    private static final int PROMETHEUS_PORT = 9090;

    private DemoNode() {
    }

    public static void main(String[] args) throws Exception {
        String version = args.length > 0 ? args[0] : "5.0.9";
        String jar = new File(System.getProperty("cassmon.agent.jar", "target/cassmon-agent.jar")).getAbsolutePath();
        CassandraNode node = CassandraNode.builder(version).name("demo-" + version)
                .jvmArgs("-javaagent:" + jar + "=127.0.0.1:" + AGENT_PORT).build();
        System.out.println("Starting Cassandra " + version + " with the cassmon agent (first run downloads it)...");
        node.start();
        Process prometheus = startPrometheus(node.directory());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (prometheus != null) {
                prometheus.destroy();
            }
            node.close();
        }, "demo-stop"));
        System.out.println();
        System.out.println("Cassandra " + version + "  CQL at 127.0.0.1:" + node.nativePort() + ", log " + node.logFile());
        System.out.println("cassmon      http://127.0.0.1:" + AGENT_PORT + "/metrics");
        System.out.println(prometheus != null ? "Prometheus   http://127.0.0.1:" + PROMETHEUS_PORT + "/targets"
                : "Prometheus   not installed (apt-get install prometheus), so not started");
        System.out.println("Writing and reading a few rows a second. Ctrl-C stops everything.");
        runWorkload(node.session());
    }

    private static Process startPrometheus(Path directory) throws IOException {
        if (!onPath("prometheus")) {
            return null;
        }
        Path config = directory.resolve("prometheus-demo.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 15s",
                "scrape_configs:",
                "  - job_name: cassandra",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + AGENT_PORT + "']",
                "        labels: {cluster: demo, dc: dc1}",
                ""));
        return new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("prometheus-data"),
                "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
    }

    private static void runWorkload(CqlSession session) throws InterruptedException {
        session.execute("CREATE KEYSPACE IF NOT EXISTS demo WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE IF NOT EXISTS demo.events (id int PRIMARY KEY, payload text)");
        PreparedStatement write = session.prepare("INSERT INTO demo.events (id, payload) VALUES (?, ?)");
        PreparedStatement read = session.prepare("SELECT payload FROM demo.events WHERE id = ?");
        while (!Thread.currentThread().isInterrupted()) {
            int id = ThreadLocalRandom.current().nextInt(10_000);
            session.execute(write.bind(id, "event-" + id));
            session.execute(read.bind(ThreadLocalRandom.current().nextInt(10_000)));
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
