package io.cassmon.exporter.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.cassmon.exporter.cassandra.CatalogConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code cassmon.yml}. Unknown keys and wrong types are errors that name the file, the key path and
 * what was expected; nothing is guessed.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static ExporterConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file: " + e);
        }
        return parse(file.toString(), text);
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static ExporterConfig parse(String source, String yamlText) throws ConfigException {
        Object document;
        try (Reader reader = new StringReader(yamlText)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException | IOException e) {
            throw new ConfigException(source + ": not valid YAML: " + oneLine(e.getMessage()));
        }
        YamlSection root = YamlSection.root(source, document);
        HttpSection http = HttpSection.read(root.section("http"));
        CatalogConfig metrics = MetricsSection.read(root.section("metrics"));
        root.rejectUnknownKeys();
        TlsSection.checkFiles(http.security().tls());
        return new ExporterConfig(http.host(), http.port(), metrics, http.security());
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
