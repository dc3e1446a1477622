package io.cassmon.stack.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cassmon.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A provisioned dashboard file ({@code grafana/dashboards/*.json}), read as JSON. */
public record Dashboard(Path file, JsonNode json) {
    public static final String DIRECTORY = "grafana/dashboards";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every dashboard, by file name; a file that is not valid JSON throws, naming the file. */
    public static List<Dashboard> all() {
        try (Stream<Path> files = Files.list(RepoRoot.resolve(DIRECTORY))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(Dashboard::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dashboard read(Path file) {
        try {
            return new Dashboard(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(RepoRoot.relative(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    public String uid() {
        return json.path("uid").asText();
    }

    public String title() {
        return json.path("title").asText();
    }

    public String name() {
        return RepoRoot.relative(file);
    }

    /** Every panel in order, rows included, and the panels a collapsed row holds right after it. */
    public List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        collect(json.path("panels"), panels);
        return panels;
    }

    private void collect(JsonNode nodes, List<Panel> into) {
        for (JsonNode node : nodes) {
            into.add(new Panel(uid(), node));
            collect(node.path("panels"), into);
        }
    }

    /** The template variables, in the order Grafana resolves them. */
    public List<Variable> variables() {
        List<Variable> variables = new ArrayList<>();
        for (JsonNode node : json.path("templating").path("list")) {
            variables.add(Variable.of(node));
        }
        return variables;
    }
}
