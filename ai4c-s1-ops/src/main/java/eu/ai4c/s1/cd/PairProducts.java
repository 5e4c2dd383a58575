package eu.ai4c.s1.cd;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Region;
import java.util.List;

/**
 * The byte products of {@code S1-CD} for one tile, computed from a window of its float stack
 * (coherence, backscatter 1, backscatter 2) that holds the tile and a halo around it:
 * <ul>
 * <li>ACD: R = backscatter 1, G = backscatter 2, B = backscatter 2, each stretched between its two
 *     whole-output percentiles ({@link ColourComposite});</li>
 * <li>MTC: R, G as ACD, B = coherence (0, 1) → (0, 255);</li>
 * <li>change mask: {@link ChangeMask} of the log-ratio with the threshold and coherence limit,
 *     then the minimum mapping unit ({@link SmallRegions}). The mask is classified over the window:
 *     a region under the unit lies within the unit's distance of any of its pixels, so with a halo
 *     of twice the unit, removing small changes and then filling small holes gives the same result
 *     in the tile as on the whole image.</li>
 * </ul>
 * No-data: 0 in composites, 255 in the mask. The composites share arrays (read them, do not
 * modify them). Pure kernel; thread-safe.
 */
final class PairProducts {
    static final List<Band> ACD_BANDS = composite("backscatter 2, stretched"),
            MTC_BANDS = composite("coherence × 255");
    static final Band MASK_BAND = new Band("change_mask", DataType.BYTE, 255, true, "", "1 change, 0 no change, 255 no-data");

    private final double[] low, high;
    private final double threshold, coherenceLimit;
    private final int minPixels;

    /** One tile of each product: {@code acd} and {@code mtc} as R, G, B. */
    record Tile(byte[][] acd, byte[][] mtc, byte[] mask) {
    }

    /**
     * @param low  the stretch minimum of backscatter 1 and 2
     * @param high the stretch maximum of backscatter 1 and 2
     */
    PairProducts(double[] low, double[] high, double thresholdDb, double coherenceLimit, int minPixels) {
        this.low = low.clone();
        this.high = high.clone();
        this.threshold = thresholdDb;
        this.coherenceLimit = coherenceLimit;
        this.minPixels = minPixels;
    }

    private static List<Band> composite(String blue) {
        return List.of(new Band("red", DataType.BYTE, 0, false, "", "backscatter 1, stretched"),
                new Band("green", DataType.BYTE, 0, false, "", "backscatter 2, stretched"),
                new Band("blue", DataType.BYTE, 0, false, "", blue));
    }

    /** Pixels the window must extend beyond the tile on each side (clipped at the image edges). */
    int halo() {
        return minPixels > 1 ? 2 * minPixels : 0;
    }

    /** The window to read for {@code tile} in an image of {@code width × height}. */
    Region window(Region tile, int width, int height) {
        int h = halo();
        int x0 = Math.max(0, tile.x() - h), y0 = Math.max(0, tile.y() - h);
        int x1 = Math.min(width, tile.maxX() + h), y1 = Math.min(height, tile.maxY() + h);
        return new Region(x0, y0, x1 - x0, y1 - y0);
    }

    /** The three products over {@code tile} from the stack bands over {@code window} (from {@link #window}). */
    Tile compute(float[] coherence, float[] b1, float[] b2, Region window, Region tile) {
        float[] c1 = crop(b1, window, tile), c2 = crop(b2, window, tile), cc = crop(coherence, window, tile);
        byte[] red = ColourComposite.stretch(c1, low[0], high[0]), green = ColourComposite.stretch(c2, low[1], high[1]);
        // ACD and MTC share their red and green bands, and ACD's blue is its green: the same arrays, so that
        // the writer encodes each once
        byte[][] acd = {red, green, green};
        byte[][] mtc = {red, green, ColourComposite.coherence(cc)};
        float[] logRatio = ChangeMask.absoluteLogRatio(b1, b2);
        byte[] m = ChangeMask.classify(logRatio, threshold, coherenceLimit < 1 ? coherence : null, coherenceLimit);
        SmallRegions.apply(m, window.width(), window.height(), minPixels);
        byte[] mask = new byte[tile.width() * tile.height()];
        for (int y = 0; y < tile.height(); y++) {
            System.arraycopy(m, (tile.y() - window.y() + y) * window.width() + tile.x() - window.x(), mask,
                    y * tile.width(), tile.width());
        }
        return new Tile(acd, mtc, mask);
    }

    private static float[] crop(float[] a, Region window, Region tile) {
        if (window.equals(tile)) return a;
        float[] out = new float[tile.width() * tile.height()];
        for (int y = 0; y < tile.height(); y++) {
            System.arraycopy(a, (tile.y() - window.y() + y) * window.width() + tile.x() - window.x(), out,
                    y * tile.width(), tile.width());
        }
        return out;
    }
}
