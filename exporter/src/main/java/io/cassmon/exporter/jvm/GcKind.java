package io.cassmon.exporter.jvm;

/**
 * Whether a garbage collection notification reports a stop-the-world pause or a concurrent collector's cycle, whose
 * duration is wall-clock time during which the application mostly kept running.
 *
 * <p>What the JDKs report (HotSpot 8, 11, 17; checked against each collector's notifications on JDK 17):
 * <ul>
 * <li>Serial ({@code Copy}, {@code MarkSweepCompact}), Parallel ({@code PS Scavenge}, {@code PS MarkSweep}), CMS's
 *     young {@code ParNew}: pauses, actions "end of minor GC" / "end of major GC".</li>
 * <li>G1: {@code G1 Young Generation} (young and mixed collections) and {@code G1 Old Generation} (full GCs) are
 *     pauses. G1's concurrent marking is reported by no bean on 8 to 19; JDK 20+ adds {@code G1 Concurrent GC}, which
 *     reports the Remark and Cleanup pauses of that cycle (JDK-8297247): pauses too.</li>
 * <li>CMS ({@code ConcurrentMarkSweep}, JDK 8 to 13): one notification per cycle, timed from initial mark to the end of
 *     remark, concurrent phases included: a cycle.</li>
 * <li>ZGC on JDK 11 to 16: a single {@code ZGC} bean timing whole cycles. JDK 17+: {@code ZGC Cycles} (action
 *     "end of GC cycle") and {@code ZGC Pauses}; generational ZGC (21+) {@code ZGC Minor/Major Cycles/Pauses}.</li>
 * <li>Shenandoah: {@code Shenandoah Cycles} ("end of GC cycle") and {@code Shenandoah Pauses}, whose action is the
 *     phase name ("Init Mark", "Final Mark", ...), so pauses cannot be recognised by their action alone.</li>
 * </ul>
 * Anything not known to be concurrent counts as a pause: a pause hidden among cycles would be worse than the reverse.
 */
public enum GcKind {
    PAUSE,
    CONCURRENT_CYCLE;

    static final String CYCLE_ACTION = "end of GC cycle";

    public static GcKind of(String gcName, String gcAction) {
        boolean concurrent = CYCLE_ACTION.equals(gcAction)
                || "ConcurrentMarkSweep".equals(gcName)
                || "ZGC".equals(gcName)
                || (gcName != null && gcName.endsWith(" Cycles"));
        return concurrent ? CONCURRENT_CYCLE : PAUSE;
    }
}
