package io.cassmon.exporter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Bytes over a plain socket to 127.0.0.1, for requests no well-behaved client would send. */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} and returns everything the server answers until it closes (or 10 s pass). */
    static String exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                // The server may close before reading everything (a header too large); what it answered still counts.
            }
            return new String(readUntilClosed(socket.getInputStream()), StandardCharsets.ISO_8859_1);
        }
    }

    /** The first line of the answer, e.g. {@code HTTP/1.1 405 Method Not Allowed}, or "" when closed without one. */
    static String statusLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // Reset by the server after its answer.
        }
        return out.toByteArray();
    }
}
