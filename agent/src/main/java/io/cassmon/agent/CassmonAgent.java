package io.cassmon.agent;

import io.cassmon.exporter.config.AgentArguments;
import io.cassmon.exporter.config.ConfigException;
import io.cassmon.exporter.config.ExporterConfig;
import io.cassmon.exporter.log.Log;
import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:cassmon-agent.jar=[host:]port|config=/path/cassmon.yml}.
 *
 * <p>premain only parses the argument, validates the configuration, registers a class-file transformer for
 * Dropwizard's MetricRegistry and starts one daemon thread; it touches no Cassandra class. Whatever goes wrong,
 * the host JVM starts as if the agent were not there, and one ERROR line says why.
 */
public final class CassmonAgent {
    static final String THREAD_NAME = "cassmon-agent";

    private CassmonAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        try {
            ExporterConfig config = AgentArguments.parse(arguments);
            RegistryCapture.initialise();
            RegistryCaptureTransformer.install(instrumentation);
            Thread thread = new Thread(new AgentRuntime(config, instrumentation), THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        } catch (ConfigException e) {
            error("cassmon agent disabled, the JVM continues without it: " + e.getMessage(), null);
        } catch (Throwable t) {
            // Everything, the JVM's own errors included (unlike on Cassandra's threads, see Fatal): a Throwable
            // escaping premain aborts the JVM before Cassandra starts.
            error("cassmon agent disabled by an internal error, the JVM continues without it", t);
        }
    }

    private static void error(String message, Throwable cause) {
        try {
            Log.error(message, cause);
        } catch (Throwable ignored) {
            // premain returns whatever happens.
        }
    }

    /** {@code java -jar cassmon-agent.jar [targets HOST:PORT [FILE]]}: the targets command, or how to attach it. */
    public static void main(String[] args) {
        if (args.length > 0 && "targets".equals(args[0])) {
            System.exit(TargetsCommand.run(args, System.out, System.err));
        }
        String version = CassmonAgent.class.getPackage().getImplementationVersion();
        System.out.println("cassmon agent " + (version == null ? "(development build)" : version));
        System.out.println("Attach it to Cassandra with a JVM option:");
        System.out.println("  -javaagent:/path/to/cassmon-agent.jar=" + ExporterConfig.DEFAULT_PORT);
        System.out.println("  -javaagent:/path/to/cassmon-agent.jar=config=/path/to/cassmon.yml");
        System.out.println("Write a Prometheus target file from a running node's view of its cluster:");
        System.out.println("  " + TargetsCommand.USAGE.substring("usage: ".length()));
    }
}
