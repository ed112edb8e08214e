package io.jwtdropin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap still in use after full collections: what the structures a test holds retain, measured from outside them
 * (counts alone would miss a bound on entries whose entries grow). The least of a few readings, so that another
 * thread's passing garbage does not count.
 */
public final class RetainedHeap {

    private RetainedHeap() {
    }

    public static long bytes() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** For a failure message: bytes as MiB with one decimal. */
    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
