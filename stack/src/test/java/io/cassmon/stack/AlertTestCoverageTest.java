package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every alert rule has promtool unit tests that show it firing (with its severity) and silent, so a new alert
 * without tests fails the build. promtool alone cannot tell: it passes a test that expects silence from an
 * alert whose rule file the test does not even load.
 */
class AlertTestCoverageTest {
    /** One alert_rule_test entry: the alert it checks and the severities it expects to fire. */
    private record Case(Path file, String alertname, Set<String> firing) {
    }

    @Test
    void everyAlertRuleHasAFiringAndASilentCase() {
        List<Case> cases = cases();
        List<String> missing = new ArrayList<>();
        for (RuleFiles.Rule alert : RuleFiles.alerts()) {
            List<Case> mine = cases.stream().filter(c -> c.alertname().equals(alert.alert())).toList();
            if (mine.stream().noneMatch(c -> c.firing().contains(alert.severity()))) {
                missing.add(alert.id() + " never fires in prometheus/tests");
            }
            if (mine.stream().allMatch(c -> c.firing().contains(alert.severity()))) {
                missing.add(alert.id() + " is never shown silent in prometheus/tests");
            }
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    @Test
    void everyTestedAlertIsLoadedByItsTestFile() {
        Map<String, Path> definedIn = new HashMap<>();
        RuleFiles.alerts().forEach(a -> definedIn.put(a.alert(), a.file().normalize()));
        for (Case c : cases()) {
            Path rules = definedIn.get(c.alertname());
            assertTrue(rules != null, c.file() + " tests " + c.alertname() + ", which no rule file defines");
            assertTrue(loadedRuleFiles(c.file()).contains(rules), c.file() + " tests " + c.alertname()
                    + " without loading " + rules);
        }
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Path file : Repo.files(Repo.RULE_TESTS, ".test.yml")) {
            Map<String, Object> doc = Repo.yaml(file);
            for (Object test : Repo.list(doc.get("tests"))) {
                for (Object o : Repo.list(Repo.map(test).get("alert_rule_test"))) {
                    Map<String, Object> entry = Repo.map(o);
                    Set<String> firing = new HashSet<>();
                    for (Object alert : Repo.list(entry.get("exp_alerts"))) {
                        firing.add((String) Repo.map(Repo.map(alert).get("exp_labels")).get("severity"));
                    }
                    cases.add(new Case(file, (String) entry.get("alertname"), firing));
                }
            }
        }
        return cases;
    }

    private static Set<Path> loadedRuleFiles(Path testFile) {
        Set<Path> files = new HashSet<>();
        for (Object f : Repo.list(Repo.<Map<String, Object>>yaml(testFile).get("rule_files"))) {
            files.add(testFile.getParent().resolve((String) f).normalize());
        }
        return files;
    }
}
