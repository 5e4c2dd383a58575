package eu.ai4c.cli.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Peak memory and garbage-collection cost of a measured section: {@link #start()} resets the heap
 * pools' peaks and, where Linux allows it, the process's peak resident set ({@code VmHWM}, reset
 * through {@code /proc/self/clear_refs}); {@link #fields()} reads the peak RSS, the sum of the
 * pools' peaks (an upper bound of the peak heap) and the collections since start. When the RSS
 * peak cannot be reset, {@code peak_rss_mib} is the JVM's peak since it started and
 * {@code rss_peak_reset} says so. Not thread-safe; measures the whole JVM.
 */
public final class MemoryProbe {
    private long gcCount0;
    private long gcMillis0;
    private boolean rssReset;

    private MemoryProbe() {
    }

    /** Collects garbage, resets peaks and starts counting. */
    public static MemoryProbe start() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) pool.resetPeakUsage();
        }
        MemoryProbe p = new MemoryProbe();
        p.rssReset = resetPeakRss();
        p.gcCount0 = gcCount();
        p.gcMillis0 = gcMillis();
        return p;
    }

    /**
     * {@code peak_rss_mib}, {@code rss_peak_reset}, {@code peak_heap_mb}, {@code gc_count},
     * {@code gc_seconds} since {@link #start()}.
     */
    public Map<String, Object> fields() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) peak += pool.getPeakUsage().getUsed();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peak_rss_mib", peakRssMiB());
        m.put("rss_peak_reset", rssReset);
        m.put("peak_heap_mb", Math.round(peak / 1048576.0));
        m.put("gc_count", gcCount() - gcCount0);
        m.put("gc_seconds", (gcMillis() - gcMillis0) / 1000.0);
        return m;
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionTime());
        return n;
    }

    /** Peak resident memory of this process since start or the last reset (VmHWM), in MiB; -1 without /proc. */
    static long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+); false where not allowed. */
    private static boolean resetPeakRss() {
        Path clearRefs = Path.of("/proc/self/clear_refs");
        if (!Files.isWritable(clearRefs)) return false;
        try {
            Files.writeString(clearRefs, "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
