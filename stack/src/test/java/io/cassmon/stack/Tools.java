package io.cassmon.stack;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Prometheus and Alertmanager binaries, found on PATH, and a bounded way to run them. */
public final class Tools {
    static final String INSTALL = "apt-get install -y --no-install-recommends prometheus prometheus-alertmanager";
    private static final long TIMEOUT_SECONDS = 60;

    private Tools() {
    }

    /** The binary's path; a missing binary fails the test with the command that installs it. */
    static Path require(String name) {
        Path binary = find(name);
        return binary != null ? binary
                : fail(name + " is not on PATH; the stack tests run the real binary. Install it with: " + INSTALL);
    }

    /** The binary's path, or null when it is not on PATH. */
    static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs {@code tool args...} in the repository root and returns its exit code and combined output. */
    public static Result run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(require(tool).toString());
        command.addAll(List.of(args));
        try {
            // Output goes to a file, so a tool that hangs cannot block the test beyond the timeout.
            Path output = Files.createTempFile("cassmon-stack-", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(Repo.ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + "s");
                }
                return new Result(command, process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Result(List<String> command, int exitCode, String output) {
        /** For assertion messages: the command and everything it printed. */
        String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + output;
        }
    }
}
