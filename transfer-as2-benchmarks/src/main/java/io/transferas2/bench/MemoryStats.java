package io.transferas2.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a JVM used: peak heap as the sum of the heap pools' peak usage (an upper bound: it includes garbage G1 had
 * not collected yet, and the pools peak at different moments), the max heap, and the process's peak resident set
 * ({@code VmHWM} in {@code /proc/self/status}; -1 where there is no procfs).
 */
final class MemoryStats {
    private MemoryStats() {
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Peak resident set size of a process in bytes, -1 if unknown. */
    static long peakRssBytes(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** CPU time (user + system) a process used so far, in ms, from /proc/&lt;pid&gt;/stat; -1 if unknown. */
    static long cpuMillis(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name, in clock ticks
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (the kernel's ABI fixes it for /proc). */
    private static final long CLOCK_TICKS = 100;

    static Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peakHeapBytes", peakHeapBytes());
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        m.put("peakRssBytes", peakRssBytes("self"));
        return m;
    }
}
