package io.cassmon.agent.it;

import java.util.ArrayList;
import java.util.List;

/** The JVM flags a node needs on Java 17, following Cassandra's conf/jvm-server.options and jvm17-server.options. */
final class JvmOptions {

    /** The JPMS part of Cassandra 5.0's conf/jvm17-server.options. */
    private static final List<String> JAVA17_MODULE_FLAGS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    /** 4.0 and 4.1 reach further into java.base on Java 17 (jamm 0.3, chronicle, their own reflection). */
    private static final List<String> CASSANDRA4_EXTRA_OPENS = List.of(
            "java.util.concurrent", "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.nio",
            "java.net", "java.lang.invoke", "java.math", "java.nio.charset", "sun.nio.fs", "java.nio.file",
            "java.util.regex", "java.time", "java.security", "jdk.internal.misc");

    private JvmOptions() {
    }

    static List<String> forVersion(CassandraVersion version) {
        List<String> flags = new ArrayList<>(List.of(
                "-Xms1G", "-Xmx1G", "-Xss256k",
                "-XX:+UseG1GC", "-XX:+ParallelRefProcEnabled", "-XX:MaxGCPauseMillis=300",
                "-XX:+ExitOnOutOfMemoryError",
                // The stock jvm-server.options enable assertions; the agent must live with them.
                "-ea",
                "-Djava.net.preferIPv4Stack=true",
                "-Djdk.attach.allowAttachSelf=true",
                "-Dio.netty.tryReflectionSetAccessible=true",
                "-Dio.netty.allocator.useCacheForAllThreads=true",
                "-Dio.netty.allocator.maxOrder=11"));
        flags.addAll(JAVA17_MODULE_FLAGS);
        if (version.needsExtraOpens()) {
            for (String pkg : CASSANDRA4_EXTRA_OPENS) {
                flags.add("--add-opens");
                flags.add("java.base/" + pkg + "=ALL-UNNAMED");
            }
        }
        return flags;
    }
}
