package io.cassmon.agent.bench;

import io.cassmon.agent.it.CassandraNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures what the agent adds to Cassandra's startup: boots the same version alternately without and with the
 * shaded agent (fresh data directory each time) and prints the boot times, fork to "ready for CQL".
 *
 * <p>Run: {@code mvn -q -pl agent -am package -DskipTests && mvn -q -pl agent exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.cassmon.agent.bench.StartupDelay -Dexec.args="5.0.9 5"}
 */
public final class StartupDelay {
    private StartupDelay() {
    }

    public static void main(String[] args) {
        String version = args.length > 0 ? args[0] : "5.0.9";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String jar = System.getProperty("cassmon.agent.jar", "agent/target/cassmon-agent.jar");
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            without.add(boot(version, "startup-plain-" + round));
            with.add(boot(version, "startup-agent-" + round, "-javaagent:" + jar + "=127.0.0.1:" + (17095 + round)));
            System.out.printf("round %d: without agent %d ms, with agent %d ms%n", round + 1,
                    without.get(round), with.get(round));
        }
        System.out.printf("Cassandra %s, %d rounds: median without agent %d ms, with agent %d ms (min %d / %d)%n",
                version, rounds, median(without), median(with), Collections.min(without), Collections.min(with));
    }

    private static long boot(String version, String name, String... jvmArgs) {
        try (CassandraNode node = CassandraNode.builder(version).name(name).jvmArgs(jvmArgs).build()) {
            node.start();
            Duration startup = node.startupTime();
            return startup.toMillis();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
