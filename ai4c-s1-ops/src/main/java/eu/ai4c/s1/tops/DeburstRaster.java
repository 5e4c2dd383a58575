package eu.ai4c.s1.tops;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * A debursted TOPS sub-swath as a lazy raster: output line {@code i} is line
 * {@code plan.lineInBurst(i)} of burst {@code plan.burst(i)} of the source image (whose lines are
 * the bursts one after the other), and samples outside that burst's valid rectangle are no-data
 * (the band's no-data value, or NaN for floating and complex types). A window reads only the
 * source lines it needs, in runs of consecutive lines of one burst. Works on any band type (complex
 * measurements or calibrated intensities). Its lines run on the plan's regular azimuth axis; the
 * SAR geometry is the caller's. Thread-safe as its source.
 */
public final class DeburstRaster implements Raster {
    private final Raster source;
    private final DeburstPlan plan;
    private final int linesPerBurst;

    /**
     * @param source        the sub-swath image, {@code bursts × linesPerBurst} lines
     * @param plan          its deburst plan
     * @param linesPerBurst lines of every burst
     */
    public DeburstRaster(Raster source, DeburstPlan plan, int linesPerBurst) {
        if (source.height() % linesPerBurst != 0) {
            throw new IllegalArgumentException("source of " + source.height() + " lines is no whole number of "
                    + linesPerBurst + "-line bursts");
        }
        this.source = source;
        this.plan = plan;
        this.linesPerBurst = linesPerBurst;
    }

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return plan.lines();
    }

    @Override
    public List<Band> bands() {
        return source.bands();
    }

    @Override
    public GeoCoding geoCoding() {
        return null;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Band b = source.bands().get(band);
        Block out = Block.filled(b.type(), region, b.fillValue());
        int y = region.y();
        while (y < region.maxY()) {
            int k = plan.burst(y), l = plan.lineInBurst(y);
            // a run of output lines taking consecutive lines of the same burst
            int run = 1;
            while (y + run < region.maxY() && plan.burst(y + run) == k && plan.lineInBurst(y + run) == l + run) run++;
            int x0 = Math.max(region.x(), plan.firstValidSample(k));
            int x1 = Math.min(region.maxX(), plan.lastValidSample(k) + 1);
            if (x1 > x0) {
                Block rows = source.read(band, new Region(x0, k * linesPerBurst + l, x1 - x0, run));
                out.copyFrom(new Block(new Region(x0, y, x1 - x0, run), rows.type(), rows.array()));
            }
            y += run;
        }
        return out;
    }
}
