package io.cassmon.agent.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cassmon.agent.it.CassandraNode;
import io.cassmon.agent.it.SharedCassandra;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agent's endpoint on the shared node of the newest tested Cassandra, under abuse from loopback for a bounded
 * time: 100 concurrent scrapers, 20 slowloris connections, oversized headers, garbage bytes and wrong methods, all at
 * once. Cassandra keeps serving CQL, every well-formed scrape succeeds, the agent's threads stay within its two fixed
 * pools, and the stalled connections are cut off by the server.
 */
@ExtendWith(SharedCassandra.Extension.class)
class HttpAbuseIT {
    private static final int SCRAPERS = 100;
    private static final int SCRAPE_ROUNDS = 3;
    private static final int SLOWLORIS = 20;
    /** HttpThreads: 32 connection threads, 5 scrape threads. */
    private static final int CONNECTION_THREADS = 32;
    private static final int SCRAPE_THREADS = 5;
    /** sun.net.httpserver.maxReqTime as the agent sets it, plus the JDK's 1 s timer and slack for a loaded box. */
    private static final Duration MAX_ROUND = Duration.ofSeconds(30);
    private static final Duration SLOW_REQUEST_CUTOFF = Duration.ofSeconds(10 + 1 + 9);

    @Test
    void endpointSurvivesAbuseWhileCassandraServesCql() throws Exception {
        SharedCassandra cassandra = SharedCassandra.get(SharedCassandra.versions().findFirst().orElseThrow());
        CassandraNode node = cassandra.node();
        int port = cassandra.agentPort();
        cassandra.scrape();
        node.session().execute("CREATE KEYSPACE IF NOT EXISTS abuse WITH replication = {'class': 'SimpleStrategy',"
                + " 'replication_factor': 1}");
        node.session().execute("CREATE TABLE IF NOT EXISTS abuse.t (id int PRIMARY KEY, v text)");

        AtomicBoolean attacking = new AtomicBoolean(true);
        long slowestRound = 0;
        int cqlStatements = 0;
        AtomicInteger maxConnectionThreads = new AtomicInteger();
        AtomicInteger maxScrapeThreads = new AtomicInteger();
        ExecutorService attackers = Executors.newFixedThreadPool(8);
        List<Socket> slowloris = new ArrayList<>();
        try {
            for (int i = 0; i < SLOWLORIS; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout((int) SLOW_REQUEST_CUTOFF.toMillis());
                socket.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slowloris.add(socket);
            }
            long slowlorisStart = System.nanoTime();
            Future<?> drip = attackers.submit(() -> drip(slowloris, attacking));
            Future<?> threadWatch = attackers.submit(() -> watchThreads(node.pid(), attacking, maxConnectionThreads,
                    maxScrapeThreads));
            Future<Integer> cql = attackers.submit(() -> cqlLoop(node, attacking));
            List<Future<String>> junk = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                junk.add(attackers.submit(() -> junk(port)));
            }

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(16)).build();
            HttpRequest scrape = HttpRequest.newBuilder(URI.create(cassandra.metricsUrl()))
                    .timeout(Duration.ofSeconds(60)).build();
            int scrapes = 0;
            for (int round = 0; round < SCRAPE_ROUNDS; round++) {
                long roundStart = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
                for (int i = 0; i < SCRAPERS; i++) {
                    responses.add(client.sendAsync(scrape, HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> response : responses) {
                    HttpResponse<String> answer = response.get(90, TimeUnit.SECONDS);
                    assertEquals(200, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("\ncassandra_node_info{"), "a scrape missed Cassandra's families");
                    scrapes++;
                }
                slowestRound = Math.max(slowestRound, System.nanoTime() - roundStart);
            }
            // 100 scrapes at once on 5 scrape threads, next to 20 stalled connections: all done within seconds.
            assertTrue(slowestRound < MAX_ROUND.toNanos(), "100 concurrent scrapes took "
                    + Duration.ofNanos(slowestRound));
            for (Future<String> result : junk) {
                assertEquals("", result.get(60, TimeUnit.SECONDS));
            }
            assertEquals(SCRAPERS * SCRAPE_ROUNDS, scrapes);

            // The stalled connections: the server closes them once they exceed its request time, drip or not.
            attacking.set(false);
            drip.get(10, TimeUnit.SECONDS);
            for (Socket socket : slowloris) {
                assertClosedByServer(socket, slowlorisStart);
            }
            cqlStatements = cql.get(60, TimeUnit.SECONDS);
            assertTrue(cqlStatements > 0, "no CQL statement ran during the attack");
            threadWatch.get(10, TimeUnit.SECONDS);
        } finally {
            attacking.set(false);
            attackers.shutdownNow();
            for (Socket socket : slowloris) {
                socket.close();
            }
        }
        assertTrue(maxConnectionThreads.get() <= CONNECTION_THREADS, "connection threads: " + maxConnectionThreads);
        assertTrue(maxScrapeThreads.get() <= SCRAPE_THREADS, "scrape threads: " + maxScrapeThreads);
        assertTrue(maxConnectionThreads.get() > 0, "no agent thread seen: the thread names changed?");
        System.out.println("HttpAbuseIT: " + SCRAPERS * SCRAPE_ROUNDS + " scrapes, slowest round of " + SCRAPERS
                + " concurrent scrapes " + Duration.ofNanos(slowestRound).toMillis() + " ms; at most "
                + maxConnectionThreads + " connection and " + maxScrapeThreads + " scrape threads; "
                + cqlStatements + " CQL round trips during the attack");
        cassandra.scrape();
    }

