package eu.ai4c.s1.cd;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.ElevationModels;
import eu.ai4c.kit.dem.GeoTiffTileFormat;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.HgtFormat;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.BandStack;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.StageClock;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.s1.chain.BackscatterChain;
import eu.ai4c.s1.chain.BackscatterChain.CalibrationOutput;
import eu.ai4c.s1.chain.ModeResolution;
import eu.ai4c.s1.coreg.BackGeocoding;
import eu.ai4c.s1.coreg.CoregisteredSwath;
import eu.ai4c.s1.coreg.EnhancedSpectralDiversity;
import eu.ai4c.s1.coreg.OffsetGrid;
import eu.ai4c.s1.coreg.SwathImage;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.slc.Multilook;
import eu.ai4c.s1.slc.MultilookRaster;
import eu.ai4c.s1.slc.SlcPreprocessOperator;
import eu.ai4c.s1.speckle.SpeckleParameters;
import eu.ai4c.s1.speckle.SpeckleRaster;
import eu.ai4c.s1.tops.SwathMosaic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S1-CD}: Sentinel-1 change detection between two SLC acquisitions (specification section
 * 2.2.4), as one lazily evaluated raster chain:
 * <ol>
 * <li>the pair is checked ({@link AcquisitionPair}) before anything is read; the earlier product is
 *     the reference;</li>
 * <li>per sub-swath, each reference burst is matched with the secondary burst imaging the same
 *     ground and co-registered by geometry ({@link BackGeocoding}: orbits and DEM);</li>
 * <li>for TOPS pairs with two bursts or more, Enhanced Spectral Diversity measures the residual
 *     azimuth shift in the burst overlaps and corrects it ({@link EnhancedSpectralDiversity}); the
 *     residual after correction is measured again and reported;</li>
 * <li>per burst the complex secondary is resampled phase-preserving (deramp, sinc, reramp), the
 *     coherence estimated with the reference phase removed, and both dates calibrated
 *     ({@link CoregisteredSwath});</li>
 * <li>sub-swaths debursted and merged, multilooked to about square pixels, the two intensities
 *     speckle-filtered (the coherence is not), terrain-corrected together onto one grid, land/sea
 *     mask and area of interest ({@link BackscatterChain}).</li>
 * </ol>
 * The product is the float32 stack {@code coherence}, {@code <Sigma0>_<pol>_<date1>},
 * {@code <Sigma0>_<pol>_<date2>}; its {@link SideOutputs} ({@link S1CdOutputs}) write the single
 * GeoTIFFs, the ACD and MTC composites, the change mask, the quick-looks and the summary beside it.
 * Stateless and thread-safe.
 */
public final class S1CdOperator implements Operator, eu.ai4c.s1.chain.ModeResolutionDefault {

    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    private static final int MAX_ESD_ROUNDS = 3;
    private static final double ESD_CONVERGED = 1e-3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /**
     * What a run found, for the summary.
     *
     * @param baseline    {perpendicular, parallel} baseline at the scene centre, m
     * @param esdShift    the azimuth correction applied, lines (NaN without ESD)
     * @param esdResidual the residual shift measured after it, lines (NaN without ESD)
     * @param esdOverlaps the number of burst overlaps used
     */
    public record Run(AcquisitionPair pair, String polarisation, List<String> swaths, String calibration,
                      double[] baseline, double esdShift, double esdResidual, int esdOverlaps, double[] stretchPercentiles,
                      Double threshold, double coherenceLimit, int minPixels, String dem) {
    }

