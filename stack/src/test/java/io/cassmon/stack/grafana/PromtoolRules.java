package io.cassmon.stack.grafana;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    static Result check(Map<String, Map<String, String>> groups, Path dir) throws IOException, InterruptedException {
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

        Process process = new ProcessBuilder(binary(), "check", "rules", file.toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("promtool check rules did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException("promtool is not on PATH: install Debian's prometheus package"
                + " (apt-get install -y --no-install-recommends prometheus); .ci/run does");
    }

    record Result(int exitCode, String output) {
    }
}
