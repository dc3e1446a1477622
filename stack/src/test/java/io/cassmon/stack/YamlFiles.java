package io.cassmon.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** YAML read the strict way: safe constructor, duplicate keys rejected, merge keys ({@code <<}) applied. */
public final class YamlFiles {
    private YamlFiles() {
    }

    /** A YAML file whose document is a mapping. */
    public static Map<String, Object> load(Path file) throws IOException {
        Object document = document(file);
        if (!(document instanceof Map)) {
            throw new IOException(RepoRoot.relative(file) + ": expected a YAML mapping, got " + document);
        }
        return map(document);
    }

    /** A YAML file's document, whatever it is. */
    public static Object document(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
