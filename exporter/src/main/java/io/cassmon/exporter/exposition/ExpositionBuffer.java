package io.cassmon.exporter.exposition;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that a scrape's text is written into and that is kept for the next scrape, so writing the
 * exposition allocates nothing once the buffer has grown to the exposition's size.
 */
public final class ExpositionBuffer {
    /** The last and the first digit of 0 to 99, for writing numbers two digits at a time. */
    private static final byte[] DIGIT_ONES = new byte[100];
    private static final byte[] DIGIT_TENS = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
        }
    }

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

    void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Appends a copy of {@code length} bytes already written from {@code start} on. */
    void copyFrom(int start, int length) {
        ensure(length);
        System.arraycopy(bytes, start, bytes, size, length);
        size += length;
    }

    /** Copies {@code length} bytes written from {@code start} on into {@code into}. */
    void copyTo(int start, byte[] into, int length) {
        System.arraycopy(bytes, start, into, 0, length);
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** Text known to be ASCII: metric and label names, numbers, syntax. */
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly "the low byte of each char"
    void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        text.getBytes(0, length, bytes, size);
        size += length;
    }

    /**
     * {@code text} as UTF-8 with the exposition format's escapes: backslash and newline always, double quotes
     * too when {@code quotes} (label values, and help in OpenMetrics). A lone surrogate becomes {@code ?}, as the
     * JDK's encoder writes it.
     */
    void writeEscaped(String text, boolean quotes) {
        int length = text.length();
        // No character takes more than three bytes (a surrogate pair four for its two).
        ensure(3 * length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                writeTwo('\\', '\\');
            } else if (c == '\n') {
                writeTwo('\\', 'n');
            } else if (c == '"' && quotes) {
                writeTwo('\\', '"');
            } else if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                writeTwo(0xC0 | (c >> 6), 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                bytes[size++] = (byte) (0xF0 | (codePoint >> 18));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                bytes[size++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                bytes[size++] = '?';
            } else {
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
        int end = size + digits(value);
        int at = end;
        while (value >= 100) {
            int pair = (int) (value % 100);
            value /= 100;
            bytes[--at] = DIGIT_ONES[pair];
            bytes[--at] = DIGIT_TENS[pair];
        }
        if (value >= 10) {
            bytes[--at] = DIGIT_ONES[(int) value];
            bytes[--at] = DIGIT_TENS[(int) value];
        } else {
            bytes[--at] = (byte) ('0' + value);
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

    /** Two bytes within room {@link #writeEscaped} has already ensured. */
    private void writeTwo(int first, int second) {
        bytes[size++] = (byte) first;
        bytes[size++] = (byte) second;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
