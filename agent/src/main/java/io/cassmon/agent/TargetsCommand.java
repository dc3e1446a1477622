package io.cassmon.agent;

import io.cassmon.exporter.http.MetricsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code java -jar cassmon-agent.jar targets HOST:PORT [FILE]}: asks a running node's agent for the cluster's
 * topology and writes a Prometheus {@code file_sd} target file (JSON, name it {@code *.json}), or prints it.
 */
final class TargetsCommand {
    static final String USAGE = "usage: java -jar cassmon-agent.jar targets HOST:PORT [FILE.json]";
    private static final int TIMEOUT_MILLIS = 10_000;

    private TargetsCommand() {
    }

    /** Returns the process exit code; says what went wrong on {@code err}. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println(USAGE);
            return 2;
        }
        String url = "http://" + args[1] + MetricsServer.DISCOVERY_PATH;
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : read(body);
            if (status != 200) {
                err.println("GET " + url + " answered " + status + ": " + text.trim());
                return 1;
            }
            if (args.length == 3) {
                Path file = Paths.get(args[2]);
                Files.write(file, text.getBytes(StandardCharsets.UTF_8));
                out.println("wrote " + file + " from " + url);
            } else {
                out.print(text);
            }
            return 0;
        } catch (IOException e) {
            err.println("cannot read " + url + ": " + e);
            return 1;
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        in.close();
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
