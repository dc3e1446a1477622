package io.cassmon.exporter.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user's password against its bcrypt hash. bcrypt is slow on purpose (tens of milliseconds at cost 10), and
 * Prometheus sends the same credentials on every scrape, so each user's last verified credentials are remembered as
 * an HMAC under a key that lives only in this process: a repeated scrape costs one HMAC, never the password kept in
 * memory. Comparisons are constant-time; an unknown user costs a bcrypt run as a known one does; at most two bcrypt
 * runs happen at once, so wrong passwords cannot take every core.
 */
final class PasswordCheck {
    private static final int CONCURRENT_BCRYPT = 2;

    private final Map<String, String> hashes;
    /** For unknown users: a real hash of the configured cost, so their answer takes as long. */
    private final String decoy;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec cacheKey;
    private final Semaphore bcryptSlots = new Semaphore(CONCURRENT_BCRYPT, true);
    private final AtomicInteger runs = new AtomicInteger();
    private final BCrypt.Verifyer verifyer =
            BCrypt.verifyer(null, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    PasswordCheck(BasicAuthUsers users) {
        this.hashes = users.hashes();
        this.decoy = hashes.values().iterator().next();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
    }

    boolean matches(String user, byte[] password) throws InterruptedException {
        String hash = hashes.get(user);
        byte[] fingerprint = fingerprint(user, password);
        if (hash != null) {
            byte[] known = verified.get(user);
            if (known != null && MessageDigest.isEqual(known, fingerprint)) {
                return true;
            }
        }
        boolean valid = bcrypt(password, hash == null ? decoy : hash) && hash != null;
        if (valid) {
            verified.put(user, fingerprint);
        }
        return valid;
    }

    /** How many bcrypt runs {@link #matches} has made; for tests of the cache. */
    int bcryptRuns() {
        return runs.get();
    }

    private boolean bcrypt(byte[] password, String hash) throws InterruptedException {
        bcryptSlots.acquire();
        try {
            runs.incrementAndGet();
            return verifyer.verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            bcryptSlots.release();
        }
    }

    private byte[] fingerprint(String user, byte[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static void wipe(byte[] password) {
        Arrays.fill(password, (byte) 0);
    }
}
