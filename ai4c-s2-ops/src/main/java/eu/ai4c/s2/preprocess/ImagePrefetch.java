package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.BandImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts decoding the images a run will read, several at once, in the background. A JPEG 2000
 * band is decoded whole on its first read ({@link eu.ai4c.s2.jp2.OpjJp2Raster}), and
 * {@code opj_decompress} keeps about one core busy per image, so without this the bands would be
 * decoded one after the other as the first tiles ask for them. Failures are left to the real
 * reads, which report them. Stateless.
 */
final class ImagePrefetch {
    private static final Logger LOG = LoggerFactory.getLogger(ImagePrefetch.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private ImagePrefetch() {
    }

    /** Reads one pixel of each image on {@code threads} daemon threads (returns at once). */
    static void start(List<BandImage> images, int threads) {
        int n = POOLS.incrementAndGet();
        AtomicInteger k = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, images.size())), r -> {
            Thread t = new Thread(r, "s2-prefetch-" + n + "-" + k.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (BandImage img : images) {
            pool.submit(() -> {
                try {
                    img.raster().read(0, new Region(0, 0, 1, 1));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Prefetch of {} failed; the read will report it: {}", img.location(), e.getMessage());
                }
            });
        }
        pool.shutdown();
    }
}
