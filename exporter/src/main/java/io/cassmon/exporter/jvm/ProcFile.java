package io.cassmon.exporter.jvm;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The beginning of a file under {@code /proc}, read into a buffer kept from scrape to scrape and parsed where it lies:
 * no reader, line or string per read. Not thread-safe: its users read and parse under their own lock.
 */
final class ProcFile {
    private final String path;
    private final byte[] buffer;
    private int length;
    private int at;

    /** {@code capacity}: the bytes read at most, enough to hold every line asked for. */
    ProcFile(String path, int capacity) {
        this.path = path;
        this.buffer = new byte[capacity];
    }

    String path() {
        return path;
    }

    /** Reads the file again, up to the capacity; the cursor goes back to its start. */
    void read() throws IOException {
        try (InputStream in = new FileInputStream(path)) {
            length = 0;
            int n;
            while (length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
            }
        }
        at = 0;
    }

    /** Moves the cursor past {@code prefix} at the start of a line; false, and the cursor at the end, if none. */
    boolean seekLine(String prefix) {
        int line = 0;
        while (line < length) {
            if (startsWith(line, prefix)) {
                at = line + prefix.length();
                return true;
            }
            while (line < length && buffer[line] != '\n') {
                line++;
            }
            line++;
        }
        at = length;
        return false;
    }

    /**
     * The next decimal number on the cursor's line after spaces and tabs, the cursor moved past it; -1 if there is
     * none.
     */
    long nextNumber() {
        while (at < length && (buffer[at] == ' ' || buffer[at] == '\t')) {
            at++;
        }
        if (at >= length || buffer[at] < '0' || buffer[at] > '9') {
            return -1;
        }
        long value = 0;
        while (at < length && buffer[at] >= '0' && buffer[at] <= '9') {
            value = value * 10 + (buffer[at++] - '0');
        }
        return value;
    }

    private boolean startsWith(int from, String prefix) {
        if (from + prefix.length() > length) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
