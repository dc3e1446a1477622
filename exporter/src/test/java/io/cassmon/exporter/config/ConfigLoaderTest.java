package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {
    @Test
    void emptyDocumentMeansDefaults() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "");
        assertEquals("0.0.0.0", config.host());
        assertEquals(7095, config.port());
    }

    @Test
    void readsListenAddress() throws Exception {
        ExporterConfig config = ConfigLoader.parse("cassmon.yml", "http:\n  host: 127.0.0.1\n  port: 9999\n");
        assertEquals("127.0.0.1", config.host());
        assertEquals(9999, config.port());
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
            arguments("unknown top-level key", "htp: {}",
                "cassmon.yml: unknown key htp (see the configuration reference in README.md)"),
            arguments("unknown nested keys", "http: {prot: 1, hots: x}",
                "cassmon.yml: unknown keys http.prot, http.hots (see the configuration reference in README.md)"),
            arguments("port is a string", "http: {port: abc}",
                "cassmon.yml: http.port: expected an integer from 1 to 65535, got the string \"abc\""),
            arguments("port out of range", "http: {port: 70000}",
                "cassmon.yml: http.port: expected an integer from 1 to 65535, got 70000"),
            arguments("host is a number", "http: {host: 12}",
                "cassmon.yml: http.host: expected a string, got integer 12"),
            arguments("host is empty", "http: {host: ''}",
                "cassmon.yml: http.host: expected a host name or IP address to listen on, got an empty string"),
            arguments("section is a list", "http: [1, 2]",
                "cassmon.yml: http: expected a mapping of keys to values, got a list"),
            arguments("document is a string", "just text",
                "cassmon.yml: the document: expected a mapping of keys to values, got the string \"just text\""),
            arguments("unknown detail level", "metrics: {detail: lots}",
                "cassmon.yml: metrics.detail: expected one of none, default, full, got the string \"lots\""),
            arguments("table rule without a dot", "metrics: {tables: [{match: shop, detail: full}]}",
                "cassmon.yml: metrics.tables[0].match: expected keyspace.table (globs allowed, e.g. \"ks.*\"),"
                    + " got \"shop\""),
            arguments("table rule without match", "metrics: {tables: [{detail: full}]}",
                "cassmon.yml: metrics.tables[0].match: expected keyspace.table globs, e.g. \"shop.*\", but the key"
                    + " is missing"),
            arguments("unknown key in a table rule", "metrics: {tables: [{match: a.b, detial: full}]}",
                "cassmon.yml: unknown key metrics.tables[0].detial (see the configuration reference in README.md)"),
            arguments("include is not a list", "metrics: {include: cassandra_*}",
                "cassmon.yml: metrics.include: expected a list of strings, got the string \"cassandra_*\""),
            arguments("aggregates is not a boolean", "metrics: {aggregates: sometimes}",
                "cassmon.yml: metrics.aggregates: expected true or false, got the string \"sometimes\""),
            arguments("bucket boundary not positive", "metrics: {buckets: {latency: [0.05, 0]}}",
                "cassmon.yml: metrics.buckets.latency: expected default, full or a list of positive numbers"
                    + " (seconds), got an item integer 0"),
            arguments("bucket layout unknown word", "metrics: {buckets: {size: fine}}",
                "cassmon.yml: metrics.buckets.size: expected default, full or a list of positive numbers (bytes),"
                    + " got the string \"fine\""),
            arguments("unknown bucket family", "metrics: {buckets: {time: full}}",
                "cassmon.yml: unknown key metrics.buckets.time (see the configuration reference in README.md)"),
            arguments("invalid YAML", "http: {port: 1",
                "cassmon.yml: not valid YAML: while parsing a flow mapping in 'reader', line 1, column 7:"
                    + " http: {port: 1 ^ expected ',' or '}', but got <stream end> in 'reader', line 1, column 15:"
                    + " http: {port: 1 ^"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badConfigNamesFileKeyAndExpectation(String caseName, String yaml, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.parse("cassmon.yml", yaml));
        assertEquals(message, error.getMessage());
    }

    @Test
    void javaObjectTagsAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cassmon.yml");
        Files.write(file, "http: !!java.net.URL [\"http://x\"]\n".getBytes());
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertEquals(file + ": not valid YAML: Global tag is not allowed: tag:yaml.org,2002:java.net.URL"
                + " in 'reader', line 1, column 7: http: !!java.net.URL [\"http://x\"] ^", error.getMessage());
    }

    @Test
    void unreadableFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yml");
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing + ": cannot read the configuration file: java.nio.file.NoSuchFileException: " + missing,
                error.getMessage());
    }
}
