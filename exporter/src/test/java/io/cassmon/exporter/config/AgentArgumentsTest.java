package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accepted agent arguments; every refused one is a row of {@link BadConfigMatrixTest}. */
class AgentArgumentsTest {
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
        ''                | 0.0.0.0   | 7095
        9100              | 0.0.0.0   | 9100
        ' 9100 '          | 0.0.0.0   | 9100
        127.0.0.1:9200    | 127.0.0.1 | 9200
        node1.example:80  | node1.example | 80
        [::1]:9300        | ::1       | 9300
        ::1:9300          | ::1       | 9300
        """)
    void acceptsPortAndHostPort(String argument, String host, int port) throws Exception {
        ExporterConfig config = AgentArguments.parse(argument);
        assertEquals(host, config.host());
        assertEquals(port, config.port());
    }

    @Test
    void readsConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cassmon.yml");
        Files.write(file, "http:\n  port: 9444\n".getBytes());
        assertEquals(9444, AgentArguments.parse("config=" + file).port());
    }
}
