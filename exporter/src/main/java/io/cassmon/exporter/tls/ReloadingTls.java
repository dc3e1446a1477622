package io.cassmon.exporter.tls;

import io.cassmon.exporter.log.Log;
import java.util.concurrent.TimeUnit;

/**
 * The current {@link TlsMaterial}, re-read when its files change. The check runs on handshakes, at most once per
 * interval: a stat of each file, nothing more. A change that loads is logged once and used by the next handshakes;
 * one that does not is logged once and the previous material stays in use.
 */
final class ReloadingTls {
    static final long DEFAULT_CHECK_INTERVAL_MILLIS = 5_000;

    private final TlsSettings settings;
    private final long intervalNanos;
    private volatile Generation current;
    private volatile Generation previous;
    private volatile long nextCheck;
    private FileStamps loaded;
    private FileStamps failed;

    ReloadingTls(TlsSettings settings, long checkIntervalMillis) throws TlsException {
        this.settings = settings;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMillis);
        this.loaded = FileStamps.of(settings.files());
        this.current = new Generation(0, TlsMaterial.load(settings));
        this.previous = current;
        this.nextCheck = System.nanoTime() + intervalNanos;
    }

    TlsMaterial material() {
        return current.material;
    }

    String describe() {
        return current.material.describe();
    }

    /** The generation an alias handed out by {@link ReloadingKeyManager} was chosen from, or null if long gone. */
    Generation generation(int id) {
        Generation now = current;
        if (now.id == id) {
            return now;
        }
        Generation before = previous;
        return before.id == id ? before : null;
    }

    Generation current() {
        maybeReload();
        return current;
    }

    void maybeReload() {
        if (System.nanoTime() - nextCheck < 0) {
            return;
        }
        synchronized (this) {
            if (System.nanoTime() - nextCheck < 0) {
                return;
            }
            nextCheck = System.nanoTime() + intervalNanos;
            FileStamps now = FileStamps.of(settings.files());
            if (now.equals(loaded) || now.equals(failed)) {
                return;
            }
            try {
                TlsMaterial material = TlsMaterial.load(settings);
                previous = current;
                current = new Generation(previous.id + 1, material);
                loaded = now;
                failed = null;
                Log.info("cassmon: TLS files changed, new connections use " + material.describe());
            } catch (TlsException | RuntimeException e) {
                failed = now;
                Log.error("cassmon: TLS files changed but cannot be used, still serving " + current.material.describe()
                        + ": " + e.getMessage());
            }
        }
    }

    /** One loaded version of the material, numbered so that a handshake straddling a reload stays consistent. */
    static final class Generation {
        final int id;
        final TlsMaterial material;

        Generation(int id, TlsMaterial material) {
            this.id = id;
            this.material = material;
        }
    }
}
