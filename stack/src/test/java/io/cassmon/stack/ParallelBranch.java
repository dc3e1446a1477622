package io.cassmon.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Prometheus and Alertmanager configuration (prometheus/, alertmanager/) of issue 5 is written on a branch of its
 * own, in parallel with the dashboards and docker-compose.yml. Until the two are merged, checks that need one of its
 * files are skipped, saying so; once merged, they run. Every other missing file is a failure.
 */
public final class ParallelBranch {
    private ParallelBranch() {
    }

    /** {@code relative} under the repository; skips the calling test if it is a not-yet-merged stack file. */
    public static Path assumeMerged(String relative) {
        Path path = RepoRoot.resolve(relative);
        String top = relative.split("/", 2)[0];
        boolean fromRulesBranch = top.equals("prometheus") || top.equals("alertmanager");
        Assumptions.assumeTrue(Files.exists(path) || !fromRulesBranch, () -> relative
                + " is not in this tree yet: it comes with the Prometheus and Alertmanager part of issue 5");
        return path;
    }
}
