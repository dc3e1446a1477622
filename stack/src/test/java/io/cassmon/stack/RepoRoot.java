package io.cassmon.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests check: the first directory up from the working directory that holds the parent pom. */
public final class RepoRoot {
    private static final Path ROOT = find();

    private RepoRoot() {
    }

    /** {@code relative} (slash-separated) under the repository root. */
    public static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    /** The repository-relative, slash-separated form of {@code path}. */
    public static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with pom.xml and stack/) above "
                + Path.of("").toAbsolutePath());
    }
}
