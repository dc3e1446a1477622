package io.cassmon.exporter.config;

import io.cassmon.exporter.cassandra.CatalogConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code cassmon.yml}. Unknown keys, duplicate keys and wrong types are errors that name the file, the key
 * path and what was expected; nothing is guessed.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static ExporterConfig load(Path file) throws ConfigException {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ConfigException(file + ": cannot read the configuration file: it is a directory");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the configuration file: " + whyUnreadable(file, e));
        }
        return parse(file.toString(), text);
    }

    private static String whyUnreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            // -javaagent paths are often written relative to where the operator stood, not to Cassandra's directory.
            return "it does not exist" + (file.isAbsolute() ? ""
                    : " (a relative path is read from the working directory " + Paths.get("").toAbsolutePath() + ")");
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied to the user " + System.getProperty("user.name") + ", who runs this JVM";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.toString();
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static ExporterConfig parse(String source, String yamlText) throws ConfigException {
        Object document;
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML keeps the last of two equal keys by default: a second http: section would silently win.
        options.setAllowDuplicateKeys(false);
        try (Reader reader = new StringReader(yamlText)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(source + ": not valid YAML" + yamlProblem(e));
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

    /**
     * Could be a host name or an IP address (v6 ones have two colons or more): not a URL, not host:port. Checked
     * here so that such a typo is reported at startup with the key that holds it, not when binding fails.
     */
    static boolean isHost(String host) {
        return !host.isEmpty() && colons(host) != 1 && !host.matches(".*[\\s/@?#].*");
    }

    private static int colons(String text) {
        return text.length() - text.replace(":", "").length();
    }

    /**
     * " at line L, column C: problem (context at line l, column c)", lines and columns from 1: SnakeYAML's own
     * message repeats the offending line with a caret under it, which is unreadable once on one log line.
     */
    private static String yamlProblem(MarkedYAMLException e) {
        StringBuilder text = new StringBuilder();
        text.append(at(e.getProblemMark())).append(": ");
        String problem = oneLine(e.getProblem());
        // "expected a single document in the stream ... but found another document"
        text.append(problem.startsWith("but ") ? problem.substring("but ".length()) : problem);
        if (e.getContext() != null && e.getContextMark() != null) {
            text.append(" (").append(oneLine(e.getContext())).append(at(e.getContextMark())).append(')');
        }
        return text.toString();
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
