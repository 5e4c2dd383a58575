package eu.ai4c.kit.tile;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
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
 * stage's raster is wrapped by {@link #timed}, and each read adds its own time — its elapsed time
 * minus the time of the timed reads it made of earlier stages on the same thread — so the stages'
 * times add up to the time spent in the chain. Times are summed over threads (thread-seconds).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe.
 */
public final class StageClock {
    /** Per thread: time of the timed reads nested in the current one. */
    private static final ThreadLocal<long[]> NESTED = ThreadLocal.withInitial(() -> new long[1]);
    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** {@code raster} whose reads count towards {@code stage}. */
    public Raster timed(String stage, Raster raster) {
        LongAdder adder = nanos.computeIfAbsent(stage, s -> {
            order.add(s);
            return new LongAdder();
        });
        return new Timed(raster, adder);
    }

    /** Seconds per stage (own time, summed over threads), in the order the stages were declared. */
    public Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : order) out.put(s, nanos.get(s).sum() / 1e9);
        return out;
    }

    private static final class Timed implements Raster {
        private final Raster source;
        private final LongAdder adder;

        Timed(Raster source, LongAdder adder) {
            this.source = source;
            this.adder = adder;
        }

        @Override
        public int width() {
            return source.width();
        }

        @Override
        public int height() {
            return source.height();
        }

        @Override
        public List<Band> bands() {
            return source.bands();
        }

        @Override
        public GeoCoding geoCoding() {
            return source.geoCoding();
        }

        @Override
        public int[] preferredTileSize() {
            return source.preferredTileSize();
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            long[] nested = NESTED.get();
            long outer = nested[0];
            nested[0] = 0;
            long t0 = System.nanoTime();
            try {
                return source.read(band, region);
            } finally {
                long elapsed = System.nanoTime() - t0;
                adder.add(elapsed - nested[0]);
                nested[0] = outer + elapsed;
            }
        }
    }
}
