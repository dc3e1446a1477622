package io.cassmon.agent;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Debian's {@code promtool}, run on real agent output. Missing is a failure that says how to install it. */
final class Promtool {
    private Promtool() {
    }

    /** Runs {@code promtool check metrics} on {@code exposition}; returns its exit code and output. */
    static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("promtool check metrics did not finish in 60 s");
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
