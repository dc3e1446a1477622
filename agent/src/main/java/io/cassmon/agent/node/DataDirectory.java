package io.cassmon.agent.node;

import java.nio.file.Path;

/** A directory Cassandra writes to, and what for ({@code data}, {@code commitlog}, {@code hints}, {@code saved_caches}). */
final class DataDirectory {
    private final String role;
    private final Path path;

    DataDirectory(String role, Path path) {
        this.role = role;
        this.path = path;
    }

    String role() {
        return role;
    }

    Path path() {
        return path;
    }

    @Override
    public String toString() {
        return role + " " + path;
    }
}
