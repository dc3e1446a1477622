package io.cassmon.exporter.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code http.basic_auth.users}: user names and the bcrypt hashes of their passwords (as {@code htpasswd -nBC 10}
 * writes them). No plaintext password is ever configured; {@link #toString()} names the users only.
 */
public final class BasicAuthUsers {
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private final Map<String, String> hashes;

    private BasicAuthUsers(Map<String, String> hashes) {
        this.hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    }

    /** Throws {@link IllegalArgumentException} naming the first user whose entry is not usable. */
    public static BasicAuthUsers of(Map<String, String> hashes) {
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("no users");
        }
        for (Map.Entry<String, String> user : hashes.entrySet()) {
            if (user.getKey().isEmpty() || user.getKey().indexOf(':') >= 0) {
                throw new IllegalArgumentException("user name \"" + user.getKey() + "\" is empty or contains ':',"
                        + " which basic auth cannot carry");
            }
            if (!isBcryptHash(user.getValue())) {
                throw new IllegalArgumentException(user.getKey());
            }
        }
        return new BasicAuthUsers(hashes);
    }

    /** {@code $2a$}, {@code $2b$} or {@code $2y$}, a cost from 04 to 31, 22 characters of salt and 31 of hash. */
    public static boolean isBcryptHash(String text) {
        return text != null && BCRYPT.matcher(text).matches();
    }

    Map<String, String> hashes() {
        return hashes;
    }

    @Override
    public String toString() {
        return "basic auth for " + String.join(", ", hashes.keySet());
    }
}
