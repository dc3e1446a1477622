package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus {@code scrape_config} examples of docs/security.md are valid Prometheus configuration. */
class SecurityDocTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyScrapeConfigExampleIsValid(@TempDir Path dir) throws Exception {
        List<String> examples = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(Repo.read(Repo.ROOT.resolve("docs/security.md")));
        while (block.find()) {
            if (block.group(1).startsWith("scrape_configs:")) {
                examples.add(block.group(1));
            }
        }
        assertEquals(3, examples.size(), "one example for TLS, client certificates and basic auth");
        for (int i = 0; i < examples.size(); i++) {
            Path config = Files.writeString(dir.resolve("prometheus-" + i + ".yml"), examples.get(i));
            // Syntax only: the certificate and password files of the examples do not exist here.
            Tools.Result result = Tools.run("promtool", "check", "config", "--syntax-only", config.toString());
            assertEquals(0, result.exitCode(), result.describe());
        }
    }
}
