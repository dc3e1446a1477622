package io.cassmon.stack.grafana;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading for structural checks of dashboard queries (promtool judges the syntax): the series
 * names an expression selects and the label lists it aggregates by.
 */
final class Promql {
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][\\w:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private Promql() {
    }

    /** The metric names {@code expr} selects, in order. */
    static Set<String> metricNames(String expr) {
        String bare = GROUPING.matcher(RANGE.matcher(MATCHERS.matcher(STRING.matcher(expr).replaceAll("\"\""))
                .replaceAll("{}")).replaceAll("")).replaceAll("");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            boolean call = m.group(2) != null;
            if (!call && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The label lists of every {@code by (...)} in {@code expr}, each as written between the parentheses. */
    static List<List<String>> byLists(String expr) {
        List<List<String>> lists = new ArrayList<>();
        Matcher m = GROUPING.matcher(STRING.matcher(expr).replaceAll("\"\""));
        while (m.find()) {
            if (m.group(1).equals("by")) {
                List<String> labels = new ArrayList<>();
                for (String label : m.group(2).split(",")) {
                    labels.add(label.strip());
                }
                lists.add(labels);
            }
        }
        return lists;
    }
}
