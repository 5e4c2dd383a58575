package eu.ai4c.s1.tops;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * Debursted sub-swaths merged into one slant-range image as a lazy raster, following a
 * {@link MergePlan}: each run of merged columns from one sub-swath is read from it in one window
 * (its samples are consecutive there), lines where a sub-swath has none are no-data. The sub-swaths
 * must have the same bands; band types are kept. Its SAR geometry is the caller's. Thread-safe as
 * its sources.
 */
public final class MergeRaster implements Raster {
    private final List<Raster> swaths;
    private final MergePlan plan;

    /** @param swaths the debursted sub-swaths, in the plan's order */
    public MergeRaster(List<Raster> swaths, MergePlan plan) {
        if (swaths.size() != plan.subSwaths().size()) {
            throw new IllegalArgumentException(swaths.size() + " rasters for " + plan.subSwaths().size() + " sub-swaths");
        }
        this.swaths = List.copyOf(swaths);
        this.plan = plan;
    }

    @Override
    public int width() {
        return plan.width();
    }

    @Override
    public int height() {
        return plan.lines();
    }

    @Override
    public List<Band> bands() {
        return swaths.get(0).bands();
    }

    @Override
    public GeoCoding geoCoding() {
        return null;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Band b = bands().get(band);
        Block out = Block.filled(b.type(), region, b.fillValue());
        int x = region.x();
        while (x < region.maxX()) {
            int s = plan.subSwath(x), sample = plan.sample(x);
            int run = 1;
            while (x + run < region.maxX() && plan.subSwath(x + run) == s && plan.sample(x + run) == sample + run) run++;
            // the lines of this sub-swath inside the window (consecutive: one azimuth interval for all)
            int y0 = region.y(), y1 = region.maxY();
            while (y0 < y1 && plan.line(s, y0) < 0) y0++;
            while (y1 > y0 && plan.line(s, y1 - 1) < 0) y1--;
            if (y1 > y0) {
                Block part = swaths.get(s).read(band, new Region(sample, plan.line(s, y0), run, y1 - y0));
                out.copyFrom(new Block(new Region(x, y0, run, y1 - y0), part.type(), part.array()));
            }
            x += run;
        }
        return out;
    }
}
