package io.cassmon.exporter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentArgumentsTest {
    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
        ''                | 0.0.0.0   | 7095
        9100              | 0.0.0.0   | 9100
        127.0.0.1:9200    | 127.0.0.1 | 9200
        node1.example:80  | node1.example | 80
        [::1]:9300        | ::1       | 9300
        """)
    void acceptsPortAndHostPort(String argument, String host, int port) throws Exception {
        ExporterConfig config = AgentArguments.parse(argument);
        assertEquals(host, config.host());
        assertEquals(port, config.port());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
        abc        | agent argument "abc": "abc" is not a port number; expected [host:]port or config=/path/to/cassmon.yml
        :9100      | agent argument ":9100": the host before ':' is empty; expected [host:]port or config=/path/to/cassmon.yml
        host:0     | agent argument "host:0": port 0 is outside 1-65535; expected [host:]port or config=/path/to/cassmon.yml
        host:70000 | agent argument "host:70000": port 70000 is outside 1-65535; expected [host:]port or config=/path/to/cassmon.yml
        config=    | agent argument "config=": config= needs the path of a YAML file
        """)
    void rejectsMalformedArguments(String argument, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> AgentArguments.parse(argument));
        assertEquals(message, error.getMessage());
    }

    @Test
    void readsConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cassmon.yml");
        Files.write(file, "http:\n  port: 9444\n".getBytes());
        assertEquals(9444, AgentArguments.parse("config=" + file).port());
    }
}