    @Override
    public OperatorDescriptor descriptor() {
        return S1CdDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        String alias = descriptor().alias();
        Product in1 = source(alias, sources, "input1"), in2 = source(alias, sources, "input2");
        String where1 = where(in1), where2 = where(in2);
        S1Product p1 = s1(alias, in1, where1), p2 = s1(alias, in2, where2);
        String pol = params.getString("polarization").trim().toUpperCase(Locale.ROOT);
        if (pol.contains(",")) {
            throw Ai4cException.usage(alias + ": --polarization " + pol + " names several polarisations; S1-CD compares "
                    + "one. Give one of VV, VH, HH, HV.");
        }
        List<String> swaths = subSwaths(alias, p1, p2, params);
        AcquisitionPair pair;
        try {
            pair = AcquisitionPair.of(where1, p1.manifest(), where2, p2.manifest(), List.of(pol), swaths);
        } catch (IllegalArgumentException e) {
            throw Ai4cException.usage(e.getMessage());
        }
        boolean firstIsReference = pair.reference() == p1.manifest();
        S1Product ref = firstIsReference ? p1 : p2, sec = firstIsReference ? p2 : p1;
        Product refInput = firstIsReference ? in1 : in2;
        if (ref.manifest().mode().equalsIgnoreCase("EW") || ref.manifest().mode().equalsIgnoreCase("WV")) {
            throw Ai4cException.usage(alias + ": " + ref.name() + " is a " + ref.manifest().mode() + " product; S1-CD "
                    + "takes IW or stripmap (SM) SLC pairs.");
        }
        if (params.getBoolean("verify")) {
            for (S1Product p : List.of(ref, sec)) {
                List<S1Image> read = new ArrayList<>();
                for (String s : swaths) read.add(p.image(s, pol));
                p.verifyMeasurements(read);
            }
        }
        CalibrationOutput calibration = CalibrationOutput.parse(params.getString("calibration"));
        LOG.info("{}: reference {} ({}), secondary {} ({}), {} days ({} cycles), sub-swaths {}, {}", alias, ref.name(),
                DAY.format(pair.reference().startTime()), sec.name(), DAY.format(pair.secondary().startTime()),
                pair.interval().toHours() / 24.0, pair.cycles(), swaths, pol);
        StageClock clock = new StageClock();
        Geoid geoid = Geoid.locate(params.has("geoid") ? params.getPath("geoid") : null);
        ElevationModel dem = ElevationModels.open(params.has("dem") ? params.getPath("dem") : null, geoid,
                file -> ProductIO.read(file).raster(), List.of(new HgtFormat(), new GeoTiffTileFormat()), context.warnings());
        Path orbits = params.has("orbit") ? params.getPath("orbit") : null;

        // 1-2: per sub-swath burst matching and geometric co-registration grids
        List<EnhancedSpectralDiversity.SwathPair> pairs = new ArrayList<>();
        for (String swath : swaths) {
            SwathImage m = SwathImage.of(ref, swath, pol, calibration.type(), orbits, context.warnings());
            SwathImage s = SwathImage.of(sec, swath, pol, calibration.type(), orbits, context.warnings());
            OffsetGrid[] grids = new OffsetGrid[m.bursts()];
            int[] matched = new int[m.bursts()];
            int used = 0;
            for (int k = 0; k < m.bursts(); k++) {
                matched[k] = BackGeocoding.matchingBurst(m, s, k, dem);
                if (matched[k] >= 0) {
                    grids[k] = BackGeocoding.grid(m, k, s, matched[k], dem);
                    used++;
                }
            }
            if (used == 0) {
                throw Ai4cException.usage(alias + ": no burst of " + swath + " of " + sec.name() + " images the bursts of "
                        + ref.name() + "; the acquisitions do not overlap in " + swath + ".");
            }
            LOG.info("{}: {} co-registered by geometry, {} of {} reference bursts matched", alias, swath, used, m.bursts());
            pairs.add(new EnhancedSpectralDiversity.SwathPair(m, s, grids, matched));
        }

        EnhancedSpectralDiversity.SwathPair middle = pairs.get(pairs.size() / 2);
        int midBurst = middle.reference().bursts() / 2;
        double[] baseline = BackGeocoding.baseline(middle.reference(), midBurst, middle.secondary(), dem);
        LOG.info("{}: perpendicular baseline {} m, parallel {} m (scene centre)", alias, fmt(baseline[0]), fmt(baseline[1]));

        // 3: Enhanced Spectral Diversity
        double esdShift = Double.NaN, esdResidual = Double.NaN;
        int esdOverlaps = 0;
        if (params.getBoolean("esd") && pairs.get(0).reference().tops()) {
            // the estimate is linear in the shift only near zero: re-estimate on the corrected pair until it is below
            // a thousandth of a line (two or three rounds), as an iterated ESD does
            EnhancedSpectralDiversity.Estimate estimate = EnhancedSpectralDiversity.estimate(pairs);
            double total = 0;
            for (int round = 0; round < MAX_ESD_ROUNDS && !Double.isNaN(estimate.shiftLines()); round++) {
                total += estimate.shiftLines();
                esdOverlaps = estimate.overlaps().size();
                LOG.info("{}: ESD round {}: azimuth shift {} lines from {} burst overlaps (spread {})", alias, round + 1,
                        fmt(estimate.shiftLines()), esdOverlaps, fmt(estimate.spread()));
                pairs = shifted(pairs, estimate.shiftLines());
                estimate = EnhancedSpectralDiversity.estimate(pairs);
                if (Math.abs(estimate.shiftLines()) < ESD_CONVERGED) break;
            }
            if (esdOverlaps > 0) {
                esdShift = total;
                esdResidual = -estimate.shiftLines();
                LOG.info("{}: ESD azimuth correction {} lines; residual {} lines", alias, fmt(esdShift), fmt(esdResidual));
            } else {
                LOG.info("{}: ESD skipped: no burst overlap with a co-registered pair of bursts", alias);
            }
        }

        // 4: coherence and intensities per sub-swath; deburst and merge
        // Two caches: the co-registered SLC tiles are read by the one or two multilooked tiles over them and are
        // then done with, so a small cache of their own keeps them from pushing out the multilooked and filtered
        // tiles, which terrain correction reads again from one output row to the next (sharing one cache, at full
        // scene size the chain was recomputed over and over)
        long coregBytes = Math.max(96L << 20, Math.min(256L << 20, context.cacheBytes() / 8));
        TileCache coregCache = new TileCache(coregBytes);
        TileCache cache = new TileCache(Math.max(64L << 20, context.cacheBytes() - coregBytes));
        List<Raster> stacked = new ArrayList<>();
        List<S1Image> images = new ArrayList<>();
        for (EnhancedSpectralDiversity.SwathPair p : pairs) {
            stacked.add(clock.timed("coregistration+coherence", new CoregisteredSwath(p.reference(), p.secondary(), p.grids(),
                    p.secondaryBursts(), params.getInt("cohWindowAz"), params.getInt("cohWindowRg"), coregCache,
                    calibration.prefix())));
            images.add(p.reference().image());
        }
        SwathMosaic.Merged merged = SwathMosaic.of(alias, ref.name(), stacked, images, clock);

        // 5: multilook, speckle filter of the intensities, terrain correction of all three bands
        Annotation mid = images.get(images.size() / 2).annotation();
        double resolution = params.has("resolution") ? params.getDouble("resolution")
                : ModeResolution.of(ref.manifest().mode()).metres();
        int[] looks = Multilook.squareLooks(mid.imageInformation().azimuthPixelSpacing(),
                mid.imageInformation().rangePixelSpacing() / Math.sin(Math.toRadians(mid.imageInformation().incidenceAngleMidSwath())),
                resolution);
        int azimuthLooks = params.has("azimuthLooks") ? params.getInt("azimuthLooks") : looks[0];
        int rangeLooks = params.has("rangeLooks") ? params.getInt("rangeLooks") : looks[1];
        // all three bands of a multilooked tile at once, while the co-registered window under it is still cached
        Raster sar = clock.timed("multilook", CachedRaster.bandsTogether(new MultilookRaster(merged.raster(), azimuthLooks,
                rangeLooks), 512, 512, cache));
        Raster intensities = sar;
        SpeckleParameters speckle = BackscatterChain.speckleParameters(params);
        if (!speckle.filter().equals("None")) {
            intensities = clock.timed("speckle", new CachedRaster(SpeckleRaster.of(sar, new int[] {1, 2}, speckle), 512, 512, cache));
        }
        int b1 = speckle.filter().equals("None") ? 1 : 0;
        String d1 = DAY.format(pair.reference().startTime()), d2 = DAY.format(pair.secondary().startTime());
        String name1 = calibration.prefix() + "_" + pol + "_" + d1, name2 = calibration.prefix() + "_" + pol + "_" + d2;
        Raster stack = BandStack.builder()
                .add(sar, CoregisteredSwath.COHERENCE, new Band("coherence", DataType.FLOAT32, Double.NaN, true, "",
                        "interferometric coherence " + d1 + "/" + d2))
                .add(intensities, b1, new Band(name1, DataType.FLOAT32, Double.NaN, true, "intensity",
                        calibration.prefix() + " " + pol + " " + d1 + ", linear"))
                .add(intensities, b1 + 1, new Band(name2, DataType.FLOAT32, Double.NaN, true, "intensity",
                        calibration.prefix() + " " + pol + " " + d2 + ", linear"))
                .build();
        ZeroDoppler zeroDoppler = SlcPreprocessOperator.zeroDoppler(ref, mid, merged.plan(), azimuthLooks, rangeLooks, stack,
                orbits, context);
        Product tc = BackscatterChain.terrainCorrected(stack, zeroDoppler, calibration, refInput, ref, params, context, alias);
        Raster out = clock.timed("terrain-correction+mask", tc.raster());

        double[] stretch = params.getDoubles("stretchPercentiles");
        if (stretch.length != 2 || !(stretch[0] >= 0 && stretch[0] < stretch[1] && stretch[1] <= 100)) {
            throw Ai4cException.usage(alias + ": --stretch-percentiles must be two percentiles low,high with "
                    + "0 <= low < high <= 100, e.g. 2.5,97.5.");
        }
        Run run = new Run(pair, pol, swaths, calibration.prefix(), baseline, esdShift, esdResidual, esdOverlaps, stretch,
                params.has("changeThreshold") ? params.getDouble("changeThreshold") : null,
                params.getDouble("changeCoherenceLimit"), params.getInt("changeMinPixels"), dem.describe());
        String name = "S1_" + ref.manifest().mode() + "_CD_" + d1 + "_" + d2 + "_" + pol;
        StatisticsTap tap = new StatisticsTap(out);
        Product result = new Product(name, tap, tc.metadata(), null)
                .withAttachment(StageClock.class, clock)
                .withAttachment(Run.class, run)
                .withAttachment(StatisticsTap.class, tap)
                .withAttachment(ChainCaches.class, new ChainCaches(List.of(coregCache, cache)));
        return result.withAttachment(SideOutputs.class, (main, ctx) -> S1CdOutputs.write(result, main, ctx).paths());
    }

