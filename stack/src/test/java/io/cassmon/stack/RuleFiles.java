package io.cassmon.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rules of prometheus/rules/*.yml, read as data. */
final class RuleFiles {
    static final Path THRESHOLDS = Repo.RULES.resolve("thresholds.yml");

    private RuleFiles() {
    }

    /** One rule: an alert (with its severity) or a recording rule, and the file it is in. */
    record Rule(Path file, String alert, String record, String expr, Map<String, Object> labels,
                Map<String, Object> annotations) {
        String severity() {
            return (String) labels.get("severity");
        }

        /** How tests and messages name an alert rule: {@code CassandraGcPause/critical}. */
        String id() {
            return alert + "/" + severity();
        }
    }

    static List<Path> files() {
        return Repo.files(Repo.RULES, ".yml");
    }

    static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        for (Path file : files()) {
            Map<String, Object> doc = Repo.yaml(file);
            for (Object group : Repo.list(doc.get("groups"))) {
                for (Object o : Repo.list(Repo.map(group).get("rules"))) {
                    Map<String, Object> rule = Repo.map(o);
                    rules.add(new Rule(file, (String) rule.get("alert"), (String) rule.get("record"),
                            String.valueOf(rule.get("expr")), Repo.map(rule.get("labels")),
                            Repo.map(rule.get("annotations"))));
                }
            }
        }
        return rules;
    }

    static List<Rule> alerts() {
        return all().stream().filter(r -> r.alert() != null).toList();
    }

    static List<Rule> recordings() {
        return all().stream().filter(r -> r.record() != null).toList();
    }
}
