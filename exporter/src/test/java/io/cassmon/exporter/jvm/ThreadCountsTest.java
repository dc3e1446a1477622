package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cassmon.exporter.exposition.ExpositionFormat;
import io.cassmon.exporter.exposition.Expositions;
import io.cassmon.exporter.exposition.SampleSource;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.hotspot.ThreadExports;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ThreadCountsTest {
    /**
     * Both read the live JVM, one after the other: a thread starting or changing state in between makes them differ,
     * so a few tries are allowed. A systematic difference fails every try.
     */
    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void writesWhatThreadExportsWritesWithoutTheDeadlockCounts(ExpositionFormat format) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> waiting = startWaiting(5, release);
        try {
            ThreadExports hotspot = new ThreadExports();
            SampleSource expected = sink -> {
                for (MetricFamilySamples family : hotspot.collect(name -> !name.startsWith("jvm_threads_deadlocked"))) {
                    sink.family(family);
                }
            };
            ThreadCounts counts = new ThreadCounts();
            String want = "";
            String got = "";
            for (int attempt = 0; attempt < 5 && (attempt == 0 || !want.equals(got)); attempt++) {
                want = Expositions.simpleclient(expected, format, Expositions.TOPOLOGY);
                got = Expositions.direct(counts, format, Expositions.TOPOLOGY);
            }
            assertEquals(want, got);
        } finally {
            release.countDown();
            for (Thread thread : waiting) {
                thread.join();
            }
        }
    }

    @Test
    void countsTheMxBeansThreadsAsThreadExportsDoes() {
        Thread waiting = new Thread(() -> { }, "in a group, waiting");
        Thread notListed = new Thread(() -> { }, "in a group, not an id the MXBean gave");
        long[] ids = {waiting.getId(), 0, 424242, 434343};
        // 424242: not in a group (as JFR's recorder thread), asked of the MXBean; 434343: ended since, no info.
        ThreadMXBean fallback = fallback(424242, Thread.State.TIMED_WAITING);

        int[] counts = ThreadCounts.count(ids, new Thread[] {notListed, waiting, null}, 2, fallback);

        int[] expected = new int[counts.length];
        expected[index(Thread.State.NEW)] = 1;
        expected[index(Thread.State.TIMED_WAITING)] = 1;
        expected[index(null)] = 1;
        assertArrayEquals(expected, counts);
    }

    private static int index(Thread.State state) {
        String name = state == null ? ThreadCounts.UNKNOWN : state.name();
        List<MetricFamilySamples.Sample> samples = new ThreadCounts().collect().get(4).samples;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).labelValues.get(0).equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    /** A ThreadMXBean that knows one thread, in {@code state}, by a ThreadInfo of the real bean. */
    private static ThreadMXBean fallback(long id, Thread.State state) {
        ThreadMXBean real = ManagementFactory.getThreadMXBean();
        return (ThreadMXBean) Proxy.newProxyInstance(ThreadMXBean.class.getClassLoader(),
                new Class<?>[] {ThreadMXBean.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getThreadInfo") && args.length == 2 && args[0].equals(id)) {
                        return infoIn(real, state);
                    }
                    if (method.getName().equals("getThreadInfo")) {
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ThreadInfo infoIn(ThreadMXBean real, Thread.State state) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            try {
                release.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sleeper.start();
        try {
            while (true) {
                ThreadInfo info = real.getThreadInfo(sleeper.getId(), 0);
                if (info.getThreadState() == state) {
                    return info;
                }
                Thread.sleep(1);
            }
        } finally {
            release.countDown();
            sleeper.join();
        }
    }

    private static List<Thread> startWaiting(int count, CountDownLatch release) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "waiting-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        return threads;
    }
}
