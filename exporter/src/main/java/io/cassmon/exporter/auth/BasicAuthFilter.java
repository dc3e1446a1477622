package io.cassmon.exporter.auth;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP basic authentication against {@link BasicAuthUsers}: a request without valid credentials gets 401 with
 * {@code WWW-Authenticate: Basic realm="cassmon"} and goes no further.
 */
public final class BasicAuthFilter extends Filter {
    static final String CHALLENGE = "Basic realm=\"cassmon\", charset=\"UTF-8\"";
    private static final byte[] UNAUTHORIZED = "Unauthorized.\n".getBytes(StandardCharsets.UTF_8);
    private static final String PREFIX = "Basic ";

    private final PasswordCheck check;

    public BasicAuthFilter(BasicAuthUsers users) {
        this.check = new PasswordCheck(users);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
            chain.doFilter(exchange);
            return;
        }
        try {
            exchange.getResponseHeaders().set("WWW-Authenticate", CHALLENGE);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(401, head ? -1 : UNAUTHORIZED.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(UNAUTHORIZED);
                }
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public String description() {
        return "HTTP basic authentication (bcrypt)";
    }

    /** For tests: how many bcrypt verifications ran (the rest were answered from the cache). */
    int bcryptRuns() {
        return check.bcryptRuns();
    }

    private boolean authenticated(String header) throws IOException {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = 0;
        while (colon < decoded.length && decoded[colon] != ':') {
            colon++;
        }
        if (colon == decoded.length) {
            PasswordCheck.wipe(decoded);
            return false;
        }
        String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
        byte[] password = new byte[decoded.length - colon - 1];
        System.arraycopy(decoded, colon + 1, password, 0, password.length);
        PasswordCheck.wipe(decoded);
        try {
            return check.matches(user, password);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checking a password");
        } finally {
            PasswordCheck.wipe(password);
        }
    }
}
