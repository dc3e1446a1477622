package io.cassmon.agent.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One real Cassandra node in a forked JVM, built from the Maven Central jars of its version.
 * Its files live in {@code ${cassmon.it.workdir}/<name>} (wiped on first start): the generated {@code conf/},
 * {@code data/}, {@code triggers/}, {@code logs/system.log} and {@code output.log} (the process's stdout and
 * stderr, see {@link #log()}).
 * Ports are chosen when the node is built, so they are known before it starts (e.g. as another node's seed).
 */
public final class CassandraNode implements AutoCloseable {

    private static final String READY_LINE = "Startup complete";
    private static final int JOINING_RING_DELAY_MS = 5_000;
    private static final Set<String> NAMES_IN_USE = ConcurrentHashMap.newKeySet();
    private static final Set<CassandraNode> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(CassandraNode::killAllRunning, "cassandra-node-reaper"));
    }

    private final String version;
    private final String name;
    private final String address;
    private final String clusterName;
    private final String datacenter;
    private final String rack;
    private final List<String> seeds;
    private final int nativePort;
    private final int storagePort;
    private final List<String> jvmArgs;
    private final List<Path> triggerJars;
    private final Map<String, String> yamlOverrides;
    private final Duration startTimeout;
    private final Path directory;
    private final Path initialData;

    private Process process;
    private boolean everStarted;
    private CqlSession session;
    private Duration startupTime;
    private long forkedAt;

    private CassandraNode(Builder b, String name) {
        this.version = b.version;
        this.name = name;
        this.address = b.address;
        this.clusterName = b.clusterName;
        this.datacenter = b.datacenter;
        this.rack = b.rack;
        this.nativePort = FreePorts.next(b.address);
        this.storagePort = FreePorts.next(b.address);
        this.seeds = b.seeds.isEmpty() ? List.of(seedAddress()) : List.copyOf(b.seeds);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.triggerJars = List.copyOf(b.triggerJars);
        this.yamlOverrides = Map.copyOf(b.yaml);
        this.startTimeout = b.startTimeout;
        this.directory = workRoot().resolve(name).toAbsolutePath();
        this.initialData = b.initialData;
    }

    public static Builder builder(String version) {
        return new Builder(version);
    }

    /** {@code ${cassmon.it.workdir}}, else {@code target/it}. */
    public static Path workRoot() {
        return Paths.get(Optional.ofNullable(System.getProperty("cassmon.it.workdir")).orElse("target/it"));
    }

    /**
     * Writes the configuration (on the first start also wiping the node's directory), forks the JVM and waits
     * until the log says "Startup complete" and the CQL port accepts connections. A later start after
     * {@link #stop()} keeps the data. Fails with the end of the node's output if it exits or times out.
     */
    public synchronized CassandraNode start() {
        if (isRunning()) {
            return this;
        }
        CassandraDistribution distribution = CassandraDistribution.of(version);
        long begin = System.nanoTime();
        long logOffset;
        try {
            if (!everStarted) {
                killLeftoverOfEarlierRun();
                CassandraDistribution.deleteRecursively(directory);
                if (initialData != null) {
                    CassandraDistribution.copyRecursively(initialData, directory.resolve("data"));
                }
            }
            Files.createDirectories(directory.resolve("conf"));
            Files.createDirectories(directory.resolve("logs"));
            Files.createDirectories(triggersDirectory());
            // Cassandra scans the trigger directory once, on first use: jars must be there before it boots.
            for (Path jar : triggerJars) {
                Files.copy(jar, triggersDirectory().resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(conf("cassandra.yaml"), NodeConfig.cassandraYaml(this, yamlOverrides));
            Files.writeString(conf("cassandra-rackdc.properties"), NodeConfig.rackdcProperties(this));
            Files.writeString(conf("logback.xml"), NodeConfig.logbackXml());
            List<String> command = command(distribution);
            Files.write(directory.resolve("command.txt"), command);
            logOffset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            // Agents or debug flags meant for the test JVM must not leak into the node.
            pb.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
            forkedAt = System.nanoTime();
            process = pb.start();
            everStarted = true;
            RUNNING.add(this);
            Files.writeString(directory.resolve("cassandra.pid"), Long.toString(process.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Cassandra node " + name, e);
        }
        awaitStartup(logOffset, begin);
        startupTime = Duration.ofNanos(System.nanoTime() - forkedAt);
        return this;
    }

    /** SIGTERM, up to 30 s for Cassandra's own shutdown, then SIGKILL. Idempotent. */
    public synchronized void stop() {
        closeSession();
        if (process != null) {
            terminate(List.of(process), Duration.ofSeconds(30));
        }
        RUNNING.remove(this);
    }

    /** {@link #stop()}, and the node's name becomes free again. */
    @Override
    public void close() {
        stop();
        NAMES_IN_USE.remove(name);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A driver session to this node with its local DC; created on first use, closed when the node stops. */
    public synchronized CqlSession session() {
        if (!isRunning()) {
            throw new IllegalStateException("Cassandra node " + name + " is not running");
        }
        if (session == null || session.isClosed()) {
            // DDL on a loaded two-core box can exceed the driver's 2 s defaults.
            DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                    .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                    .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(10))
                    .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(30))
                    .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
                    .withString(DefaultDriverOption.SESSION_NAME, name)
                    .build();
            session = CqlSession.builder()
                    .addContactPoint(new InetSocketAddress(address, nativePort))
                    .withLocalDatacenter(datacenter)
                    .withConfigLoader(config)
                    .build();
        }
        return session;
    }

    /** Everything the node's JVM printed so far (Cassandra's log at INFO, JVM warnings, agent output). */
    public String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logFile() {
        return directory.resolve("output.log");
    }

    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Cassandra node " + name + " was never started");
        }
        return process.pid();
    }

    /** {@code address:storagePort}, the form a seed list takes. */
    public String seedAddress() {
        return address + ":" + storagePort;
    }

    /**
     * How long the last {@link #start()} took from forking the JVM to "Startup complete" with the CQL port open:
     * preparing the directory (wiping it, copying {@link Builder#initialData}) and the download are excluded, so the
     * time depends on the node alone; null before.
     */
    public Duration startupTime() {
        return startupTime;
    }

    public String version() {
        return version;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public int nativePort() {
        return nativePort;
    }

    public int storagePort() {
        return storagePort;
    }

    public String clusterName() {
        return clusterName;
    }

    public String datacenter() {
        return datacenter;
    }

    public String rack() {
        return rack;
    }

    public List<String> seeds() {
        return seeds;
    }

    public Path directory() {
        return directory;
    }

    /** {@code cassandra.triggers_dir}: trigger jars put here load on CREATE TRIGGER. */
    public Path triggersDirectory() {
        return directory.resolve("triggers");
    }

    @Override
    public String toString() {
        return "CassandraNode[" + name + " " + version + " " + address + ":" + nativePort + "]";
    }

    private List<String> command(CassandraDistribution distribution) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmOptions.forVersion(CassandraVersion.parse(version)));
        cmd.add("-XX:ErrorFile=" + directory.resolve("logs/hs_err_%p.log"));
        cmd.add("-javaagent:" + distribution.jammJar());
        cmd.add("-Dcassandra-foreground=yes");
        cmd.add("-Dcassandra.config=" + conf("cassandra.yaml").toUri());
        cmd.add("-Dcassandra-rackdc.properties=" + conf("cassandra-rackdc.properties").toUri());
        cmd.add("-Dlogback.configurationFile=" + conf("logback.xml"));
        cmd.add("-Dcassandra.storagedir=" + directory.resolve("data"));
        cmd.add("-Dcassandra.logdir=" + directory.resolve("logs"));
        cmd.add("-Dcassandra.triggers_dir=" + triggersDirectory());
        // A fresh node needs no ring delay or gossip settling: ~7 s to boot instead of ~40 s. A node joining
        // through other seeds must hear from them before it bootstraps ("Unable to contact any seeds" otherwise).
        cmd.add("-Dcassandra.ring_delay_ms=" + (seeds.contains(seedAddress()) ? 0 : JOINING_RING_DELAY_MS));
        cmd.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(directory.resolve("conf") + java.io.File.pathSeparator + distribution.classpath());
        cmd.add("org.apache.cassandra.service.CassandraDaemon");
        return cmd;
    }

    private void awaitStartup(long logOffset, long begin) {
        long deadline = begin + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                RUNNING.remove(this);
                throw new IllegalStateException("Cassandra node " + name + " (" + version + ") exited with code "
                        + process.exitValue() + " while starting; last lines of " + logFile() + ":\n" + tail());
            }
            if (logSince(logOffset).contains(READY_LINE) && acceptsCql()) {
                return;
            }
            sleep(250);
        }
        stop();
        throw new IllegalStateException("Cassandra node " + name + " (" + version + ") was not ready within "
                + startTimeout.toSeconds() + " s; last lines of " + logFile() + ":\n" + tail());
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile());
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private boolean acceptsCql() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, nativePort), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        return CassandraDistribution.tail(logFile(), 60);
    }

    private Path conf(String file) {
        return directory.resolve("conf").resolve(file);
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                // The node may already be gone; nothing to release then.
            }
            session = null;
        }
    }

    /** A node of an earlier, killed test run (same directory) would hold the ports and files. */
    private void killLeftoverOfEarlierRun() throws IOException {
        Path pidFile = directory.resolve("cassandra.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(directory.toString())).orElse(false))
                    .ifPresent(p -> {
                        p.destroyForcibly();
                        p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> null).join();
                    });
        } catch (NumberFormatException e) {
            // Not a pid file we wrote; the directory is wiped next anyway.
        }
    }

    /** Stops several nodes at once: SIGTERM to all, then one shared grace period, then SIGKILL. */
    public static void stopAll(Collection<CassandraNode> nodes) {
        List<Process> processes = new ArrayList<>();
        for (CassandraNode node : nodes) {
            synchronized (node) {
                node.closeSession();
                if (node.process != null) {
                    processes.add(node.process);
                }
            }
        }
        terminate(processes, Duration.ofSeconds(30));
        RUNNING.removeAll(nodes);
    }

    private static void terminate(List<Process> processes, Duration grace) {
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        for (Process p : processes) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killAllRunning() {
        List<Process> processes = new ArrayList<>();
        for (CassandraNode node : RUNNING) {
            if (node.process != null) {
                processes.add(node.process);
            }
        }
        // A shutdown hook should not hold the JVM's exit for long.
        terminate(processes, Duration.ofSeconds(15));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Cassandra", e);
        }
    }

    /** Settings of a node; ports are picked by {@link #build()}. */
    public static final class Builder {
        private final String version;
        private String name;
        private String address = "127.0.0.1";
        private String clusterName = "cassmon-it";
        private String datacenter = "dc1";
        private String rack = "rack1";
        private final List<String> seeds = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<Path> triggerJars = new ArrayList<>();
        private final Map<String, String> yaml = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(180);
        private Path initialData;

        private Builder(String version) {
            CassandraVersion.parse(version);
            this.version = version;
        }

        /** Directory name under the work root, unique in this JVM; default {@code <version>-<address>}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Listen and rpc address; must be an IPv4 loopback address (127.0.0.0/8). Default 127.0.0.1. */
        public Builder address(String address) {
            try {
                InetAddress a = InetAddress.getByName(address);
                if (!a.isLoopbackAddress() || a.getAddress().length != 4) {
                    throw new IllegalArgumentException("Nodes bind to 127.0.0.0/8 only, not " + address);
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address: " + address, e);
            }
            this.address = address;
            return this;
        }

        public Builder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public Builder datacenter(String datacenter) {
            this.datacenter = datacenter;
            return this;
        }

        public Builder rack(String rack) {
            this.rack = rack;
            return this;
        }

        /** Seeds as {@code host:port} (see {@link CassandraNode#seedAddress()}); default: the node itself. */
        public Builder seeds(String... hostPorts) {
            seeds.addAll(Arrays.asList(hostPorts));
            return this;
        }

        public Builder seeds(CassandraNode... nodes) {
            for (CassandraNode node : nodes) {
                seeds.add(node.seedAddress());
            }
            return this;
        }

        /** Extra JVM arguments, placed after the harness's own (so a later {@code -D} wins), e.g. a -javaagent. */
        /** Trigger jars for the node's trigger directory, copied in before it starts. */
        public Builder triggerJars(Path... jars) {
            triggerJars.addAll(Arrays.asList(jars));
            return this;
        }

        public Builder jvmArgs(String... args) {
            jvmArgs.addAll(Arrays.asList(args));
            return this;
        }

        /** Sets or replaces a top-level cassandra.yaml entry; {@code value} is yaml text (mind the version's names). */
        public Builder yaml(String key, String value) {
            yaml.put(key, value);
            return this;
        }

        /**
         * A data directory to start from (e.g. one prepared with many tables by an earlier node of the same
         * version and cluster name): copied into the node's {@code data/} on its first start, after the wipe.
         */
        public Builder initialData(Path data) {
            this.initialData = data;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public CassandraNode build() {
            String chosen = name;
            if (chosen == null) {
                String base = version + "-" + address;
                chosen = base;
                for (int i = 2; NAMES_IN_USE.contains(chosen); i++) {
                    chosen = base + "-" + i;
                }
            }
            if (!NAMES_IN_USE.add(chosen)) {
                throw new IllegalStateException("A Cassandra node named " + chosen + " already exists in this JVM");
            }
            return new CassandraNode(this, chosen);
        }
    }
}
