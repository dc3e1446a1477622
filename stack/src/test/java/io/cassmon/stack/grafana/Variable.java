package io.cassmon.stack.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard template variable. {@code regex} is true for variables that can hold several values or "All": Grafana
 * then formats them as a regular expression, so they belong in {@code =~} matchers only.
 */
public record Variable(String name, boolean regex, String query, JsonNode json) {
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

    static Variable of(JsonNode node) {
        JsonNode query = node.path("query");
        String text = query.isTextual() ? query.asText() : query.path("query").asText();
        boolean regex = node.path("multi").asBoolean(false) || node.path("includeAll").asBoolean(false);
        return new Variable(node.path("name").asText(), regex, text, node);
    }

    /** The series selector of a {@code label_values(selector, label)} query. */
    Optional<String> selector() {
        Matcher m = LABEL_VALUES.matcher(query);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
