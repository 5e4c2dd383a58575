package eu.ai4c.s1.tops;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.StageClock;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.SwathTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sub-swath images on their burst-stacked grids made into one slant-range image: each TOPS
 * sub-swath debursted ({@link DeburstRaster}), then all merged by slant-range time
 * ({@link MergeRaster}); a stripmap image passes as it is. Any band types. Stateless.
 */
public final class SwathMosaic {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    /** The merged image and its plan (lines, first line time, slant-range sampling). */
    public record Merged(Raster raster, MergePlan plan) {
    }

    private SwathMosaic() {
    }

    /**
     * @param alias   the operator (messages)
     * @param product the product's name (messages)
     * @param stacked per sub-swath, near to far, its image on the burst-stacked grid
     * @param images  per sub-swath an image (annotation) of it
     * @param clock   receives the deburst and merge stages, or null
     */
    public static Merged of(String alias, String product, List<Raster> stacked, List<S1Image> images, StageClock clock) {
        List<Raster> debursted = new ArrayList<>();
        List<MergePlan.SubSwath> planned = new ArrayList<>();
        double dt = 0;
        for (int i = 0; i < stacked.size(); i++) {
            Raster image = stacked.get(i);
            S1Image first = images.get(i);
            Annotation.ImageInformation info = first.annotation().imageInformation();
            dt = info.azimuthTimeInterval();
            Optional<SwathTiming> timing = first.topsTiming().swathTiming();
            if (timing.isPresent()) {
                DeburstPlan plan;
                try {
                    plan = DeburstPlan.of(timing.get(), dt);
                } catch (Ai4cException e) {
                    throw new Ai4cException(alias + ": " + product + " " + first.swath() + ": " + e.getMessage(), e);
                }
                Raster d = new DeburstRaster(image, plan, timing.get().linesPerBurst());
                debursted.add(clock == null ? d : clock.timed("deburst", d));
                planned.add(MergePlan.SubSwath.of(first.swath(), plan, timing.get().bursts().size(), info.slantRangeTime(),
                        first.annotation().productInformation().rangeSamplingRate()));
                LOG.info("{}: {} debursted, {} bursts -> {} lines x {} samples", alias, first.swath(),
                        timing.get().bursts().size(), plan.lines(), image.width());
            } else {
                debursted.add(image);
                planned.add(new MergePlan.SubSwath(first.swath(), info.productFirstLineUtcTime(), info.numberOfLines(),
                        info.slantRangeTime(), 1 / first.annotation().productInformation().rangeSamplingRate(),
                        0, info.numberOfSamples() - 1));
            }
        }
        MergePlan merge = MergePlan.of(planned, dt);
        LOG.info("{}: merged {} sub-swath(s) -> {} lines x {} samples", alias, stacked.size(), merge.lines(), merge.width());
        Raster merged = new MergeRaster(debursted, merge);
        return new Merged(clock == null ? merged : clock.timed("merge", merged), merge);
    }
}
