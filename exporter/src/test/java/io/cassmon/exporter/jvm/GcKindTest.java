package io.cassmon.exporter.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GcKindTest {
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            // Stop-the-world collectors and G1 (JDK 8, 11, 17; G1 Concurrent GC is JDK 20+'s Remark/Cleanup pauses)
            "Copy                 | end of minor GC     | PAUSE",
            "MarkSweepCompact     | end of major GC     | PAUSE",
            "PS Scavenge          | end of minor GC     | PAUSE",
            "PS MarkSweep         | end of major GC     | PAUSE",
            "ParNew               | end of minor GC     | PAUSE",
            "G1 Young Generation  | end of minor GC     | PAUSE",
            "G1 Old Generation    | end of major GC     | PAUSE",
            "G1 Concurrent GC     | end of GC pause     | PAUSE",
            "ZGC Pauses           | end of GC pause     | PAUSE",
            "ZGC Major Pauses     | end of GC pause     | PAUSE",
            "Shenandoah Pauses    | Init Mark           | PAUSE",
            "Shenandoah Pauses    | Final Mark          | PAUSE",
            // Concurrent collectors' cycles
            "ConcurrentMarkSweep  | end of major GC     | CONCURRENT_CYCLE",
            "ZGC                  | end of major GC     | CONCURRENT_CYCLE",
            "ZGC Cycles           | end of GC cycle     | CONCURRENT_CYCLE",
            "ZGC Minor Cycles     | end of GC cycle     | CONCURRENT_CYCLE",
            "Shenandoah Cycles    | end of GC cycle     | CONCURRENT_CYCLE",
            // Unknown collectors count as pauses
            "scavenge             | end of minor GC     | PAUSE",
    })
    void classifiesEveryHotSpotCollector(String name, String action, GcKind expected) {
        assertEquals(expected, GcKind.of(name, action));
    }
}
