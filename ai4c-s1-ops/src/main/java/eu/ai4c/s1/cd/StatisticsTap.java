package eu.ai4c.s1.cd;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DerivedRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code S1-CD} float stack as it is written, passing its pixels through unchanged while
 * gathering {@link StackStatistics} from them, so that no second pass over the written file is
 * needed. A window counts when one thread reads its three bands one after the other (as the tile
 * writers do) and it overlaps no window counted before; {@link #complete} tells whether the counted
 * windows cover the whole image, i.e. whether the statistics are exactly those of the output.
 * Otherwise (another writer's reading pattern) the caller computes them from the file.
 */
final class StatisticsTap extends DerivedRaster {
    private final StackStatistics statistics = new StackStatistics();
    private final List<Region> counted = new ArrayList<>();
    private long countedArea;
    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);

    /** Bands 0 and 1 of a window read by one thread, waiting for band 2. */
    private static final class Pending {
        Region region;
        float[] coherence, backscatter1;
    }

    StatisticsTap(Raster stack) {
        super(stack, stack.bands());
        if (stack.bands().size() != 3) throw new IllegalArgumentException("an S1-CD stack has 3 bands");
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        Block block = source.read(band, region);
        Pending p = pending.get();
        if (band == 0) {
            p.region = region;
            p.coherence = block.toFloats().clone(); // a copy: a writer may encode the block in place
        } else if (band == 1 && region.equals(p.region) && p.coherence != null) {
            p.backscatter1 = block.toFloats().clone();
        } else if (band == 2 && region.equals(p.region) && p.backscatter1 != null) {
            if (claim(region)) statistics.add(p.coherence, p.backscatter1, block.toFloats());
            p.region = null;
            p.coherence = p.backscatter1 = null;
        } else {
            p.region = null;
            p.coherence = p.backscatter1 = null;
        }
        return block;
    }

    /** Counts {@code region} unless it overlaps a window counted before. */
    private synchronized boolean claim(Region region) {
        for (Region r : counted) {
            if (!r.intersect(region).isEmpty()) return false;
        }
        counted.add(region);
        countedArea += region.area();
        return true;
    }

    /** Whether the counted windows cover the whole image (no two overlap). */
    synchronized boolean complete() {
        return countedArea == (long) width() * height();
    }

    StackStatistics statistics() {
        return statistics;
    }
}
