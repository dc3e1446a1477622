package io.cassmon.stack.grafana;

import io.cassmon.stack.Tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Debian's {@code promtool} judging PromQL: the expressions are written as recording rules and checked with
 * {@code promtool check rules}, which parses each with Prometheus' own parser. Missing promtool is a failure that says
 * how to install it.
 */
final class PromtoolRules {
    private PromtoolRules() {
    }

    /** Checks {@code groups}: group name → (record name → expression). */
    static Tools.Result check(Map<String, Map<String, String>> groups, Path dir) throws IOException, InterruptedException {
        List<Map<String, Object>> ruleGroups = new ArrayList<>();
        groups.forEach((group, rules) -> {
            List<Map<String, String>> records = new ArrayList<>();
            rules.forEach((record, expr) -> {
                Map<String, String> rule = new LinkedHashMap<>();
                rule.put("record", record);
                rule.put("expr", expr);
                records.add(rule);
            });
            Map<String, Object> ruleGroup = new LinkedHashMap<>();
            ruleGroup.put("name", group);
            ruleGroup.put("rules", records);
            ruleGroups.add(ruleGroup);
        });
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Path file = dir.resolve("dashboard-queries.rules.yml");
        Files.writeString(file, new Yaml(options).dump(Map.of("groups", ruleGroups)));

        return Tools.run("promtool", "check", "rules", file.toString());
    }

}
