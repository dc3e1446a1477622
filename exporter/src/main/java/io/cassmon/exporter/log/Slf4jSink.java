package io.cassmon.exporter.log;

import java.lang.reflect.Method;

/**
 * Logs through the host's SLF4J, found by reflection: the agent must never bundle a logging library,
 * and Cassandra's logback configuration decides where the lines go.
 */
final class Slf4jSink implements LogSink {
    static final String LOGGER_NAME = "io.cassmon";

    private final Object logger;
    private final Method[] withCause = new Method[Level.values().length];
    private final Method[] plain = new Method[Level.values().length];

    private Slf4jSink(Object logger, Class<?> loggerType) throws NoSuchMethodException {
        this.logger = logger;
        for (Level level : Level.values()) {
            String name = level.name().toLowerCase(java.util.Locale.ROOT);
            plain[level.ordinal()] = loggerType.getMethod(name, String.class);
            withCause[level.ordinal()] = loggerType.getMethod(name, String.class, Throwable.class);
        }
    }

    /** Returns null when the host has no SLF4J. */
    static Slf4jSink create() {
        try {
            ClassLoader loader = ClassLoader.getSystemClassLoader();
            Class<?> factory = Class.forName("org.slf4j.LoggerFactory", true, loader);
            Class<?> loggerType = Class.forName("org.slf4j.Logger", false, loader);
            Object logger = factory.getMethod("getLogger", String.class).invoke(null, LOGGER_NAME);
            return new Slf4jSink(logger, loggerType);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void log(Level level, String message, Throwable cause) {
        try {
            if (cause == null) {
                plain[level.ordinal()].invoke(logger, message);
            } else {
                withCause[level.ordinal()].invoke(logger, message, cause);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            new StderrSink().log(level, message, cause);
        }
    }
}
