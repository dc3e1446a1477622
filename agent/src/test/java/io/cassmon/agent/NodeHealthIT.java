package io.cassmon.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.agent.Exposition.Sample;
import io.cassmon.agent.it.SharedCassandra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node identity, disk space, GC pauses and the JVM families on the shared node of every tested version (promtool
 * checks them with the rest of the output in CassandraAgentIT).
 */
@ExtendWith(SharedCassandra.Extension.class)
class NodeHealthIT {
    private static final String VERSIONS = "io.cassmon.agent.it.SharedCassandra#versions";
    private static final long WAIT_SECONDS = 60;

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void nodeInfoNamesClusterDatacenterRackHostIdAndVersion(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        String metrics = Exposition.scrapeUntil(cassandra.metricsUrl(), WAIT_SECONDS, "cassandra_node_info",
                text -> !Exposition.samples(text, "cassandra_node_info").isEmpty());
        String hostId = cassandra.node().session().execute("SELECT host_id FROM system.local").one()
                .getUuid("host_id").toString();

        List<Sample> info = Exposition.samples(metrics, "cassandra_node_info");
        assertEquals(1, info.size(), metrics);
        assertEquals(Map.of("cassandra_cluster", "cassmon-it", "cassandra_datacenter", "dc1", "cassandra_rack", "rack1",
                "host_id", hostId, "release_version", version), info.get(0).labels());
        assertEquals(1.0, info.get(0).value());
        assertTrue(Exposition.samples(metrics, "cassandra_peer_up").isEmpty(), "a single node has no peers");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void diskSpaceOfTheDataDirectoryMatchesWhatDfSays(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        Path storage = cassandra.node().directory().resolve("data");
        Path data = storage.resolve("data");
        String metrics = Exposition.scrapeUntil(cassandra.metricsUrl(), WAIT_SECONDS, "cassandra_disk_total_bytes",
                text -> !Exposition.samples(text, "cassandra_disk_total_bytes").isEmpty());

        // -Dcassandra.storagedir=<node>/data and no directory in cassandra.yaml: Cassandra's defaults under it.
        Map<String, String> paths = Exposition.samples(metrics, "cassandra_disk_total_bytes").stream()
                .collect(Collectors.toMap(s -> s.label("role"), s -> s.label("path")));
        assertEquals(Map.of("data", data.toString(), "commitlog", storage.resolve("commitlog").toString(),
                "hints", storage.resolve("hints").toString(), "saved_caches", storage.resolve("saved_caches").toString()),
                paths, metrics);

        long[] df = df(data);
        FileStore store = Files.getFileStore(data);
        double total = Exposition.samples(metrics, "cassandra_disk_total_bytes", "role", "data").get(0).value();
        double usable = Exposition.samples(metrics, "cassandra_disk_usable_bytes", "role", "data").get(0).value();
        assertEquals(store.getTotalSpace(), total, "total bytes, Java");
        assertEquals(df[0], total, "total bytes, df");
        // Other processes (this build, other nodes) write to the same filesystem meanwhile.
        long tolerance = 256L << 20;
        assertEquals(store.getUsableSpace(), usable, tolerance, "usable bytes, Java");
        assertEquals(df[1], usable, tolerance, "usable bytes, df (Avail)");
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void aForcedFullGcIsObservedAsAPause(String version) throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(version);
        // `jcmd <pid> GC.run` is how an operator forces a collection; with G1 it is a full GC ("G1 Old Generation")
        // whose cause is "Diagnostic Command".
        String[] forced = {"gc", "G1 Old Generation", "cause", "Diagnostic Command"};
        double before = pauseCount(cassandra.scrape(), forced);

        jcmd(cassandra.node().pid(), "GC.run");

        String metrics = Exposition.scrapeUntil(cassandra.metricsUrl(), WAIT_SECONDS, "a forced GC in jvm_gc_pause_seconds",
                text -> pauseCount(text, forced) > before);
        List<Sample> buckets = Exposition.samples(metrics, "jvm_gc_pause_seconds_bucket", forced);
        assertEquals(List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.2", "0.5", "1.0", "2.0", "5.0", "10.0", "+Inf"),
                buckets.stream().map(s -> s.label("le")).collect(Collectors.toList()));
        assertEquals(pauseCount(metrics, forced), buckets.get(buckets.size() - 1).value());
        assertTrue(Exposition.samples(metrics, "jvm_gc_pause_seconds_sum", forced).get(0).value() >= 0);
        // G1's young collections are pauses as well; G1 reports no concurrent cycle through these notifications.
        assertTrue(Exposition.samples(metrics, "jvm_gc_concurrent_cycle_seconds_count").isEmpty(), metrics);
    }

    @ParameterizedTest(name = "Cassandra {0}")
    @MethodSource(VERSIONS)
    void jvmAndProcessFamiliesArePresent(String version) throws Exception {
        String metrics = SharedCassandra.get(version).scrape();
        for (String series : List.of("jvm_memory_bytes_used", "jvm_memory_pool_bytes_used", "jvm_buffer_pool_used_bytes",
                "jvm_threads_current", "jvm_gc_collection_seconds_count", "process_cpu_seconds_total",
                "process_open_fds", "process_max_fds", "jvm_info")) {
            assertFalse(Exposition.samples(metrics, series).isEmpty(), series + " is missing");
        }
        assertTrue(Exposition.samples(metrics, "jvm_memory_bytes_used", "area", "heap").get(0).value() > 0);
        assertTrue(Exposition.samples(metrics, "process_open_fds").get(0).value() > 10, "Cassandra holds many files");
    }

    private static double pauseCount(String metrics, String... labels) {
        List<Sample> count = Exposition.samples(metrics, "jvm_gc_pause_seconds_count", labels);
        return count.isEmpty() ? 0 : count.get(0).value();
    }

    /** {@code df}'s size and Avail in bytes for the filesystem holding {@code path}. */
    private static long[] df(Path path) throws IOException, InterruptedException {
        String[] lines = run("df", "-B1", "--output=size,avail", path.toString()).trim().split("\n");
        String[] fields = lines[lines.length - 1].trim().split("\\s+");
        return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
    }

    private static void jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String output = run(jcmd, Long.toString(pid), command);
        assertTrue(output.contains("Command executed successfully"), output);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cassmon-it", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 60 s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + text);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
