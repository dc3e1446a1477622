package io.cassmon.agent;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link GenericMetricsApp} in its own JVM with the shaded agent attached; closed means stopped. */
final class ForkedApp implements AutoCloseable {
    private final Process process;
    private final List<String> output = new ArrayList<>();

    ForkedApp(String agentArgument) throws IOException {
        String javaBin = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        process = new ProcessBuilder(javaBin, "-javaagent:" + System.getProperty("cassmon.agent.jar") + "=" + agentArgument,
                "-cp", testClasspath(), GenericMetricsApp.class.getName())
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(this::readOutput, "forked-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits (bounded) for a line of output containing {@code text}. */
    String awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                for (String line : output) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                output.wait(100);
            }
        }
        throw new AssertionError("no line containing \"" + text + "\" in 30 s; output so far: " + output());
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (output) {
                    output.add(line);
                    output.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // The process ended.
        }
    }

    /** The test classes and metrics-core, nothing of the agent: it must come from -javaagent alone. */
    private static String testClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.contains("metrics-core")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
