package eu.ai4c.s1.cd;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * The byte products of {@code S1-CD} computed from its float stack (band 0 coherence, 1 and 2 the
 * backscatter of each date), tile by tile:
 * <ul>
 * <li>{@link #acd}: R = backscatter 1, G = backscatter 2, B = backscatter 2, each stretched between
 *     its two whole-output percentiles ({@link ColourComposite});</li>
 * <li>{@link #mtc}: R, G as ACD, B = coherence (0, 1) → (0, 255);</li>
 * <li>{@link #changeMask}: {@link ChangeMask} of the log-ratio with the given threshold and
 *     coherence limit, then the minimum mapping unit ({@link SmallRegions}). A tile is classified with
 *     a halo of twice the unit: a region under the unit lies within the unit's distance of any of
 *     its pixels, so removing small changes and then filling small holes gives the same result in
 *     the tile as on the whole image.</li>
 * </ul>
 * Composite bands are named red, green, blue (written as RGB GeoTIFFs). No-data: 0 in composites,
 * 255 in the mask. Thread-safe as the stack is.
 */
final class PairDerivedRaster implements Raster {
    private enum Kind { ACD, MTC, MASK }

    private final Raster stack;
    private final Kind kind;
    private final double[] low, high;
    private final double threshold, coherenceLimit;
    private final int minPixels;
    private final List<Band> bands;

    private PairDerivedRaster(Raster stack, Kind kind, double[] low, double[] high, double threshold,
                              double coherenceLimit, int minPixels) {
        this.stack = stack;
        this.kind = kind;
        this.low = low;
        this.high = high;
        this.threshold = threshold;
        this.coherenceLimit = coherenceLimit;
        this.minPixels = minPixels;
        this.bands = kind == Kind.MASK
                ? List.of(new Band("change_mask", DataType.BYTE, 255, true, "", "1 change, 0 no change, 255 no-data"))
                : List.of(new Band("red", DataType.BYTE, 0, false, "", "backscatter 1, stretched"),
                new Band("green", DataType.BYTE, 0, false, "", "backscatter 2, stretched"),
                new Band("blue", DataType.BYTE, 0, false, "", kind == Kind.ACD ? "backscatter 2, stretched" : "coherence × 255"));
    }

    /** ACD of a stack with the stretch limits {low1, low2} … {high1, high2} of its backscatters. */
    static PairDerivedRaster acd(Raster stack, double[] low, double[] high) {
        return new PairDerivedRaster(stack, Kind.ACD, low, high, 0, 0, 0);
    }

    static PairDerivedRaster mtc(Raster stack, double[] low, double[] high) {
        return new PairDerivedRaster(stack, Kind.MTC, low, high, 0, 0, 0);
    }

    static PairDerivedRaster changeMask(Raster stack, double thresholdDb, double coherenceLimit, int minPixels) {
        return new PairDerivedRaster(stack, Kind.MASK, null, null, thresholdDb, coherenceLimit, minPixels);
    }

    @Override
    public int width() {
        return stack.width();
    }

    @Override
    public int height() {
        return stack.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return stack.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return stack.preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        byte[] out;
        if (kind == Kind.MASK) {
            out = mask(region);
        } else if (band == 2 && kind == Kind.MTC) {
            out = ColourComposite.coherence(stack.read(0, region).toFloats());
        } else {
            int date = band == 0 ? 0 : 1;
            out = ColourComposite.stretch(stack.read(1 + date, region).toFloats(), low[date], high[date]);
        }
        return new Block(region, DataType.BYTE, out);
    }

    private byte[] mask(Region region) throws IOException {
        int halo = minPixels > 1 ? 2 * minPixels : 0;
        int x0 = Math.max(0, region.x() - halo), y0 = Math.max(0, region.y() - halo);
        int x1 = Math.min(width(), region.maxX() + halo), y1 = Math.min(height(), region.maxY() + halo);
        Region window = new Region(x0, y0, x1 - x0, y1 - y0);
        float[] coherence = stack.read(0, window).toFloats();
        float[] logRatio = ChangeMask.absoluteLogRatio(stack.read(1, window).toFloats(), stack.read(2, window).toFloats());
        byte[] m = ChangeMask.classify(logRatio, threshold, coherenceLimit < 1 ? coherence : null, coherenceLimit);
        SmallRegions.apply(m, window.width(), window.height(), minPixels);
        byte[] out = new byte[region.width() * region.height()];
        for (int y = 0; y < region.height(); y++) {
            System.arraycopy(m, (region.y() - y0 + y) * window.width() + region.x() - x0, out, y * region.width(), region.width());
        }
        return out;
    }
}
