package eu.ai4c.s1.slc;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.StageClock;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.s1.chain.BackscatterChain;
import eu.ai4c.s1.chain.BackscatterChain.CalibrationOutput;
import eu.ai4c.s1.chain.ModeResolution;
import eu.ai4c.s1.geometry.AcquisitionOrbit;
import eu.ai4c.s1.geometry.Orbit;
import eu.ai4c.s1.geometry.SarGeometry;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.radiometry.RadiometricRaster;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.tops.DeburstRaster;
import eu.ai4c.s1.tops.MergePlan;
import eu.ai4c.s1.tops.MergeRaster;
import eu.ai4c.s1.tops.SwathMosaic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S1-SLC-preprocess}: the Sentinel-1 SLC chain of the specification (section 2.2.2) as one
 * lazily evaluated raster chain. Per sub-swath: thermal noise removal (one noise range vector per
 * burst) and calibration of the complex samples to intensity ({@link RadiometricRaster}), then
 * deburst ({@link DeburstRaster}); the sub-swaths merged by slant-range time ({@link MergeRaster});
 * multilook ({@link MultilookRaster}); then the steps shared with the GRD chain
 * ({@link BackscatterChain}: speckle filter, range-Doppler terrain correction in slant-range
 * geometry, dB, land/sea mask, area of interest). Calibration comes before deburst, as in the
 * specification's graph, because the LUTs are given on the burst lines. A writer pulling output
 * tiles reads only the measurement windows they need, without intermediate files. Stripmap
 * products (one swath, no bursts) skip deburst and merge.
 *
 * <p>Output product name: {@code <input product>_<Sigma0|Gamma0|Beta0>[_dB]_TC}, bands
 * {@code Sigma0_VV} (or {@code Sigma0_VV_db}, …) float32 with NaN no-data. The product carries a
 * {@link StageClock} with the time of each stage.</p>
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class SlcPreprocessOperator implements Operator, eu.ai4c.s1.chain.ModeResolutionDefault {

    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    @Override
    public OperatorDescriptor descriptor() {
        return SlcPreprocessDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        String alias = descriptor().alias();
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage(alias + ": missing source product --input.");
        String where = input.location().map(Path::toString).orElse(input.name());
        S1Product s1 = input.attachment(S1Product.class).orElseThrow(() -> new Ai4cException(alias + ": input " + where
                + " is not a Sentinel-1 SAFE product. Give a Sentinel-1 SLC product (.SAFE folder or .zip)."));
        checkProduct(alias, s1);
        List<String> swaths = subSwaths(alias, s1, params);
        List<String> pols = params.getList("polarization").stream().map(p -> p.toUpperCase(Locale.ROOT)).toList();
        CalibrationOutput calibration = CalibrationOutput.parse(params.getString("calibration"));
        boolean removeNoise = params.getBoolean("removeThermalNoise");
        if (params.getBoolean("verify")) {
            List<eu.ai4c.s1.safe.S1Image> read = new java.util.ArrayList<>();
            for (String swath : swaths) {
                for (String pol : pols) {
                    eu.ai4c.s1.safe.S1Image image = s1.image(swath, pol);
                    if (image != null) read.add(image);
                }
            }
            s1.verifyMeasurements(read);
        }
        LOG.info("{}: {} {} SLC, sub-swaths {}, polarisations {}, {}{}", alias, s1.manifest().mission(),
                s1.manifest().mode(), swaths, pols, calibration.prefix(), calibration.db() ? " in dB" : "");
        StageClock clock = new StageClock();

        // 1-4: per sub-swath noise removal, calibration and deburst; merge
        Merged merged = merged(alias, s1, swaths, pols, calibration, removeNoise, clock);
        MergePlan merge = merged.plan();
        Raster sar = merged.raster();

        // 5: multilook to about square pixels at the output resolution, unless the user chose the looks
        Annotation mid = s1.image(swaths.get(swaths.size() / 2), pols.get(0)).annotation();
        double resolution = params.has("resolution") ? params.getDouble("resolution")
                : ModeResolution.of(s1.manifest().mode()).metres();
        int[] looks = Multilook.squareLooks(mid.imageInformation().azimuthPixelSpacing(),
                mid.imageInformation().rangePixelSpacing() / Math.sin(Math.toRadians(mid.imageInformation().incidenceAngleMidSwath())),
                resolution);
        int azimuthLooks = params.has("azimuthLooks") ? params.getInt("azimuthLooks") : looks[0];
        int rangeLooks = params.has("rangeLooks") ? params.getInt("rangeLooks") : looks[1];
        TileCache cache = new TileCache(context.cacheBytes());
        sar = clock.timed("multilook", new CachedRaster(new MultilookRaster(sar, azimuthLooks, rangeLooks), 512, 512, cache));
        LOG.info("{}: multilook {} x {} (azimuth x range) -> {} lines x {} samples", alias, azimuthLooks, rangeLooks,
                sar.height(), sar.width());

        // 6: speckle filter
        sar = clock.timed("speckle", BackscatterChain.speckleFiltered(sar, params, cache));

        // 7-9: terrain correction in slant-range geometry, dB, land/sea mask, area of interest
        ZeroDoppler zeroDoppler = zeroDoppler(s1, mid, merge, azimuthLooks, rangeLooks, sar,
                params.has("orbit") ? params.getPath("orbit") : null, context);
        Product out = BackscatterChain.terrainCorrected(sar, zeroDoppler, calibration, input, s1, params, context, alias);
        Raster timed = clock.timed("terrain-correction+mask", out.raster());
        return new Product(out.name(), timed, out.metadata(), null).withAttachment(StageClock.class, clock);
    }

    /**
     * The calibrated, debursted and merged slant-range image and its merge plan.
     *
     * @param raster one float32 band per polarisation, linear intensity, NaN no-data
     */
    record Merged(Raster raster, MergePlan plan) {
    }

    /** Steps 1-4: per sub-swath noise removal and calibration on the burst lines, deburst; then merge. */
    static Merged merged(String alias, S1Product s1, List<String> swaths, List<String> pols, CalibrationOutput calibration,
                         boolean removeNoise, StageClock clock) throws IOException {
        List<Raster> calibrated = new ArrayList<>();
        List<S1Image> firsts = new ArrayList<>();
        for (String swath : swaths) {
            S1Raster dn = new S1Raster(s1, swath);
            List<RadiometricRaster.Channel> channels = new ArrayList<>();
            S1Image first = null;
            for (String pol : pols) {
                S1Image image = s1.image(swath, pol);
                int band = dn.bandIndex("Complex_" + image.swath() + "_" + image.polarisation());
                s1.measurement(image); // opened now: a missing or damaged file fails before anything is written
                if (first == null) first = image;
                channels.add(new RadiometricRaster.Channel(band, calibration.prefix() + "_" + image.polarisation(),
                        calibration.prefix() + " " + image.polarisation() + ", linear",
                        calibration.type().lut(image.calibration()), removeNoise ? noise(image) : null, null));
            }
            calibrated.add(clock.timed("read+noise+calibration", new RadiometricRaster(dn, channels)));
            firsts.add(first);
        }
        SwathMosaic.Merged m = SwathMosaic.of(alias, s1.name(), calibrated, firsts, clock);
        return new Merged(m.raster(), m.plan());
    }

    /** Refuses GRD and wave mode products, naming the product and what to give instead. */
    private static void checkProduct(String alias, S1Product s1) {
        if (!s1.productType().equals("SLC")) {
            throw new Ai4cException(alias + ": " + s1.name() + " is a Sentinel-1 " + s1.productType() + " product, but "
                    + alias + " needs an SLC product. Use S1-GRD-preprocess for GRD products, or give an SLC product.");
        }
        if (s1.manifest().mode().equalsIgnoreCase("WV")) {
            throw new Ai4cException(alias + ": " + s1.name() + " is a wave mode (WV) SLC, whose vignettes form no "
                    + "continuous image; give an IW, EW or stripmap (SM) SLC product.");
        }
    }

    /** The sub-swaths of {@code --subswaths} (default all), near to far, each present in the product. */
    private static List<String> subSwaths(String alias, S1Product s1, ParameterValues params) {
        List<String> present = s1.swaths();
        if (!params.has("subswaths")) return present;
        List<String> chosen = new ArrayList<>();
        for (String s : params.getList("subswaths")) {
            String name = s.trim().toUpperCase(Locale.ROOT);
            if (!present.contains(name)) {
                throw Ai4cException.usage(alias + ": product " + s1.name() + " has no sub-swath " + name + "; it has "
                        + present + (s1.missingImages().isEmpty() ? "" : " (annotation files missing: " + s1.missingImages() + ")")
                        + ". Choose --subswaths from those.");
            }
            if (!chosen.contains(name)) chosen.add(name);
        }
        chosen.sort(null);
        return chosen;
    }

    private static NoisePowerLut noise(S1Image image) {
        Optional<SwathTiming> timing = image.topsTiming().swathTiming();
        if (timing.isEmpty()) return NoisePowerLut.of(image.noise());
        List<Instant> starts = timing.get().bursts().stream().map(Burst::azimuthTime).toList();
        return NoisePowerLut.ofBursts(image.noise(), starts, timing.get().linesPerBurst());
    }

    /**
     * The range-Doppler model of the merged, multilooked image: slant-range samples from the merged
     * first column's slant-range time; a multilooked pixel's centre is the middle of its block.
     * The orbit's time 0 is the merged first line.
     */
    public static ZeroDoppler zeroDoppler(S1Product s1, Annotation annotation, MergePlan merge, int azimuthLooks,
                                           int rangeLooks, Raster sar, Path orbitPath, ProcessingContext context) {
        Instant epoch = merge.firstLineTime();
        Instant last = epoch.plusNanos(Math.round((merge.lines() - 1) * merge.azimuthTimeInterval() * 1e9));
        Orbit orbit = AcquisitionOrbit.of(annotation, s1.manifest(), orbitPath, epoch, epoch, last, context.warnings());
        double dt = merge.azimuthTimeInterval();
        SarGeometry geometry = SarGeometry.slantRange((azimuthLooks - 1) / 2.0 * dt, azimuthLooks * dt, sar.height(),
                sar.width(), merge.slantRangeTime() + (rangeLooks - 1) / 2.0 * merge.sampleTime(),
                rangeLooks * merge.sampleTime() * SarGeometry.SPEED_OF_LIGHT / 2);
        return new ZeroDoppler(orbit, geometry);
    }
}
