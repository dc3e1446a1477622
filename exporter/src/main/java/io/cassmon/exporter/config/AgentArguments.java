package io.cassmon.exporter.config;

import java.nio.file.Paths;

/**
 * The text after {@code -javaagent:cassmon-agent.jar=}: empty (defaults), {@code port},
 * {@code host:port}, {@code [ipv6]:port} or {@code config=/path/to/cassmon.yml}.
 */
public final class AgentArguments {
    private static final String CONFIG_PREFIX = "config=";

    private AgentArguments() {
    }

    public static ExporterConfig parse(String arguments) throws ConfigException {
        String text = arguments == null ? "" : arguments.trim();
        if (text.isEmpty()) {
            return ExporterConfig.defaults();
        }
        if (text.startsWith(CONFIG_PREFIX)) {
            String file = text.substring(CONFIG_PREFIX.length()).trim();
            if (file.isEmpty()) {
                throw new ConfigException("agent argument \"" + text + "\": config= needs the path of a YAML file");
            }
            return ConfigLoader.load(Paths.get(file));
        }
        int equals = text.indexOf('=');
        if (equals >= 0) {
            // e.g. port=9100: every other setting lives in the file.
            throw usage(text, "unknown setting \"" + text.substring(0, equals) + "\"");
        }
        if (text.startsWith("[") && !text.contains("]:")) {
            throw usage(text, "an IPv6 address needs a port after it, e.g. [::1]:" + ExporterConfig.DEFAULT_PORT);
        }
        int colon = text.lastIndexOf(':');
        String host = ExporterConfig.DEFAULT_HOST;
        String port = text;
        if (colon >= 0) {
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw usage(text, "the host before ':' is empty");
            }
            if (port.isEmpty()) {
                throw usage(text, "the port after ':' is empty");
            }
            if (!ConfigLoader.isHost(host)) {
                throw usage(text, "\"" + host + "\" is not a host name or IP address");
            }
        }
        return ExporterConfig.defaults().withListenAddress(host, parsePort(text, port));
    }

    private static int parsePort(String text, String port) throws ConfigException {
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw usage(text, "\"" + port + "\" is not a port number");
        }
        if (number < 1 || number > 65535) {
            throw usage(text, "port " + number + " is outside 1-65535");
        }
        return number;
    }

    private static ConfigException usage(String text, String problem) {
        return new ConfigException("agent argument \"" + text + "\": " + problem
                + "; expected [host:]port or config=/path/to/cassmon.yml");
    }
}
