package io.cassmon.stack.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cassmon.stack.RepoRoot;
import io.cassmon.stack.YamlFiles;
import io.cassmon.stack.grafana.GrafanaProvisioning;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** docker-compose.yml and what it mounts and builds, checked structurally (no Docker runs here). */
class ComposeFileTest {
    private static final Pattern README_AGENT_LINE =
            Pattern.compile("^(-javaagent:(\\S+?\\.jar)=(\\d+))$", Pattern.MULTILINE);
    /** name:tag or name@digest, the tag carrying a version number; never latest. */
    private static final Pattern PINNED = Pattern.compile("[\\w./-]+(:(?!latest$)[\\w.-]*\\d[\\w.-]*|@sha256:[0-9a-f]{64})");
    private static final String PROMETHEUS_CONFIG_DIR = "/etc/prometheus";
    private static final String COMPOSE_TARGETS = PROMETHEUS_CONFIG_DIR + "/targets";
    private static final long LAPTOP_BYTES = 8L << 30;

    private final ComposeFile compose = ComposeFile.load();
    private final Map<String, Map<String, Object>> services = compose.services();

    ComposeFileTest() throws Exception {
    }

    @Test
    void definesTheWholeStackWithValidDependencies() {
        assertTrue(services.keySet().containsAll(List.of("cassandra-1", "cassandra-2", "cassandra-3", "workload",
                "prometheus", "alertmanager", "alert-receiver", "grafana")), "services: " + services.keySet());
        Set<String> namedVolumes = YamlFiles.map(compose.yaml().get("volumes")).keySet();
        services.forEach((name, service) -> {
            compose.mounts(name).stream().filter(m -> !m.bind()).forEach(m -> assertTrue(
                    namedVolumes.contains(m.source()), name + ": volume " + m.source() + " is not declared"));
            Object dependsOn = service.get("depends_on");
            Map<String, Object> conditions = new HashMap<>();
            if (dependsOn instanceof List<?> list) {
                list.forEach(d -> conditions.put(String.valueOf(d), null));
            } else {
                conditions.putAll(YamlFiles.map(dependsOn));
            }
            conditions.forEach((dependency, spec) -> {
                assertTrue(services.containsKey(dependency), name + " depends on unknown " + dependency);
                if ("service_healthy".equals(YamlFiles.map(spec).get("condition"))) {
                    assertTrue(services.get(dependency).containsKey("healthcheck"),
                            name + " waits for " + dependency + " to be healthy, which has no healthcheck");
                }
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> everyMountedRepositoryPathExists() {
        List<DynamicTest> tests = new ArrayList<>();
        services.keySet().forEach(name -> compose.mounts(name).stream().filter(ComposeFile.Mount::bind).forEach(m ->
                tests.add(dynamicTest(name + " mounts " + m.source(), () -> {
                    assertTrue(m.source().startsWith("./"), name + ": mount repository paths as ./path: " + m.source());
                    assertTrue(Files.exists(RepoRoot.resolve(m.repoPath())), name + ": " + m.source()
                            + " does not exist in the repository");
                    // A mount inside another (read-only) mount needs its mount point to exist in the outer source.
                    for (ComposeFile.Mount outer : compose.mounts(name)) {
                        if (outer.bind() && m.target().startsWith(outer.target() + "/")) {
                            Path point = outer.hostPath().resolve(m.target().substring(outer.target().length() + 1));
                            assertTrue(Files.exists(RepoRoot.resolve(RepoRoot.relative(point))),
                                    name + ": " + m.target() + " is mounted inside " + outer.source()
                                            + ", which must hold its mount point " + RepoRoot.relative(point));
                        }
                    }
                }))));
        return tests.stream();
    }

    @Test
    void buildContextsAndEveryCopiedPathExist() throws Exception {
        for (String name : services.keySet()) {
            Map<String, Object> build = YamlFiles.map(services.get(name).get("build"));
            if (build.isEmpty()) {
                continue;
            }
            Path context = RepoRoot.resolve(String.valueOf(build.get("context"))).normalize();
            assertTrue(Files.isDirectory(context), name + ": build context " + context);
            Dockerfile dockerfile = Dockerfile.read(context.resolve(String.valueOf(build.get("dockerfile"))));
            for (String[] copy : dockerfile.copies()) {
                if (Arrays.stream(copy).anyMatch(w -> w.startsWith("--from"))) {
                    continue;
                }
                List<String> args = Arrays.stream(copy).skip(1).filter(w -> !w.startsWith("--")).toList();
                for (String source : args.subList(0, args.size() - 1)) {
                    assertTrue(Files.exists(context.resolve(source)), dockerfile.file() + ": COPY " + source);
                }
            }
        }
    }

    @Test
    void everyImageIsPinned() throws Exception {
        List<String> images = new ArrayList<>();
        for (String name : services.keySet()) {
            Object image = services.get(name).get("image");
            if (image != null) {
                images.add(name + ": " + image);
            }
            if (services.get(name).containsKey("build")) {
                dockerfile(name).baseImages().forEach(base -> images.add(name + " (Dockerfile): " + base));
            }
            assertTrue(image != null || services.get(name).containsKey("build"), name + ": neither image nor build");
        }
        for (String image : images) {
            assertTrue(PINNED.matcher(image.substring(image.indexOf(": ") + 2)).matches(),
                    "not pinned to a version: " + image);
        }
    }

    @Test
    void threeCassandra5NodesInTwoDatacentersRunTheAgentAsTheReadmeSays() throws Exception {
        Matcher readme = README_AGENT_LINE.matcher(Files.readString(RepoRoot.resolve("README.md")));
        assertTrue(readme.find(), "README.md has no -javaagent install line");
        String line = readme.group(1);
        String jar = readme.group(2);
        List<String> nodes = cassandraNodes();
        assertEquals(3, nodes.size(), "Cassandra nodes: " + nodes);
        Set<String> clusters = new HashSet<>();
        Set<String> datacenters = new HashSet<>();
        for (String node : nodes) {
            Map<String, String> env = compose.environment(node);
            clusters.add(env.get("CASSANDRA_CLUSTER_NAME"));
            datacenters.add(env.get("CASSANDRA_DC"));
            assertTrue(List.of(env.getOrDefault("JVM_EXTRA_OPTS", "").split("\\s+")).contains(line),
                    node + ": JVM_EXTRA_OPTS must carry the README's line " + line);
            assertTrue(env.getOrDefault("MAX_HEAP_SIZE", "").matches("\\d+M"), node + ": MAX_HEAP_SIZE in MB");
            assertEquals("GossipingPropertyFileSnitch", env.get("CASSANDRA_ENDPOINT_SNITCH"), node);
            for (String seed : env.get("CASSANDRA_SEEDS").split(",")) {
                assertTrue(nodes.contains(seed.strip()), node + ": seed " + seed);
            }
            Dockerfile dockerfile = dockerfile(node);
            List<String> bases = dockerfile.baseImages();
            assertTrue(bases.get(bases.size() - 1).matches("cassandra:5\\.0\\.\\d+"), "Cassandra 5.0: " + bases);
            assertTrue(bases.stream().anyMatch(b -> b.startsWith("maven:")), "the agent is built by Maven: " + bases);
            assertTrue(dockerfile.copies().stream().anyMatch(c -> c[1].startsWith("--from")
                    && c[c.length - 1].equals(jar)), node + ": the image puts the agent at " + jar);
        }
        assertEquals(1, clusters.size(), "one cluster: " + clusters);
        assertEquals(2, datacenters.size(), "two datacenters: " + datacenters);
        List<String> bases = dockerfile(nodes.get(0)).baseImages();
        assertEquals(bases.get(bases.size() - 1), services.get("workload").get("image"),
                "the workload's cassandra-stress comes from the nodes' Cassandra image");
    }

    @Test
    void targetFilesLabelEveryNodeWithItsOwnClusterAndDatacenter() throws Exception {
        ComposeFile.Mount targets = compose.mountAt("prometheus", COMPOSE_TARGETS)
                .orElseThrow(() -> new AssertionError("prometheus mounts nothing at " + COMPOSE_TARGETS));
        String agentPort = agentPort();
        Map<String, Integer> seen = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(targets.hostPath())) {
            files = list.filter(f -> f.toString().endsWith(".yml")).toList();
        }
        assertFalse(files.isEmpty(), targets.source() + " has no .yml target file");
        for (Path file : files) {
            for (Object group : YamlFiles.list(YamlFiles.document(file))) {
                Map<String, Object> labels = YamlFiles.map(YamlFiles.map(group).get("labels"));
                for (Object target : YamlFiles.list(YamlFiles.map(group).get("targets"))) {
                    String where = RepoRoot.relative(file) + ": " + target;
                    String[] hostPort = String.valueOf(target).split(":");
                    assertEquals(agentPort, hostPort[1], where + " is not the agent's port");
                    String node = hostPort[0];
                    assertTrue(cassandraNodes().contains(node), where + " is no Cassandra node of " + ComposeFile.FILE);
                    seen.merge(node, 1, Integer::sum);
                    Map<String, String> env = compose.environment(node);
                    assertEquals(env.get("CASSANDRA_CLUSTER_NAME"), labels.get("cluster"), where + ": cluster");
                    assertEquals(env.get("CASSANDRA_DC"), labels.get("dc"), where + ": dc");
                    assertEquals(env.get("CASSANDRA_RACK"), labels.get("rack"), where + ": rack");
                }
            }
        }
        cassandraNodes().forEach(node -> assertEquals(1, seen.getOrDefault(node, 0), node + " listed once"));
    }

    @Test
    void grafanaLoadsTheProvisionedDatasourceAndDashboardsForAnonymousViewers() throws Exception {
        assertTrue(compose.mountAt("grafana", "/etc/grafana/provisioning").map(m -> m.repoPath())
                .filter("grafana/provisioning"::equals).isPresent(), "grafana/provisioning is Grafana's provisioning");
        String dashboards = String.valueOf(YamlFiles.map(
                GrafanaProvisioning.dashboardProviders().get(0).get("options")).get("path"));
        assertEquals("grafana/dashboards", compose.mountAt("grafana", dashboards).map(m -> m.repoPath()).orElse(null),
                GrafanaProvisioning.DASHBOARDS + " reads " + dashboards + ", where grafana/dashboards must be mounted");
        Map<String, String> env = compose.environment("grafana");
        assertEquals("true", env.get("GF_AUTH_ANONYMOUS_ENABLED"));
        assertEquals("Viewer", env.get("GF_AUTH_ANONYMOUS_ORG_ROLE"));
        String home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertTrue(compose.hostPath("grafana", home).filter(Files::isRegularFile).isPresent(), "home dashboard " + home);

        URI url = URI.create(String.valueOf(GrafanaProvisioning.prometheus().get("url")));
        assertTrue(services.containsKey(url.getHost()), "the data source's host is a service: " + url);
        assertEquals(9090, url.getPort(), "Prometheus listens on its default port");
        assertFalse(String.valueOf(services.get("prometheus").get("command")).contains("--web.listen-address"));
    }

    @Test
    void memoryLimitsFitALaptop() {
        long total = 0;
        for (String name : services.keySet()) {
            Object limit = services.get(name).get("mem_limit");
            assertTrue(limit != null, name + ": no mem_limit");
            total += bytes(String.valueOf(limit));
        }
        assertTrue(total <= LAPTOP_BYTES, "memory limits add up to " + (total >> 20) + " MiB");
    }

    @Test
    void prometheusScrapesTheComposeTargetsAndAlertsTheComposeAlertmanager() throws Exception {
        String configFile = flag("prometheus", "--config.file");
        Path host = compose.hostPath("prometheus", configFile).orElseThrow(() ->
                new AssertionError("prometheus' " + configFile + " is not mounted from the repository"));
        Map<String, Object> config = YamlFiles.load(RepoRoot.resolve(RepoRoot.relative(host)));
        String configDir = configFile.substring(0, configFile.lastIndexOf('/'));

        List<String> targetFiles;
        try (Stream<Path> list = Files.list(compose.mountAt("prometheus", COMPOSE_TARGETS).orElseThrow().hostPath())) {
            targetFiles = list.map(f -> COMPOSE_TARGETS + "/" + f.getFileName()).toList();
        }
        List<String> globs = new ArrayList<>();
        for (Object job : YamlFiles.list(config.get("scrape_configs"))) {
            for (Object sd : YamlFiles.list(YamlFiles.map(job).get("file_sd_configs"))) {
                YamlFiles.list(YamlFiles.map(sd).get("files")).forEach(f -> globs.add(absolute(configDir, f)));
            }
        }
        for (String file : targetFiles) {
            assertTrue(globs.stream().anyMatch(glob -> file.matches(globRegex(glob))),
                    "no file_sd_configs of prometheus.yml reads " + file + ": " + globs);
        }
        for (Object rules : YamlFiles.list(config.get("rule_files"))) {
            String path = absolute(configDir, rules);
            assertTrue(compose.hostPath("prometheus", path).isPresent(), "rule file " + path + " is not mounted");
        }
        List<String> alertmanagers = new ArrayList<>();
        for (Object am : YamlFiles.list(YamlFiles.map(config.get("alerting")).get("alertmanagers"))) {
            List<Object> groups = new ArrayList<>(YamlFiles.list(YamlFiles.map(am).get("static_configs")));
            for (Object sd : YamlFiles.list(YamlFiles.map(am).get("file_sd_configs"))) {
                for (Object glob : YamlFiles.list(YamlFiles.map(sd).get("files"))) {
                    for (Path file : matching(absolute(configDir, glob))) {
                        groups.addAll(YamlFiles.list(YamlFiles.document(file)));
                    }
                }
            }
            for (Object group : groups) {
                YamlFiles.list(YamlFiles.map(group).get("targets")).forEach(t -> alertmanagers.add(String.valueOf(t)));
            }
        }
        assertTrue(alertmanagers.contains("alertmanager:9093"),
                "prometheus.yml must send alerts to the compose service alertmanager:9093: " + alertmanagers);
    }

    @Test
    void alertmanagerDeliversToTheComposeReceiver() throws Exception {
        String configFile = flag("alertmanager", "--config.file");
        Path host = compose.hostPath("alertmanager", configFile).orElseThrow();
        String config = Files.readString(RepoRoot.resolve(RepoRoot.relative(host)));
        assertTrue(config.contains("http://alert-receiver:8080/"),
                "a webhook receiver of alertmanager.yml should post to the compose alert-receiver");
    }

    private List<String> cassandraNodes() {
        return services.keySet().stream().filter(n -> compose.environment(n).containsKey("CASSANDRA_CLUSTER_NAME"))
                .toList();
    }

    private Dockerfile dockerfile(String service) throws Exception {
        Map<String, Object> build = YamlFiles.map(services.get(service).get("build"));
        return Dockerfile.read(RepoRoot.resolve(String.valueOf(build.get("context")))
                .resolve(String.valueOf(build.get("dockerfile"))));
    }

    private static String agentPort() throws Exception {
        Matcher readme = README_AGENT_LINE.matcher(Files.readString(RepoRoot.resolve("README.md")));
        assertTrue(readme.find(), "README.md has no -javaagent install line");
        return readme.group(3);
    }

    private String flag(String service, String name) {
        return YamlFiles.list(services.get(service).get("command")).stream().map(String::valueOf)
                .filter(arg -> arg.startsWith(name + "=")).map(arg -> arg.substring(name.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no " + name));
    }

    /** The repository files Prometheus sees at a container path glob. */
    private List<Path> matching(String glob) throws Exception {
        String dir = glob.substring(0, glob.lastIndexOf('/'));
        Path host = compose.hostPath("prometheus", dir).orElseThrow(() -> new AssertionError(dir + " is not mounted"));
        try (Stream<Path> files = Files.list(host)) {
            return files.filter(f -> (dir + "/" + f.getFileName()).matches(globRegex(glob))).sorted().toList();
        }
    }

    private static String absolute(String dir, Object path) {
        String p = String.valueOf(path);
        return p.startsWith("/") ? p : dir + "/" + p;
    }

    private static String globRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> "[^/]*";
                case '?' -> "[^/]";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return regex.toString();
    }

    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size);
        assertTrue(m.matches(), "memory size " + size);
        int shift = switch (m.group(2).toLowerCase()) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
