package io.cassmon.exporter.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Modification time and size of each TLS file: what tells a rewritten file (or a swapped symlink, as Kubernetes
 * secret mounts do) from an unchanged one without reading it.
 */
final class FileStamps {
    private final List<String> stamps;

    private FileStamps(List<String> stamps) {
        this.stamps = stamps;
    }

    static FileStamps of(List<ConfiguredFile> files) {
        List<String> stamps = new ArrayList<>();
        for (ConfiguredFile file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
                stamps.add(attributes.lastModifiedTime() + "/" + attributes.size());
            } catch (IOException e) {
                stamps.add("unreadable: " + e.getClass().getSimpleName());
            }
        }
        return new FileStamps(stamps);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamps && stamps.equals(((FileStamps) other).stamps);
    }

    @Override
    public int hashCode() {
        return stamps.hashCode();
    }
}
