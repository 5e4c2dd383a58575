package eu.ai4c.kit.tile;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time spent in each stage of a lazy raster chain, where stages run interleaved tile by tile: a
 * stage's raster is wrapped by {@link #timed}, and each read adds its own time — its time minus the
 * time of the timed reads it made of earlier stages on the same thread — so the stages' times add
 * up to the time spent in the chain. Two clocks, summed over threads: elapsed time
 * ({@link #seconds()}, which on a busy machine includes time waiting for a processor) and the
 * threads' CPU time ({@link #cpuSeconds()}, which does not, nor time blocked in I/O).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe.
 */
public final class StageClock {
    /** Per thread: time of the timed reads nested in the current one. */
    private static final ThreadLocal<long[]> NESTED = ThreadLocal.withInitial(() -> new long[2]);
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> cpuNanos = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code raster} whose reads count towards {@code stage}. */
    public Raster timed(String stage, Raster raster) {
        LongAdder adder = nanos.computeIfAbsent(stage, s -> {
            order.add(s);
            return new LongAdder();
        });
        return new Timed(raster, adder, cpuNanos.computeIfAbsent(stage, s -> new LongAdder()));
    }

    /** Seconds per stage (own time, summed over threads), in the order the stages were declared. */
    public Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : order) out.put(s, nanos.get(s).sum() / 1e9);
        return out;
    }

    /** CPU seconds per stage (own time, summed over threads), in declaration order; 0 where the JVM cannot tell. */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : order) out.put(s, cpuNanos.get(s).sum() / 1e9);
        return out;
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    private static final class Timed extends DerivedRaster {
        private final LongAdder adder, cpuAdder;

        Timed(Raster source, LongAdder adder, LongAdder cpuAdder) {
            super(source, source.bands());
            this.adder = adder;
            this.cpuAdder = cpuAdder;
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            long[] nested = NESTED.get();
            long outer = nested[0], outerCpu = nested[1];
            nested[0] = 0;
            nested[1] = 0;
            long t0 = System.nanoTime(), c0 = cpuNow();
            try {
                return source.read(band, region);
            } finally {
                long elapsed = System.nanoTime() - t0, cpu = cpuNow() - c0;
                adder.add(elapsed - nested[0]);
                cpuAdder.add(cpu - nested[1]);
                nested[0] = outer + elapsed;
                nested[1] = outerCpu + cpu;
            }
        }
    }
}
