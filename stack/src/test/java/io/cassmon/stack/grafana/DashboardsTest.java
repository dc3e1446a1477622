package io.cassmon.stack.grafana;

import io.cassmon.stack.RepoRoot;
import io.cassmon.stack.Tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cassmon.stack.YamlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioned dashboards under grafana/dashboards, checked structurally and with the real promtool. */
class DashboardsTest {
    private static final Set<String> EXPECTED_UIDS = Set.of("cassmon-cluster-overview", "cassmon-node",
            "cassmon-tables", "cassmon-thread-pools", "cassmon-jvm");
    private static final Set<String> PANEL_TYPES =
            Set.of("row", "timeseries", "stat", "table", "heatmap", "bargauge", "gauge");
    private static final Set<String> INSTANCE_VARIABLES = Set.of("cluster", "dc", "instance");
    /** Values for the variables, with regular-expression characters to exercise Grafana's escaping. */
    private static final Map<String, String> SAMPLE = Map.of("cluster", "cassmon-demo", "dc", "dc1",
            "instance", "10.0.0.1:7095", "keyspace", "shop", "table", "orders");
    private static final Pattern MATCHER =
            Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DASHBOARD_URL = Pattern.compile("/d/([\\w-]+)");

    private final List<Dashboard> dashboards = Dashboard.all();

