package io.cassmon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void cpuSinceCountsNewThreadsWholeAndEndedOnesNot() {
        Map<Long, Double> earlier = Map.of(1L, 2.0, 2L, 1.0);
        Map<Long, Double> later = Map.of(1L, 2.5, 3L, 0.25);
        assertEquals(0.75, ProcStat.since(earlier, later), 1e-9);
    }

    @Test
    void readsThisProcessThreadsByGroup() {
        Map<Long, Double> main = ProcStat.cpuSecondsByThread(ProcessHandle.current().pid(), "main");
        assertFalse(main.isEmpty(), "this JVM's main thread");
        assertEquals(ProcStat.cpuSecondsByThreadGroup(ProcessHandle.current().pid()).get("main"),
                main.values().stream().mapToDouble(Double::doubleValue).sum(), 0.05);
    }
}