    /** One byte per second on each slowloris connection, as long as the server keeps it open. */
    private static Void drip(List<Socket> sockets, AtomicBoolean attacking) throws InterruptedException {
        while (attacking.get()) {
            for (Socket socket : sockets) {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write('X');
                    out.flush();
                } catch (IOException e) {
                    // Closed by the server: what should happen eventually.
                }
            }
            Thread.sleep(1_000);
        }
        return null;
    }

    /** Oversized headers, garbage and wrong methods, round after round; "" when every answer was as expected. */
    private static String junk(int port) throws IOException {
        Random random = new Random(42);
        StringBuilder unexpected = new StringBuilder();
        for (int round = 0; round < 5; round++) {
            expect(unexpected, port, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(12_000)
                    + "\r\nConnection: close\r\n\r\n", "HTTP/1.1 431 ");
            expect(unexpected, port, "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Huge: " + "a".repeat(1 << 20)
                    + "\r\nConnection: close\r\n\r\n", "");
            for (String method : new String[] {"POST", "PUT", "DELETE", "CONNECT", "PROPFIND"}) {
                expect(unexpected, port, method + " /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                        + "Connection: close\r\n\r\nabc", "HTTP/1.1 405 Method Not Allowed");
            }
            byte[] garbage = new byte[4096];
            random.nextBytes(garbage);
            String answer = exchange(port, garbage);
            if (!answer.isEmpty() && !answer.startsWith("HTTP/1.1 400")) {
                unexpected.append("garbage answered ").append(firstLine(answer)).append('\n');
            }
        }
        return unexpected.toString();
    }

    private static void expect(StringBuilder unexpected, int port, String request, String statusLine)
            throws IOException {
        String answer = exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
        if (!firstLine(answer).equals(statusLine)) {
            unexpected.append(firstLine(request)).append(" answered \"").append(firstLine(answer)).append("\"\n");
        }
    }

    private static String exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                // Done sending: garbage without a line end would otherwise wait for the server's request time-out.
                socket.shutdownOutput();
            } catch (SocketException e) {
                // Closed before everything was sent (too large); the answer, if any, still counts.
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // Reset after the answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    private static void assertClosedByServer(Socket socket, long since) throws IOException {
        int read;
        try {
            read = socket.getInputStream().read();
        } catch (SocketException e) {
            read = -1;
        }
        assertEquals(-1, read, "a slowloris connection got an answer instead of being closed");
        assertTrue(System.nanoTime() - since < SLOW_REQUEST_CUTOFF.toNanos() + Duration.ofSeconds(60).toNanos(),
                "a slowloris connection stayed open");
    }

    /** Inserts and reads rows until the attack ends; the number of round trips. */
    private static Integer cqlLoop(CassandraNode node, AtomicBoolean attacking) {
        int statements = 0;
        while (attacking.get()) {
            node.session().execute("INSERT INTO abuse.t (id, v) VALUES (" + statements + ", 'x')");
            assertEquals(1, node.session().execute("SELECT v FROM abuse.t WHERE id = " + statements).all().size());
            statements++;
        }
        return statements;
    }

    /** Samples the node's threads by name from /proc (Linux) every 200 ms, keeping the largest pool sizes seen. */
    private static Void watchThreads(long pid, AtomicBoolean attacking, AtomicInteger connection, AtomicInteger scrape)
            throws IOException, InterruptedException {
        while (attacking.get()) {
            int connectionThreads = 0;
            int scrapeThreads = 0;
            try (Stream<Path> tasks = Files.list(Paths.get("/proc", Long.toString(pid), "task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    String name;
                    try {
                        name = Files.readString(task.resolve("comm")).trim();
                    } catch (IOException e) {
                        continue; // The thread ended between the listing and the read.
                    }
                    // comm holds 15 characters: "cassmon-scrape-1" reads "cassmon-scrape-".
                    if (name.startsWith("cassmon-http-")) {
                        connectionThreads++;
                    } else if (name.startsWith("cassmon-scrape")) {
                        scrapeThreads++;
                    }
                }
            }
            connection.accumulateAndGet(connectionThreads, Math::max);
            scrape.accumulateAndGet(scrapeThreads, Math::max);
            Thread.sleep(200);
        }
        return null;
    }
}
