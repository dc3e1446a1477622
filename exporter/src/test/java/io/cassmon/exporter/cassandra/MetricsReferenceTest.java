package io.cassmon.exporter.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class MetricsReferenceTest {
    private static final Path REFERENCE = Paths.get("..", "docs", "metrics.md");

    @Test
    void docsMetricsMdIsGeneratedFromTheCatalog() throws Exception {
        String generated = MetricsReference.markdown();
        if (Boolean.getBoolean("cassmon.docs.write")) {
            Files.write(REFERENCE, generated.getBytes(StandardCharsets.UTF_8));
        }
        String committed = Files.exists(REFERENCE)
                ? new String(Files.readAllBytes(REFERENCE), StandardCharsets.UTF_8) : "(missing)";
        assertEquals(generated, committed, "docs/metrics.md is out of date: run"
                + " `mvn -pl exporter test -Dtest=MetricsReferenceTest -Dcassmon.docs.write=true`");
    }
}
