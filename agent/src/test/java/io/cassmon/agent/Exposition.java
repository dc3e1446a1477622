package io.cassmon.agent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Prometheus text format the agent serves: scraping with bounded waits, and samples with their labels. */
final class Exposition {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Exposition() {
    }

    /** One sample: name, labels in their order, value. */
    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    static String scrape(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Scrapes {@code url} until {@code done} holds, at most {@code seconds}; returns that scrape. */
    static String scrapeUntil(String url, long seconds, String what, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String text = "";
        while (true) {
            try {
                text = scrape(url);
                if (done.test(text)) {
                    return text;
                }
            } catch (IOException notServingYet) {
                text = notServingYet.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + seconds + " s; last scrape of " + url + ":\n" + text);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** Every sample named exactly {@code name}. */
    static List<Sample> samples(String text, String name) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            out.add(new Sample(name, labels, Double.parseDouble(sample.group(3))));
        }
        return out;
    }

    /** The samples named {@code name} whose labels include every {@code key=value} given. */
    static List<Sample> samples(String text, String name, String... keyValues) {
        List<Sample> out = new ArrayList<>();
        for (Sample sample : samples(text, name)) {
            boolean match = true;
            for (int i = 0; i < keyValues.length; i += 2) {
                match &= keyValues[i + 1].equals(sample.label(keyValues[i]));
            }
            if (match) {
                out.add(sample);
            }
        }
        return out;
    }

    /**
     * What appears twice in one exposition and must not: a series (name and labels), or a family's {@code # TYPE}
     * or {@code # HELP} line. Empty when the text is clean.
     */
    static List<String> duplicates(String text) {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : text.split("\n")) {
            String key;
            if (line.startsWith("# TYPE ") || line.startsWith("# HELP ")) {
                String[] words = line.split(" ", 4);
                key = words[1] + " " + words[2];
            } else if (line.isEmpty() || line.startsWith("#")) {
                continue;
            } else {
                key = line.substring(0, line.lastIndexOf(' '));
            }
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        return twice;
    }

    /** The names of the families declared by {@code # TYPE} lines. */
    static List<String> families(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                out.add(line.split(" ")[2]);
            }
        }
        return out;
    }
}
