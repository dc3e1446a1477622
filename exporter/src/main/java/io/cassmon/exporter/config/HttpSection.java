package io.cassmon.exporter.config;

import io.cassmon.exporter.auth.BasicAuthUsers;
import io.cassmon.exporter.http.HttpSecurity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code http:}: the listen address, {@code tls} ({@link TlsSection}) and {@code basic_auth}. */
final class HttpSection {
    private final String host;
    private final int port;
    private final HttpSecurity security;

    private HttpSection(String host, int port, HttpSecurity security) {
        this.host = host;
        this.port = port;
        this.security = security;
    }

    static HttpSection read(YamlSection http) throws ConfigException {
        String host = http.string("host", ExporterConfig.DEFAULT_HOST);
        if (host.trim().isEmpty()) {
            throw http.error("host", "expected a host name or IP address to listen on, got an empty string");
        }
        if (!ConfigLoader.isHost(host)) {
            throw http.error("host", "expected a host name or IP address to listen on"
                    + (host.matches("[^:/]*:[0-9]+") ? " (the port goes in http.port)" : "") + ", got "
                    + YamlSection.describe(host));
        }
        int port = http.integer("port", ExporterConfig.DEFAULT_PORT, 1, 65535);
        BasicAuthUsers users = basicAuth(http);
        HttpSecurity security = new HttpSecurity(TlsSection.read(http), users);
        http.rejectUnknownKeys();
        return new HttpSection(host, port, security);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    HttpSecurity security() {
        return security;
    }

    private static BasicAuthUsers basicAuth(YamlSection http) throws ConfigException {
        if (http.raw("basic_auth") == null) {
            return null;
        }
        YamlSection auth = http.section("basic_auth");
        String expected = "expected a mapping of user names to bcrypt hashes, e.g. prometheus: $2y$10$...";
        if (auth.raw("users") == null) {
            throw auth.error("users", expected + ", but the key is missing");
        }
        YamlSection users = auth.section("users");
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String user : users.keys()) {
            Object hash = users.raw(user);
            if (!(hash instanceof String) || !BasicAuthUsers.isBcryptHash((String) hash)) {
                // Never echo the value: someone may have put a plaintext password here.
                throw users.error(user, "expected a bcrypt hash ($2y$, $2b$ or $2a$ and 60 characters, e.g. from"
                        + " htpasswd -nBC 10 " + user + "), got something else (not shown, it may be a password)");
            }
            hashes.put(user, (String) hash);
        }
        if (hashes.isEmpty()) {
            throw auth.error("users", expected + ", got an empty mapping");
        }
        auth.rejectUnknownKeys();
        try {
            return BasicAuthUsers.of(hashes);
        } catch (IllegalArgumentException e) {
            throw auth.error("users", e.getMessage());
        }
    }
}
