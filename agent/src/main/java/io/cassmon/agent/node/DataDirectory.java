package io.cassmon.agent.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A directory Cassandra writes to, and what for ({@code data}, {@code commitlog}, {@code hints}, {@code saved_caches}). */
final class DataDirectory {
    private final String role;
    private final Path path;
    private final List<String> labelValues;

    DataDirectory(String role, Path path) {
        this.role = role;
        this.path = path;
        this.labelValues = Collections.unmodifiableList(Arrays.asList(role, path.toString()));
    }

    String role() {
        return role;
    }

    Path path() {
        return path;
    }

    /** Values of {@link DiskCollector#LABELS}, in order. */
    List<String> labelValues() {
        return labelValues;
    }

    @Override
    public String toString() {
        return role + " " + path;
    }
}
