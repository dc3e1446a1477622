package io.cassmon.stack.compose;

import io.cassmon.stack.RepoRoot;
import io.cassmon.stack.YamlFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** docker-compose.yml, read as YAML with its merge keys applied (Docker is not needed). */
record ComposeFile(Map<String, Object> yaml) {
    static final String FILE = "docker-compose.yml";

    static ComposeFile load() throws IOException {
        return new ComposeFile(YamlFiles.load(RepoRoot.resolve(FILE)));
    }

    Map<String, Map<String, Object>> services() {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        YamlFiles.map(yaml.get("services")).forEach((name, service) -> services.put(name, YamlFiles.map(service)));
        return services;
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError(FILE + " has no service " + name);
        }
        return service;
    }

    /** The service's environment, in either of Compose's forms (mapping or list of NAME=value). */
    Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            YamlFiles.map(env).forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        return out;
    }

    /** Every volume of the service, short or long syntax. */
    List<Mount> mounts(String name) {
        List<Mount> mounts = new ArrayList<>();
        for (Object volume : YamlFiles.list(service(name).get("volumes"))) {
            if (volume instanceof String text) {
                String[] parts = text.split(":");
                mounts.add(new Mount(name, parts[0], parts[1]));
            } else {
                Map<String, Object> spec = YamlFiles.map(volume);
                mounts.add(new Mount(name, String.valueOf(spec.get("source")), String.valueOf(spec.get("target"))));
            }
        }
        return mounts;
    }

    /** The service's bind mount whose container path is {@code target}. */
    Optional<Mount> mountAt(String name, String target) {
        return mounts(name).stream().filter(m -> m.bind() && m.target().equals(target)).findFirst();
    }

    /** The host path (in the repository) behind a container path of a service, through its bind mounts. */
    Optional<Path> hostPath(String name, String containerPath) {
        return mounts(name).stream().filter(Mount::bind)
                .filter(m -> containerPath.equals(m.target()) || containerPath.startsWith(m.target() + "/"))
                .max((a, b) -> Integer.compare(a.target().length(), b.target().length()))
                .map(m -> m.hostPath().resolve(containerPath.substring(m.target().length()).replaceFirst("^/", "")));
    }

    /** A volume: a bind mount of a repository path (source starting with . or /) or a named volume. */
    record Mount(String service, String source, String target) {
        boolean bind() {
            return source.startsWith(".") || source.startsWith("/");
        }

        /** The repository-relative path of a bind mount's source. */
        String repoPath() {
            return source.replaceFirst("^\\./", "");
        }

        Path hostPath() {
            return RepoRoot.resolve(repoPath()).normalize();
        }
    }
}
