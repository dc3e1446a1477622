package io.cassmon.stack.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;

/** Visits every node of a JSON tree with its path ({@code .panels[3].targets[0].expr}). */
final class JsonTree {
    private JsonTree() {
    }

    /** Every string value, with its path. */
    static void strings(JsonNode root, BiConsumer<String, String> visit) {
        walk(root, "", (path, node) -> {
            if (node.isTextual()) {
                visit.accept(path, node.asText());
            }
        });
    }

    /** Every object, with its path. */
    static void objects(JsonNode root, BiConsumer<String, JsonNode> visit) {
        walk(root, "", (path, node) -> {
            if (node.isObject()) {
                visit.accept(path, node);
            }
        });
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }
}
