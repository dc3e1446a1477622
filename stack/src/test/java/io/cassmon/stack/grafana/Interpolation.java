package io.cassmon.stack.grafana;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's variable syntax in queries and links ({@code $name}, {@code ${name}}, {@code ${name:format}},
 * {@code [[name]]}) and its substitution the way Grafana's Prometheus data source does it: a variable that can hold
 * several values is formatted as an escaped regular expression, any other is inserted as it is.
 */
public final class Interpolation {
    /** Grafana's built-in variables start with two underscores ({@code $__rate_interval}, {@code ${__data.fields.x}}). */
    public static final String BUILT_IN_PREFIX = "__";
    /** Values for the built-in time variables when a caller gives none: a 15 s scrape interval and a 1 h range. */
    public static final Map<String, String> TIME_DEFAULTS = Map.of(
            "__rate_interval", "1m", "__interval", "15s", "__range", "1h", "__range_s", "3600");

    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{(\\w+)(?:[.:][^}]*)?}|\\[\\[(\\w+)(?::[^\\]]*)?]]|\\$(\\w+)");
    private static final String REGEX_SPECIALS = "$^*{}[]'+?.()|";

    private Interpolation() {
    }

    /** The variables {@code text} refers to, once per reference, built-ins included. */
    public static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            names.add(name(m));
        }
        return names;
    }

    /**
     * {@code expr} with every variable replaced. {@code values} holds a value for each variable the expression uses
     * and may override {@link #TIME_DEFAULTS}; {@code regexVariables} are formatted as regular expressions.
     */
    public static String interpolate(String expr, Map<String, String> values, Set<String> regexVariables) {
        Matcher m = REFERENCE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = name(m);
            String value = values.getOrDefault(name, TIME_DEFAULTS.get(name));
            if (value == null) {
                throw new IllegalArgumentException("no value for $" + name + " in " + expr);
            }
            String formatted = regexVariables.contains(name) ? regexEscape(value) : value.replace("\\", "\\\\");
            m.appendReplacement(out, Matcher.quoteReplacement(formatted));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Grafana's escaping of one value of a multi-value variable, inside a PromQL double-quoted string. */
    static String regexEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\\\\\");
            } else if (REGEX_SPECIALS.indexOf(c) >= 0) {
                out.append("\\\\").append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
