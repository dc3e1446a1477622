package io.cassmon.agent.node;

import io.cassmon.exporter.exposition.SampleSink;
import io.cassmon.exporter.exposition.Suffix;
import io.cassmon.exporter.mapping.ScrapeErrors;
import io.prometheus.client.GaugeMetricFamily;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@code cassandra_disk_total_bytes} and {@code cassandra_disk_usable_bytes}: the size and the space left to
 * Cassandra (what {@code df} calls Avail) of the filesystem holding each directory Cassandra uses. One
 * {@code statvfs} per directory and family per scrape; each directory's FileStore is looked up once (that lookup
 * reads the mount table). A directory that does not exist (yet) is left out.
 */
final class DiskCollector extends CassandraCollector {
    static final String TOTAL = "cassandra_disk_total_bytes";
    static final String USABLE = "cassandra_disk_usable_bytes";
    static final List<String> LABELS = Collections.unmodifiableList(Arrays.asList("role", "path"));
    private static final String TOTAL_HELP = "Size of the filesystem holding a directory Cassandra uses (role: data,"
            + " commitlog, hints, saved_caches). Directories on one filesystem repeat its numbers.";
    private static final String USABLE_HELP = "Bytes of the filesystem holding a directory Cassandra uses that Cassandra"
            + " can still write (df's Avail: free space less the root reserve).";

    private final CassandraDirectories directories = new CassandraDirectories();
    private final ConcurrentMap<Path, FileStore> stores = new ConcurrentHashMap<>();

    DiskCollector(CassandraReadiness readiness, ScrapeErrors errors) {
        super(readiness, errors);
    }

    @Override
    void write(Cassandra cassandra, SampleSink sink) throws IOException, ReflectiveOperationException {
        write(directories.of(cassandra), sink);
    }

    void write(List<DataDirectory> dirs, SampleSink sink) throws IOException {
        long[] total = new long[dirs.size()];
        long[] usable = new long[dirs.size()];
        for (int i = 0; i < dirs.size(); i++) {
            FileStore store = store(dirs.get(i).path());
            total[i] = store == null ? -1 : store.getTotalSpace();
            usable[i] = store == null ? -1 : store.getUsableSpace();
        }
        write(sink, TOTAL, TOTAL_HELP, dirs, total);
        write(sink, USABLE, USABLE_HELP, dirs, usable);
    }

    /** A directory without a size (-1) does not exist (yet). */
    private static void write(SampleSink sink, String name, String help, List<DataDirectory> dirs, long[] bytes) {
        sink.startFamily(name, Type.GAUGE, help, LABELS);
        for (int i = 0; i < dirs.size(); i++) {
            if (bytes[i] >= 0) {
                sink.sample(Suffix.NONE, dirs.get(i).labelValues(), null, null, bytes[i]);
            }
        }
        sink.endFamily();
    }

    private FileStore store(Path path) throws IOException {
        FileStore store = stores.get(path);
        if (store == null) {
            try {
                store = Files.getFileStore(path);
            } catch (NoSuchFileException notCreatedYet) {
                return null;
            }
            stores.put(path, store);
        }
        return store;
    }

    @Override
    public List<MetricFamilySamples> describe() {
        return Arrays.<MetricFamilySamples>asList(new GaugeMetricFamily(TOTAL, TOTAL_HELP, LABELS),
                new GaugeMetricFamily(USABLE, USABLE_HELP, LABELS));
    }
}
