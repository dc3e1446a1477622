package io.cassmon.exporter.exposition;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that a scrape's text is written into and that is kept for the next scrape, so writing the
 * exposition allocates nothing once the buffer has grown to the exposition's size.
 */
public final class ExpositionBuffer {
    private byte[] bytes;
    private int size;

    public ExpositionBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Forgets everything written after {@code mark}, a former {@link #size()}. */
    void truncate(int mark) {
        size = mark;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes as an output stream, for writers that produce bytes themselves. */
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                ExpositionBuffer.this.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ensure(len);
                System.arraycopy(b, off, bytes, size, len);
                size += len;
            }
        };
    }

    void append(ExpositionBuffer other) {
        ensure(other.size);
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size += other.size;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** Text known to be ASCII: metric and label names, numbers, syntax. */
    void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    /**
     * {@code text} as UTF-8 with the exposition format's escapes: backslash and newline always, double quotes
     * too when {@code quotes} (label values, and help in OpenMetrics). A lone surrogate becomes {@code ?}, as the
     * JDK's encoder writes it.
     */
    void writeEscaped(String text, boolean quotes) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                writeTwo('\\', '\\');
            } else if (c == '\n') {
                writeTwo('\\', 'n');
            } else if (c == '"' && quotes) {
                writeTwo('\\', '"');
            } else if (c < 0x80) {
                write(c);
            } else if (c < 0x800) {
                writeTwo(0xC0 | (c >> 6), 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                ensure(4);
                bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                write('?');
            } else {
                ensure(3);
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /** The decimal digits of {@code value}, with a minus sign when negative. */
    void writeLong(long value) {
        if (value == Long.MIN_VALUE) {
            writeAscii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int digits = digits(value);
        int end = size + digits;
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        size = end;
    }

    /** Number of decimal digits of a non-negative {@code value}. */
    static int digits(long value) {
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    private void writeTwo(int first, int second) {
        ensure(2);
        bytes[size++] = (byte) first;
        bytes[size++] = (byte) second;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
