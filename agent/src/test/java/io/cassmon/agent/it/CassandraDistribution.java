package io.cassmon.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The runtime jars of {@code org.apache.cassandra:cassandra-all:<version>} (what a tarball's {@code lib/} holds,
 * minus native helpers), downloaded once by a Maven subprocess into
 * {@code ${user.home}/.cache/cassmon/cassandra/<version>/lib} and reused while its completion marker exists.
 * The cache root can be moved with {@code -Dcassmon.it.cache=DIR}.
 */
public final class CassandraDistribution {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final String DEPENDENCY_PLUGIN_VERSION = "3.8.1";
    private static final String MARKER = "lib.complete";
    private static final Map<String, CassandraDistribution> RESOLVED = new ConcurrentHashMap<>();

    private final String version;
    private final Path libDir;

    private CassandraDistribution(String version, Path libDir) {
        this.version = version;
        this.libDir = libDir;
    }

    /** The distribution of {@code version}, downloading it first if the cache does not hold it complete. */
    public static CassandraDistribution of(String version) {
        CassandraVersion.parse(version);
        return RESOLVED.computeIfAbsent(version, CassandraDistribution::resolve);
    }

    /** Where versions are cached: {@code -Dcassmon.it.cache}, else {@code ~/.cache/cassmon/cassandra}. */
    public static Path cacheRoot() {
        String configured = System.getProperty("cassmon.it.cache");
        return configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".cache", "cassmon", "cassandra");
    }

    public String version() {
        return version;
    }

    public Path libDir() {
        return libDir;
    }

    /** Every jar of lib/, sorted by file name like the stock scripts' {@code lib/*.jar} glob. */
    public List<Path> jars() {
        try (Stream<Path> files = Files.list(libDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The classpath of a node: every jar of lib/. */
    public String classpath() {
        return jars().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** The jamm jar, which the stock start scripts attach with {@code -javaagent}. */
    public Path jammJar() {
        return jars().stream()
                .filter(p -> p.getFileName().toString().startsWith("jamm-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jamm jar in " + libDir));
    }

    /** Total size of lib/ in bytes. */
    public long sizeBytes() {
        return jars().stream().mapToLong(p -> p.toFile().length()).sum();
    }

    private static CassandraDistribution resolve(String version) {
        Path home = cacheRoot().resolve(version);
        Path lib = home.resolve("lib");
        try {
            Files.createDirectories(home);
            // Two test JVMs (e.g. two Maven runs) may want the same version at once.
            try (FileChannel lockFile = FileChannel.open(home.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(home.resolve(MARKER)) || !Files.isDirectory(lib)) {
                    download(version, home, lib);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Cassandra " + version + " cache in " + home, e);
        }
        return new CassandraDistribution(version, lib);
    }

    private static void download(String version, Path home, Path lib) throws IOException {
        Files.deleteIfExists(home.resolve(MARKER));
        deleteRecursively(lib);
        Path pom = home.resolve("pom.xml");
        Files.writeString(pom, pom(version, lib));
        Path log = home.resolve("mvn.log");
        List<String> command = List.of(findMaven().toString(), "-B", "-q", "-Dstyle.color=never",
                "-f", pom.toString(), "dependency:copy-dependencies");
        Process mvn = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished;
        try {
            finished = mvn.waitFor(DOWNLOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            mvn.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while downloading Cassandra " + version, e);
        }
        if (!finished) {
            mvn.destroyForcibly();
            throw new IllegalStateException("Downloading Cassandra " + version + " with Maven took more than "
                    + DOWNLOAD_TIMEOUT.toMinutes() + " min; Maven's output:\n" + tail(log, 40));
        }
        Path mainJar = lib.resolve("cassandra-all-" + version + ".jar");
        if (mvn.exitValue() != 0 || !Files.exists(mainJar)) {
            throw new IllegalStateException("Could not download org.apache.cassandra:cassandra-all:" + version
                    + " and its runtime dependencies (`" + String.join(" ", command) + "` exited with "
                    + mvn.exitValue() + "). It needs Maven Central, or a local repository that already holds them."
                    + " Maven's output:\n" + tail(log, 40));
        }
        Files.writeString(home.resolve(MARKER), version + "\n");
    }

    private static String pom(String version, Path lib) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.cassmon.it</groupId>
                  <artifactId>cassandra-lib</artifactId>
                  <version>%1$s</version>
                  <packaging>pom</packaging>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.cassandra</groupId>
                      <artifactId>cassandra-all</artifactId>
                      <version>%1$s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-dependency-plugin</artifactId>
                        <version>%2$s</version>
                        <configuration>
                          <includeScope>runtime</includeScope>
                          <outputDirectory>%3$s</outputDirectory>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version, DEPENDENCY_PLUGIN_VERSION, lib.toAbsolutePath());
    }

    private static Path findMaven() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("maven.home"))
                .ifPresent(h -> candidates.add(Paths.get(h, "bin", "mvn")));
        for (String env : new String[] {"MAVEN_HOME", "M2_HOME"}) {
            Optional.ofNullable(System.getenv(env)).ifPresent(h -> candidates.add(Paths.get(h, "bin", "mvn")));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Paths.get(dir, "mvn"));
            }
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Maven (`mvn`) is needed to download Cassandra jars,"
                        + " but it is not on PATH, in MAVEN_HOME nor in -Dmaven.home"));
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no output: " + file + " does not exist)";
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            String[] all = text.split("\\R", -1);
            int from = Math.max(0, all.length - lines);
            return String.join("\n", List.of(all).subList(from, all.length));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** Copies the tree {@code from} to {@code to} (created; existing files are replaced). */
    public static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }
}
