package io.cassmon.exporter.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordCheckTest {
    private static final String PROMETHEUS = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(6, "s3cret".toCharArray());
    private static final String GRAFANA = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(6, "other".toCharArray());

    private final PasswordCheck check = new PasswordCheck(users());

    @Test
    void acceptsTheRightPasswordOfEachHashVersion() throws Exception {
        assertTrue(check.matches("prometheus", bytes("s3cret")));
        assertTrue(check.matches("grafana", bytes("other")));
    }

    @Test
    void refusesWrongPasswordsOtherUsersPasswordsAndUnknownUsers() throws Exception {
        assertFalse(check.matches("prometheus", bytes("s3cret ")));
        assertFalse(check.matches("prometheus", bytes("other")));
        assertFalse(check.matches("nobody", bytes("s3cret")));
        assertFalse(check.matches("prometheus", bytes("")));
        assertEquals(4, check.bcryptRuns(), "an unknown user costs a bcrypt run too");
    }

    @Test
    void repeatedScrapesCostOneBcryptRun() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertTrue(check.matches("prometheus", bytes("s3cret")));
        }
        assertFalse(check.matches("prometheus", bytes("wrong")));
        assertTrue(check.matches("prometheus", bytes("s3cret")));
        assertEquals(2, check.bcryptRuns());
    }

    @Test
    void passwordsBeyondBcrypts72BytesAreTruncatedAsHtpasswdDoes() throws Exception {
        String long80 = "x".repeat(80);
        PasswordCheck longs = new PasswordCheck(BasicAuthUsers.of(Map.of("p", BCrypt.with(
                LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A)).hashToString(4, long80.toCharArray()))));
        assertTrue(longs.matches("p", bytes(long80)));
    }

    private static BasicAuthUsers users() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("prometheus", PROMETHEUS);
        users.put("grafana", GRAFANA);
        return BasicAuthUsers.of(users);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
