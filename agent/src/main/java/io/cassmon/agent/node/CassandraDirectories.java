package io.cassmon.agent.node;

import java.io.File;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directories this node uses, from its own configuration ({@code DatabaseDescriptor}), read once: they only
 * change with a restart. Return types differ by version: {@code getHintsDirectory()} is a {@code java.io.File} in
 * 3.11 and 4.0 and Cassandra's own {@code io.util.File} from 4.1; the others are {@code String} / {@code String[]}
 * ({@code getAllDataFileLocations()} includes 4.0+'s {@code local_system_data_file_directory} when set).
 */
final class CassandraDirectories {
    private static final String DATABASE_DESCRIPTOR = "org.apache.cassandra.config.DatabaseDescriptor";
    private static final String[][] GETTERS = {
            {"data", "getAllDataFileLocations"},
            {"commitlog", "getCommitLogLocation"},
            {"hints", "getHintsDirectory"},
            {"saved_caches", "getSavedCachesLocation"},
    };

    private volatile List<DataDirectory> directories;

    List<DataDirectory> of(Cassandra cassandra) throws ReflectiveOperationException {
        List<DataDirectory> known = directories;
        if (known == null) {
            List<DataDirectory> read = new ArrayList<>();
            for (String[] getter : GETTERS) {
                for (Path path : paths(cassandra.callStatic(DATABASE_DESCRIPTOR, getter[1]))) {
                    read.add(new DataDirectory(getter[0], path));
                }
            }
            known = directories = Collections.unmodifiableList(read);
        }
        return known;
    }

    /** A String, File, Path or Cassandra File (whose toString() is its path), or an array of them; null for none. */
    static List<Path> paths(Object value) {
        List<Path> paths = new ArrayList<>();
        if (value == null) {
            return paths;
        }
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                paths.addAll(paths(Array.get(value, i)));
            }
            return paths;
        }
        Path path = value instanceof Path ? (Path) value
                : value instanceof File ? ((File) value).toPath()
                : Paths.get(value.toString());
        paths.add(path.toAbsolutePath().normalize());
        return paths;
    }
}
