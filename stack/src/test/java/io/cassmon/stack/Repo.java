package io.cassmon.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's stack files: the root is the parent of the {@code stack} module's directory. */
final class Repo {
    static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().getParent();
    static final Path PROMETHEUS = ROOT.resolve("prometheus");
    static final Path RULES = PROMETHEUS.resolve("rules");
    static final Path RULE_TESTS = PROMETHEUS.resolve("tests");
    static final Path ALERTMANAGER = ROOT.resolve("alertmanager");
    static final Path ALERTMANAGER_CONFIG = ALERTMANAGER.resolve("alertmanager.yml");
    static final Path ALERTS_DOC = ROOT.resolve("docs/alerts.md");

    private Repo() {
    }

    /** The files directly in {@code dir} whose names end with {@code suffix}, sorted. */
    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML with SnakeYAML's safe constructor: maps, lists and scalars only. */
    static <T> T yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
