package io.cassmon.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.sun.net.httpserver.HttpServer;
import io.cassmon.agent.it.CassandraNode;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The no-Docker demo ({@code ./demo.sh}): a real Cassandra node from Maven Central with the shaded agent on
 * 127.0.0.1:7095, a light read/write workload, and, when Debian's binaries are installed, Prometheus (9090) and
 * Alertmanager (9093) running the shipped prometheus/ and alertmanager/ files, whose demo receiver prints every
 * page it gets. Runs until Ctrl-C, which stops everything it started.
 */
public final class DemoStack {
    private static final String CLUSTER = "cassmon-demo";
    private static final String DC = "dc1";
    private static final int AGENT_PORT = 7095;
    private static final int PROMETHEUS_PORT = 9090;
    private static final int ALERTMANAGER_PORT = 9093;
    private static final int RECEIVER_PORT = 9097;

    private DemoStack() {
    }

    public static void main(String[] args) throws Exception {
        String version = args.length > 0 ? args[0] : "5.0.9";
        String jar = new File(System.getProperty("cassmon.agent.jar", "../agent/target/cassmon-agent.jar")).getAbsolutePath();
        Path work = Files.createDirectories(Paths.get(System.getProperty("cassmon.it.workdir", "target/demo")).toAbsolutePath());
        List<AutoCloseable> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "demo-stop"));

        CassandraNode node = CassandraNode.builder(version).name("demo-" + version)
                .jvmArgs("-javaagent:" + jar + "=127.0.0.1:" + AGENT_PORT).build();
        started.add(node);
        System.out.println("Starting Cassandra " + version + " with the cassmon agent (the first run downloads it)...");
        node.start();

        boolean alerting = Tools.find("prometheus-alertmanager") != null;
        if (alerting) {
            HttpServer receiver = receiver();
            started.add(() -> receiver.stop(0));
            started.add(new AlertmanagerProcess(LocalStack.alertmanagerConfig(work,
                    "http://127.0.0.1:" + RECEIVER_PORT + "/"), work, ALERTMANAGER_PORT));
        }
        boolean prometheus = Tools.find("prometheus") != null;
        if (prometheus) {
            Path config = LocalStack.prometheusConfig(work, "127.0.0.1:" + AGENT_PORT, CLUSTER, DC, ALERTMANAGER_PORT,
                    PROMETHEUS_PORT, null);
            started.add(new PrometheusProcess(config, work, PROMETHEUS_PORT));
        }

        System.out.println();
        System.out.println("Cassandra " + version + "  CQL at 127.0.0.1:" + node.nativePort() + ", log " + node.logFile());
        System.out.println("cassmon       http://127.0.0.1:" + AGENT_PORT + "/metrics");
        System.out.println(prometheus ? "Prometheus    http://127.0.0.1:" + PROMETHEUS_PORT + "/alerts  (shipped rules)"
                : "Prometheus    not installed (" + Tools.INSTALL + ")");
        System.out.println(alerting ? "Alertmanager  http://127.0.0.1:" + ALERTMANAGER_PORT + "  (pages are printed below)"
                : "Alertmanager  not installed (" + Tools.INSTALL + ")");
        System.out.println("Writing and reading a few rows a second. Ctrl-C stops everything.");
        runWorkload(node.session());
    }

    private static HttpServer receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), RECEIVER_PORT), 0);
        server.createContext("/", exchange -> {
            System.out.println("PAGE " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void runWorkload(CqlSession session) throws InterruptedException {
        session.execute("CREATE KEYSPACE IF NOT EXISTS demo WITH replication = {'class': 'NetworkTopologyStrategy', '"
                + DC + "': 1}");
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

    private static void stopAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + started.get(i) + ": " + e);
            }
        }
    }
}
