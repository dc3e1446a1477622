package io.cassmon.exporter.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file named by a key of the configuration, so that every error about it names both. */
public final class ConfiguredFile {
    private final String source;
    private final String keyPath;
    private final Path path;

    /** {@code source}: the configuration file; {@code keyPath}: e.g. {@code http.tls.cert_file}. */
    public ConfiguredFile(String source, String keyPath, Path path) {
        this.source = source;
        this.keyPath = keyPath;
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public String keyPath() {
        return keyPath;
    }

    /** The whole file; a missing or unreadable file is a {@link TlsException} naming it. */
    byte[] read() throws TlsException {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw error("cannot read " + path + ": no such file");
        } catch (IOException e) {
            throw error("cannot read " + path + ": " + e);
        }
    }

    /** {@code <config file>: <key path>: <problem>}. */
    TlsException error(String problem) {
        return new TlsException(source + ": " + keyPath + ": " + problem);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