    @Test
    void theFiveDashboardsHaveStableUniqueUidsAndTitles() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Dashboard d : dashboards) {
            assertTrue(d.uid().matches("cassmon-[a-z0-9-]+"), d.name() + ": uid " + d.uid());
            assertTrue(uids.add(d.uid()), d.name() + ": uid " + d.uid() + " used twice");
            assertTrue(titles.add(d.title()), d.name() + ": title " + d.title() + " used twice");
            assertTrue(d.json().path("id").isMissingNode() || d.json().path("id").isNull(),
                    d.name() + ": a provisioned dashboard carries no database id");
        }
        assertTrue(uids.containsAll(EXPECTED_UIDS), "dashboards: " + uids);
    }

    @Test
    void noExportFormLeftovers() {
        for (Dashboard d : dashboards) {
            for (String key : List.of("__inputs", "__requires", "__elements")) {
                assertTrue(d.json().path(key).isMissingNode(), d.name() + " has " + key);
            }
            JsonTree.strings(d.json(), (path, text) -> assertFalse(text.contains("${DS_"), d.name() + " " + path + ": " + text));
        }
    }

    @Test
    void everyPanelAndVariableUsesTheProvisionedDatasource() throws Exception {
        Map<String, Object> provisioned = GrafanaProvisioning.prometheus();
        String expected = "{\"type\":\"prometheus\",\"uid\":\"" + provisioned.get("uid") + "\"}";
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                if (p.isRow()) {
                    continue;
                }
                assertEquals(expected, p.json().path("datasource").toString(), p + ": datasource");
                for (JsonNode target : p.json().path("targets")) {
                    assertEquals(expected, target.path("datasource").toString(), p + ": target datasource");
                }
            }
            for (Variable v : d.variables()) {
                assertEquals(expected, v.json().path("datasource").toString(), d.name() + ": $" + v.name());
            }
            JsonTree.objects(d.json(), (path, node) -> {
                if (node.has("datasource")) {
                    assertEquals(expected, node.path("datasource").toString(), d.name() + " " + path + ": datasource");
                }
            });
        }
    }

    @Test
    void onlyBuiltInModernPanelTypesEachWithTitleAndQueries() {
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                assertTrue(PANEL_TYPES.contains(p.type()), p + ": panel type " + p.type());
                assertFalse(p.title().isBlank(), p + ": no title");
                if (p.isRow()) {
                    assertTrue(p.queries().isEmpty(), p + ": a row has no queries");
                } else {
                    assertFalse(p.queries().isEmpty(), p + ": no query");
                    p.queries().forEach(q -> assertFalse(q.expr().isBlank(), p + " " + q.refId() + ": empty query"));
                    assertFalse(p.json().path("description").asText().isBlank(), p + ": no description");
                }
            }
        }
    }

    @Test
    void everyDashboardFiltersByClusterDatacenterAndNode() {
        for (Dashboard d : dashboards) {
            Map<String, Variable> variables = d.variables().stream()
                    .collect(Collectors.toMap(Variable::name, v -> v, (a, b) -> a, LinkedHashMap::new));
            for (String name : INSTANCE_VARIABLES) {
                assertTrue(variables.containsKey(name), d.name() + ": no $" + name);
                assertTrue(variables.get(name).query().matches("label_values\\(cassmon_build_info\\b.*, " + name + "\\)"),
                        d.name() + ": $" + name + " should come from cassmon_build_info, which every agent exports: "
                                + variables.get(name).query());
            }
            for (Panel p : d.panels()) {
                p.queries().forEach(q -> assertTrue(q.expr().contains("$cluster"), p + " " + q.refId()
                        + " ignores the cluster filter: " + q.expr()));
            }
        }
        Dashboard tables = dashboard("cassmon-tables");
        List<String> names = tables.variables().stream().map(Variable::name).toList();
        assertTrue(names.containsAll(List.of("keyspace", "table")), tables.name() + ": " + names);
        tables.variables().stream().filter(v -> v.name().equals("keyspace") || v.name().equals("table"))
                .forEach(v -> assertTrue(v.query().contains("cassandra_table_live_sstables"), v.query()));
    }

    @Test
    void everyVariableReferencedIsDefinedBeforeUse() {
        for (Dashboard d : dashboards) {
            Set<String> defined = new HashSet<>();
            for (Variable v : d.variables()) {
                for (String used : userVariables(v.query())) {
                    assertTrue(defined.contains(used), d.name() + ": $" + v.name() + " uses $" + used
                            + ", which is not defined before it");
                }
                defined.add(v.name());
            }
            JsonTree.strings(d.json(), (path, text) -> {
                for (String used : userVariables(text)) {
                    assertTrue(defined.contains(used), d.name() + " " + path + ": $" + used + " is not defined");
                }
            });
        }
    }

    @Test
    void multiValueVariablesAppearOnlyInRegexMatchers() {
        for (Dashboard d : dashboards) {
            Set<String> regexVariables = regexVariables(d);
            for (Panel p : d.panels()) {
                for (Panel.Query q : p.queries()) {
                    long total = Interpolation.references(q.expr()).stream().filter(regexVariables::contains).count();
                    long inRegexMatchers = 0;
                    Matcher m = MATCHER.matcher(q.expr());
                    while (m.find()) {
                        if (m.group(2).endsWith("~")) {
                            inRegexMatchers += Interpolation.references(m.group(3)).stream()
                                    .filter(regexVariables::contains).count();
                        }
                    }
                    assertEquals(total, inRegexMatchers, p + " " + q.refId()
                            + ": a variable that can hold several values belongs in =~ or !~ matchers: " + q.expr());
                }
            }
        }
    }

    @Test
    void everyQueryParsesWithPromtool(@TempDir Path dir) throws Exception {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, String> described = new HashMap<>();
        int n = 0;
        for (PanelQuery q : DashboardQueries.all(SAMPLE)) {
            String record = "dashboard_query:" + q.dashboardUid().replace('-', '_') + ":" + ++n;
            groups.computeIfAbsent(q.dashboardUid(), k -> new LinkedHashMap<>()).put(record, q.expr());
            described.put(record, q.toString());
        }
        for (Dashboard d : dashboards) {
            for (Variable v : d.variables()) {
                String record = "dashboard_variable:" + d.uid().replace('-', '_') + ":" + v.name();
                String selector = Interpolation.interpolate(v.selector().orElseThrow(() -> new AssertionError(
                        d.name() + ": $" + v.name() + " is not label_values(selector, label)")), SAMPLE,
                        regexVariables(d));
                groups.computeIfAbsent(d.uid(), k -> new LinkedHashMap<>()).put(record, selector);
                described.put(record, d.uid() + " $" + v.name() + ": " + selector);
            }
        }
        Tools.Result result = PromtoolRules.check(groups, dir);
        List<String> failing = described.keySet().stream().filter(r -> result.output().contains("\"" + r + "\""))
                .sorted().map(described::get).toList();
        assertEquals(0, result.exitCode(), "promtool check rules rejected dashboard queries:\n" + result.output()
                + "\n" + String.join("\n", failing));
        assertTrue(result.output().contains("SUCCESS: " + described.size() + " rules found"), result.output());
    }

    @Test
    void theListingCoversEveryQueryWithEveryVariableSubstituted() {
        List<PanelQuery> listing = DashboardQueries.all(SAMPLE);
        long queries = dashboards.stream().flatMap(d -> d.panels().stream()).mapToLong(p -> p.queries().size()).sum();
        assertEquals(queries, listing.size());
        for (PanelQuery q : listing) {
            assertFalse(q.expr().contains("$") || q.expr().contains("[["), "left unsubstituted: " + q);
        }
        assertTrue(listing.stream().anyMatch(q -> q.expr().contains("instance=~\"10\\\\.0\\\\.0\\\\.1:7095\"")),
                "a multi-value variable is regex-escaped as Grafana does");
    }

    @Test
    void everySeriesSelectedIsOneTheStackProduces() {
        Set<String> known = KnownSeries.names();
        List<String> unknown = new ArrayList<>();
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                for (Panel.Query q : p.queries()) {
                    Promql.metricNames(q.expr()).stream().filter(name -> !known.contains(name))
                            .forEach(name -> unknown.add(p + " " + q.refId() + ": " + name));
                }
            }
            for (Variable v : d.variables()) {
                Promql.metricNames(v.selector().orElse("")).stream().filter(name -> !known.contains(name))
                        .forEach(name -> unknown.add(d.name() + " $" + v.name() + ": " + name));
            }
        }
        assertTrue(unknown.isEmpty(), "series that neither " + KnownSeries.REFERENCE
                + " nor the other known families list:\n" + String.join("\n", unknown));
    }

    /** Series named level:metric:operation are recording rules: prometheus/rules must record each one used. */
    @Test
    void everyRecordingRuleUsedIsRecorded() throws Exception {
        Path rules = RepoRoot.resolve("prometheus/rules");
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> files = Files.list(rules)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                for (Object group : YamlFiles.list(YamlFiles.load(file).get("groups"))) {
                    for (Object rule : YamlFiles.list(YamlFiles.map(group).get("rules"))) {
                        Object record = YamlFiles.map(rule).get("record");
                        if (record != null) {
                            recorded.add(String.valueOf(record));
                        }
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                for (Panel.Query q : p.queries()) {
                    Promql.metricNames(q.expr()).stream().filter(name -> name.contains(":") && !recorded.contains(name))
                            .forEach(name -> missing.add(p + " " + q.refId() + ": " + name));
                }
            }
        }
        assertTrue(missing.isEmpty(), "recording rules that prometheus/rules does not record:\n"
                + String.join("\n", missing) + "\nrecorded: " + recorded);
    }

    @Test
    void quantilesAndHeatmapsComeFromHistogramBuckets() {
        Map<String, String> families = KnownSeries.families();
        Pattern bucket = Pattern.compile("\\b([a-zA-Z_:][\\w:]*)_bucket\\b");
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                for (Panel.Query q : p.queries()) {
                    String where = p + " " + q.refId() + ": " + q.expr();
                    Matcher m = bucket.matcher(q.expr());
                    while (m.find()) {
                        String family = m.group(1);
                        long uses = count(Pattern.compile("\\b" + family + "_bucket\\b"), q.expr());
                        long rated = count(Pattern.compile("\\brate\\(" + family
                                + "_bucket\\{[^}]*}\\[\\$__rate_interval]\\)"), q.expr());
                        if ("gauge histogram".equals(families.get(family))) {
                            assertFalse(q.expr().contains("rate(" + family), "a gauge histogram is current data, "
                                    + "never a rate: " + where);
                        } else {
                            assertEquals(uses, rated, "buckets of a cumulative histogram are rated over "
                                    + "$__rate_interval: " + where);
                        }
                    }
                    boolean quantile = q.expr().contains("histogram_quantile(");
                    if (quantile || p.type().equals("heatmap")) {
                        assertTrue(q.expr().contains("_bucket"), "from histogram buckets: " + where);
                        assertTrue(Promql.byLists(q.expr()).stream().anyMatch(labels -> labels.contains("le")),
                                "buckets are summed by le: " + where);
                    }
                    assertFalse(quantile && q.expr().contains("cassandra_client_request_latency_seconds_bucket"),
                            "client request quantiles come from the recording rules: " + where);
                }
            }
        }
    }

    @Test
    void everyValueHasAUnit() {
        for (Dashboard d : dashboards) {
            for (Panel p : d.panels()) {
                switch (p.type()) {
                    case "timeseries", "stat", "gauge", "bargauge" -> assertFalse(
                            p.json().path("fieldConfig").path("defaults").path("unit").asText().isBlank(), p + ": unit");
                    case "heatmap" -> assertFalse(p.json().path("options").path("yAxis").path("unit").asText()
                            .isBlank(), p + ": y axis unit");
                    case "table" -> {
                        for (JsonNode override : p.json().path("fieldConfig").path("overrides")) {
                            if (override.path("matcher").path("options").asText().startsWith("Value #")) {
                                assertTrue(override.path("properties").toString().contains("\"id\":\"unit\""),
                                        p + ": unit of " + override.path("matcher"));
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void linksReachExistingDashboardsAndEveryDashboardLinksToTheOthers() {
        Set<String> uids = dashboards.stream().map(Dashboard::uid).collect(Collectors.toSet());
        for (Dashboard d : dashboards) {
            JsonTree.strings(d.json(), (path, text) -> {
                Matcher m = DASHBOARD_URL.matcher(text);
                while (m.find()) {
                    assertTrue(uids.contains(m.group(1)), d.name() + " " + path + " links to no dashboard: " + text);
                }
            });
            Set<String> tags = new TreeSet<>();
            d.json().path("tags").forEach(t -> tags.add(t.asText()));
            assertTrue(tags.contains("cassmon"), d.name() + ": tags " + tags);
            boolean linksToOthers = false;
            for (JsonNode link : d.json().path("links")) {
                linksToOthers |= link.path("type").asText().equals("dashboards")
                        && link.path("tags").toString().equals("[\"cassmon\"]")
                        && link.path("includeVars").asBoolean() && link.path("keepTime").asBoolean();
            }
            assertTrue(linksToOthers, d.name() + ": a link to the cassmon dashboards keeping variables and time");
        }
    }

    @Test
    void panelsFitTheGridWithoutOverlapping() {
        for (Dashboard d : dashboards) {
            Set<Integer> ids = new HashSet<>();
            List<Panel> panels = d.panels();
            for (Panel p : panels) {
                assertTrue(ids.add(p.id()), p + ": id used twice");
                JsonNode g = p.json().path("gridPos");
                assertTrue(g.path("w").asInt() > 0 && g.path("h").asInt() > 0, p + ": size");
                assertTrue(g.path("x").asInt() + g.path("w").asInt() <= 24, p + ": wider than the grid");
            }
            for (int i = 0; i < panels.size(); i++) {
                for (int j = i + 1; j < panels.size(); j++) {
                    assertFalse(overlap(panels.get(i), panels.get(j)), panels.get(i) + " overlaps " + panels.get(j));
                }
            }
        }
    }

    private static long count(Pattern pattern, String text) {
        return pattern.matcher(text).results().count();
    }

    private static boolean overlap(Panel a, Panel b) {
        JsonNode g = a.json().path("gridPos");
        JsonNode h = b.json().path("gridPos");
        return g.path("x").asInt() < h.path("x").asInt() + h.path("w").asInt()
                && h.path("x").asInt() < g.path("x").asInt() + g.path("w").asInt()
                && g.path("y").asInt() < h.path("y").asInt() + h.path("h").asInt()
                && h.path("y").asInt() < g.path("y").asInt() + g.path("h").asInt();
    }

    private Dashboard dashboard(String uid) {
        return dashboards.stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
    }

    private static Set<String> regexVariables(Dashboard d) {
        return d.variables().stream().filter(Variable::regex).map(Variable::name).collect(Collectors.toSet());
    }

    private static List<String> userVariables(String text) {
        return Interpolation.references(text).stream()
                .filter(name -> !name.startsWith(Interpolation.BUILT_IN_PREFIX)).toList();
    }
}