    /** The tile caches of the chain, emptied when the stack is written. */
    record ChainCaches(List<TileCache> caches) {
        void clear() {
            for (TileCache c : caches) c.clear();
        }
    }

    /** The pairs with {@code lines} added to every secondary line. */
    private static List<EnhancedSpectralDiversity.SwathPair> shifted(List<EnhancedSpectralDiversity.SwathPair> pairs, double lines) {
        List<EnhancedSpectralDiversity.SwathPair> out = new ArrayList<>();
        for (EnhancedSpectralDiversity.SwathPair p : pairs) {
            OffsetGrid[] g = p.grids().clone();
            for (int k = 0; k < g.length; k++) if (g[k] != null) g[k] = g[k].shiftedBy(lines);
            out.add(new EnhancedSpectralDiversity.SwathPair(p.reference(), p.secondary(), g, p.secondaryBursts()));
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static Product source(String alias, Map<String, Product> sources, String name) {
        Product p = sources.get(name);
        if (p == null) throw Ai4cException.usage(alias + ": missing source product --" + name + ".");
        return p;
    }

    private static String where(Product p) {
        return p.location().map(Path::toString).orElse(p.name());
    }

    private static S1Product s1(String alias, Product p, String where) {
        S1Product s1 = p.attachment(S1Product.class).orElseThrow(() -> Ai4cException.usage(alias + ": input " + where
                + " is not a Sentinel-1 SAFE product. Give two Sentinel-1 SLC products (.SAFE folder or .zip)."));
        if (!s1.productType().equals("SLC")) {
            throw Ai4cException.usage(alias + ": " + where + " is a Sentinel-1 " + s1.productType() + " product; S1-CD "
                    + "needs two SLC products (coherence needs the phase, which " + s1.productType() + " products do not keep).");
        }
        return s1;
    }

    /** {@code --subswaths}, or every sub-swath both products have, near to far. */
    private static List<String> subSwaths(String alias, S1Product a, S1Product b, ParameterValues params) {
        List<String> common = new ArrayList<>();
        for (String s : a.swaths()) if (b.swaths().contains(s)) common.add(s);
        if (!params.has("subswaths")) {
            if (common.isEmpty()) {
                throw Ai4cException.usage(alias + ": " + a.name() + " has sub-swaths " + a.swaths() + " and " + b.name()
                        + " has " + b.swaths() + ": none in common. Give two products of one mode.");
            }
            return common;
        }
        List<String> chosen = new ArrayList<>();
        for (String s : params.getList("subswaths")) {
            String n = s.trim().toUpperCase(Locale.ROOT);
            if (!chosen.contains(n)) chosen.add(n);
        }
        chosen.sort(null);
        return chosen;
    }
}
