package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad agent argument and configuration file in one table (bad TLS files, which need generated certificates,
 * are the rows of {@code HttpSecurityConfigTest}): the input and the one message the agent logs for
 * it, word for word (after "cassmon agent disabled, the JVM continues without it: "). Each row goes through
 * {@link AgentArguments#parse}, the path premain takes; the agent module runs every row through premain itself
 * ({@code PremainBadConfigTest}) to prove the JVM goes on with one log line.
 *
 * <p>Placeholders in arguments and messages: {@code {file}} the row's YAML written to a file, {@code {dir}} an
 * empty directory, {@code {cwd}} the working directory, {@code {user}} the user running the tests.
 */
public class BadConfigMatrixTest {
    private static final String USAGE = "; expected [host:]port or config=/path/to/cassmon.yml";
    private static final String README = " (see the configuration reference in README.md)";

    /** A bad input and its message; {@code yaml} is null for argument rows. */
    public record Row(String name, String argument, String yaml, String message) {
        /** The agent argument, with {@code {file}} written (when the row has YAML) into {@code dir}. */
        public String argument(Path dir) throws IOException {
            if (yaml != null) {
                Files.write(dir.resolve("cassmon.yml"), yaml.getBytes(StandardCharsets.UTF_8));
            }
            return resolve(argument, dir);
        }

        /** The expected message for the row's files in {@code dir}. */
        public String message(Path dir) {
            return resolve(message, dir);
        }

        private static String resolve(String text, Path dir) {
            return text.replace("{file}", dir.resolve("cassmon.yml").toString())
                    .replace("{dir}", dir.toString())
                    .replace("{cwd}", Paths.get("").toAbsolutePath().toString())
                    .replace("{user}", System.getProperty("user.name"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachBadConfigIsRefusedWithOneMessageSayingWhatToFix(Row row, @TempDir Path dir) {
        ConfigException error = assertThrows(ConfigException.class, () -> AgentArguments.parse(row.argument(dir)));
        assertEquals(row.message(dir), error.getMessage());
    }

    public static Stream<Row> rows() {
        return Stream.of(
            // The agent argument.
            argument("argument: not a port", "abc",
                "agent argument \"abc\": \"abc\" is not a port number" + USAGE),
            argument("argument: empty host", ":9100",
                "agent argument \":9100\": the host before ':' is empty" + USAGE),
            argument("argument: empty port", "127.0.0.1:",
                "agent argument \"127.0.0.1:\": the port after ':' is empty" + USAGE),
            argument("argument: port 0", "host:0",
                "agent argument \"host:0\": port 0 is outside 1-65535" + USAGE),
            argument("argument: port above 65535", "host:70000",
                "agent argument \"host:70000\": port 70000 is outside 1-65535" + USAGE),
            argument("argument: IPv6 address without a port", "[::1]",
                "agent argument \"[::1]\": an IPv6 address needs a port after it, e.g. [::1]:7095" + USAGE),
            argument("argument: a URL", "http://127.0.0.1:9100",
                "agent argument \"http://127.0.0.1:9100\": \"http://127.0.0.1\" is not a host name or IP address" + USAGE),
            argument("argument: unknown setting", "port=9100",
                "agent argument \"port=9100\": unknown setting \"port\"" + USAGE),
            argument("argument: config= without a path", "config=",
                "agent argument \"config=\": config= needs the path of a YAML file"),
            // The file.
            argument("file: missing", "config={dir}/missing.yml",
                "{dir}/missing.yml: cannot read the configuration file: it does not exist"),
            argument("file: missing, relative path", "config=cassmon-missing.yml",
                "cassmon-missing.yml: cannot read the configuration file: it does not exist (a relative path is read"
                    + " from the working directory {cwd})"),
            argument("file: a directory", "config={dir}",
                "{dir}: cannot read the configuration file: it is a directory"),
            // Linux refuses even root (who runs the tests here) to read this write-only kernel file.
            argument("file: permission denied", "config=/proc/sys/vm/compact_memory",
                "/proc/sys/vm/compact_memory: cannot read the configuration file: permission denied to the user {user},"
                    + " who runs this JVM"),
            // Not YAML.
            yaml("YAML: unclosed flow mapping", "http: {port: 1",
                "{file}: not valid YAML at line 1, column 15: expected ',' or '}', but got <stream end> (while parsing"
                    + " a flow mapping at line 1, column 7)"),
            yaml("YAML: tab indentation", "http:\n\tport: 9100\n",
                "{file}: not valid YAML at line 2, column 1: found character '\\t(TAB)' that cannot start any token."
                    + " (Do not use \\t(TAB) for indentation)"),
            yaml("YAML: bad indentation", "http:\n  port: 9100\n host: 127.0.0.1\n",
                "{file}: not valid YAML at line 3, column 2: expected <block end>, but found '<block mapping start>'"
                    + " (while parsing a block mapping at line 1, column 1)"),
            yaml("YAML: unterminated quote", "http:\n  host: '127.0.0.1\n",
                "{file}: not valid YAML at line 3, column 1: found unexpected end of stream (while scanning a quoted"
                    + " scalar at line 2, column 9)"),
            yaml("YAML: duplicate key", "http:\n  port: 9100\nhttp:\n  port: 9200\n",
                "{file}: not valid YAML at line 3, column 1: found duplicate key http (while constructing a mapping at"
                    + " line 1, column 1)"),
            yaml("YAML: two documents", "http: {port: 9100}\n---\nhttp: {port: 9200}\n",
                "{file}: not valid YAML at line 2, column 1: found another document (expected a single document in"
                    + " the stream at line 1, column 1)"),
            yaml("YAML: undefined alias", "http: *settings\n",
                "{file}: not valid YAML at line 1, column 7: found undefined alias settings"),
            yaml("YAML: Java object tag", "http: !!java.net.URL [\"http://x\"]\n",
                "{file}: not valid YAML at line 1, column 7: Global tag is not allowed: tag:yaml.org,2002:java.net.URL"),
            // The document's shape.
            yaml("document: a string", "just text",
                "{file}: the document: expected a mapping of keys to values, got the string \"just text\""),
            yaml("document: a list", "- http\n",
                "{file}: the document: expected a mapping of keys to values, got a list"),
            yaml("document: a number as a key", "7095: http\n",
                "{file}: keys must be strings, got 7095"),
            yaml("unknown key", "htp: {}",
                "{file}: unknown key htp" + README),
            yaml("unknown keys, nested", "http: {prot: 1, hots: x}",
                "{file}: unknown keys http.prot, http.hots" + README),
            // http
            yaml("http: a list", "http: [1, 2]",
                "{file}: http: expected a mapping of keys to values, got a list"),
            yaml("http: a number", "http: 7095",
                "{file}: http: expected a mapping of keys to values, got 7095"),
            yaml("http.port: a string", "http: {port: abc}",
                "{file}: http.port: expected an integer from 1 to 65535, got the string \"abc\""),
            yaml("http.port: 0", "http: {port: 0}",
                "{file}: http.port: expected an integer from 1 to 65535, got 0"),
            yaml("http.port: above 65535", "http: {port: 70000}",
                "{file}: http.port: expected an integer from 1 to 65535, got 70000"),
            yaml("http.port: beyond int", "http: {port: 5368709120}",
                "{file}: http.port: expected an integer from 1 to 65535, got 5368709120"),
            yaml("http.port: a fraction", "http: {port: 9100.5}",
                "{file}: http.port: expected an integer from 1 to 65535, got 9100.5"),
            yaml("http.port: a list", "http: {port: [9100]}",
                "{file}: http.port: expected an integer from 1 to 65535, got a list"),
            yaml("http.host: a number", "http: {host: 12}",
                "{file}: http.host: expected a string, got 12"),
            yaml("http.host: empty", "http: {host: ''}",
                "{file}: http.host: expected a host name or IP address to listen on, got an empty string"),
            yaml("http.host: a URL", "http: {host: 'http://0.0.0.0'}",
                "{file}: http.host: expected a host name or IP address to listen on, got the string \"http://0.0.0.0\""),
            yaml("http.host: with a port", "http: {host: '127.0.0.1:9100'}",
                "{file}: http.host: expected a host name or IP address to listen on (the port goes in http.port), got"
                    + " the string \"127.0.0.1:9100\""),
            // metrics
            yaml("metrics: a list", "metrics: [detail]",
                "{file}: metrics: expected a mapping of keys to values, got a list"),
            yaml("metrics.detail: unknown level", "metrics: {detail: lots}",
                "{file}: metrics.detail: expected one of none, default, full, got the string \"lots\""),
            yaml("metrics.detail: upper case", "metrics: {detail: FULL}",
                "{file}: metrics.detail: expected one of none, default, full, got the string \"FULL\""),
            yaml("metrics.detail: a number", "metrics: {detail: 2}",
                "{file}: metrics.detail: expected one of none, default, full, got 2"),
            yaml("metrics.tables: a string", "metrics: {tables: 'shop.*'}",
                "{file}: metrics.tables: expected a list of mappings, got the string \"shop.*\""),
            yaml("metrics.tables: a list of strings", "metrics: {tables: ['shop.*']}",
                "{file}: metrics.tables[0]: expected a mapping of keys to values, got the string \"shop.*\""),
            yaml("metrics.tables: match without a dot", "metrics: {tables: [{match: shop, detail: full}]}",
                "{file}: metrics.tables[0].match: expected keyspace.table, each a glob of letters, digits, _, * and ?"
                    + " (e.g. \"shop.*\"), got \"shop\""),
            yaml("metrics.tables: match is a regex", "metrics: {tables: [{match: 'shop.(orders|items)'}]}",
                "{file}: metrics.tables[0].match: expected keyspace.table, each a glob of letters, digits, _, * and ?"
                    + " (e.g. \"shop.*\"), got \"shop.(orders|items)\""),
            yaml("metrics.tables: match with three parts", "metrics: {tables: [{match: a.b.c}]}",
                "{file}: metrics.tables[0].match: expected keyspace.table, each a glob of letters, digits, _, * and ?"
                    + " (e.g. \"shop.*\"), got \"a.b.c\""),
            yaml("metrics.tables: match missing", "metrics: {tables: [{detail: full}]}",
                "{file}: metrics.tables[0].match: expected keyspace.table globs, e.g. \"shop.*\", but the key is"
                    + " missing"),
            yaml("metrics.tables: unknown detail", "metrics: {tables: [{match: shop.*, detail: all}]}",
                "{file}: metrics.tables[0].detail: expected one of none, default, full, got the string \"all\""),
            yaml("metrics.tables: unknown key", "metrics: {tables: [{match: a.b, detial: full}]}",
                "{file}: unknown key metrics.tables[0].detial" + README),
            yaml("metrics.include: a string", "metrics: {include: cassandra_*}",
                "{file}: metrics.include: expected a list of strings, got the string \"cassandra_*\""),
            yaml("metrics.include: a number", "metrics: {include: [cassandra_table_*, 12]}",
                "{file}: metrics.include[1]: expected a string, got 12"),
            yaml("metrics.include: null", "metrics: {include: [~]}",
                "{file}: metrics.include[0]: expected a string, got null"),
            yaml("metrics.include: a Dropwizard name", "metrics: {include: ['org.apache.cassandra.metrics.Table.*']}",
                "{file}: metrics.include[0]: expected a family-name glob of letters, digits, _, :, * and ?"
                    + " (e.g. \"cassandra_table_*\"), got the string \"org.apache.cassandra.metrics.Table.*\""),
            yaml("metrics.exclude: a regex", "metrics: {exclude: ['.*_cas_.*']}",
                "{file}: metrics.exclude[0]: expected a family-name glob of letters, digits, _, :, * and ?"
                    + " (e.g. \"cassandra_table_*\"), got the string \".*_cas_.*\""),
            yaml("metrics.exclude: empty glob", "metrics: {exclude: ['']}",
                "{file}: metrics.exclude[0]: expected a family-name glob of letters, digits, _, :, * and ?"
                    + " (e.g. \"cassandra_table_*\"), got the string \"\""),
            yaml("metrics.aggregates: not a boolean", "metrics: {aggregates: sometimes}",
                "{file}: metrics.aggregates: expected true or false, got the string \"sometimes\""),
            yaml("metrics.topology_labels: quoted", "metrics: {topology_labels: 'true'}",
                "{file}: metrics.topology_labels: expected true or false, got the string \"true\""),
            yaml("metrics.reuse_unchanged_series: a number", "metrics: {reuse_unchanged_series: 1}",
                "{file}: metrics.reuse_unchanged_series: expected true or false, got 1"),
            yaml("metrics.large_partition_threshold_bytes: with a unit",
                "metrics: {large_partition_threshold_bytes: 100MiB}",
                "{file}: metrics.large_partition_threshold_bytes: expected an integer from 1 to 2147483647, got the"
                    + " string \"100MiB\""),
            yaml("metrics.large_partition_threshold_bytes: 0", "metrics: {large_partition_threshold_bytes: 0}",
                "{file}: metrics.large_partition_threshold_bytes: expected an integer from 1 to 2147483647, got 0"),
            // metrics.buckets
            yaml("metrics.buckets: a word", "metrics: {buckets: full}",
                "{file}: metrics.buckets: expected a mapping of keys to values, got the string \"full\""),
            yaml("metrics.buckets: unknown histogram kind", "metrics: {buckets: {time: full}}",
                "{file}: unknown key metrics.buckets.time" + README),
            yaml("metrics.buckets: unknown word", "metrics: {buckets: {size: fine}}",
                "{file}: metrics.buckets.size: expected default, full or a list of positive numbers (bytes), got the"
                    + " string \"fine\""),
            yaml("metrics.buckets: a single number", "metrics: {buckets: {latency: 0.1}}",
                "{file}: metrics.buckets.latency: expected default, full or a list of positive numbers (seconds), got"
                    + " 0.1"),
            yaml("metrics.buckets: empty list", "metrics: {buckets: {count: []}}",
                "{file}: metrics.buckets.count: expected default, full or a list of positive numbers (counts), got an"
                    + " empty list"),
            yaml("metrics.buckets: zero", "metrics: {buckets: {latency: [0.05, 0]}}",
                "{file}: metrics.buckets.latency[1]: expected a positive number (seconds), got 0"),
            yaml("metrics.buckets: negative", "metrics: {buckets: {size: [-1024]}}",
                "{file}: metrics.buckets.size[0]: expected a positive number (bytes), got -1024"),
            yaml("metrics.buckets: with a unit", "metrics: {buckets: {latency: [100ms]}}",
                "{file}: metrics.buckets.latency[0]: expected a positive number (seconds), got the string \"100ms\""),
            yaml("metrics.buckets: .nan", "metrics: {buckets: {count: [1, .nan]}}",
                "{file}: metrics.buckets.count[1]: expected a positive number (counts), got .nan"),
            yaml("metrics.buckets: .inf", "metrics: {buckets: {count: [1, .inf]}}",
                "{file}: metrics.buckets.count[1]: expected a positive number (counts), got .inf"),
            yaml("metrics.buckets: null", "metrics: {buckets: {count: [1, ~]}}",
                "{file}: metrics.buckets.count[1]: expected a positive number (counts), got null"));
    }

    private static Row argument(String name, String argument, String message) {
        return new Row(name, argument, null, message);
    }

    private static Row yaml(String name, String yaml, String message) {
        return new Row(name, "config={file}", yaml, message);
    }
}
