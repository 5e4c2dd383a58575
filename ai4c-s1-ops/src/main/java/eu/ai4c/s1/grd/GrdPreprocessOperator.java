package eu.ai4c.s1.grd;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AoiCrop;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.ElevationModels;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoTiffTileFormat;
import eu.ai4c.kit.dem.HgtFormat;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.kit.warp.Resampling;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.DecibelRaster;
import eu.ai4c.s1.geometry.SarLocator;
import eu.ai4c.kit.warp.TargetGrid;
import eu.ai4c.s1.geometry.TerrainCorrectionRaster;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.radiometry.RadiometricRaster;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import eu.ai4c.s1.safe.SarGeoCoding;
import eu.ai4c.s1.speckle.SpeckleParameters;
import eu.ai4c.s1.speckle.SpeckleRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S1-GRD-preprocess}: the Sentinel-1 GRD chain of the specification (section 2.2.1) as one
 * lazily evaluated raster chain — thermal noise, border noise, calibration ({@link RadiometricRaster}),
 * speckle filter ({@link SpeckleRaster}), range-Doppler terrain correction
 * ({@link TerrainCorrectionRaster}), then dB, land/sea mask and area of interest — so a writer
 * pulling output tiles reads each needed input tile once, in parallel, without intermediate files.
 *
 * <p>Output product name: {@code <input product>_<Sigma0|Gamma0|Beta0>[_dB]_TC}, bands
 * {@code Sigma0_VV} (or {@code Sigma0_VV_db}, …) float32 with NaN no-data.</p>
 *
 * <p>Stateless and thread-safe.</p>
 */
public final class GrdPreprocessOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    @Override
    public OperatorDescriptor descriptor() {
        return GrdPreprocessDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        String alias = descriptor().alias();
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage(alias + ": missing source product --input.");
        S1Product s1 = input.attachment(S1Product.class).orElseThrow(() -> new Ai4cException(alias + ": input "
                + input.location().map(Path::toString).orElse(input.name()) + " is not a Sentinel-1 SAFE product. "
                + "Give a Sentinel-1 GRD product (.SAFE folder or .zip)."));
        s1.manifest().requireProductType("GRD", alias + " " + s1.name());
        S1Raster dn = (S1Raster) input.raster();

        List<String> pols = params.getList("polarization");
        int[] bands = new int[pols.size()];
        for (int i = 0; i < bands.length; i++) {
            bands[i] = dn.bandIndex("Amplitude_" + pols.get(i).toUpperCase(Locale.ROOT));
            if (bands[i] < 0) {
                throw Ai4cException.usage(alias + ": product " + s1.name() + " has no " + pols.get(i)
                        + " polarisation; it has " + s1.polarisations() + ". Choose --polarization from those.");
            }
        }
        String calibration = params.getString("calibration");
        boolean db = calibration.endsWith("DB");
        String quantity = calibration.substring(0, db ? calibration.length() - 2 : calibration.length());
        CalibrationType type = switch (quantity) {
            case "Sigma" -> CalibrationType.SIGMA_NOUGHT;
            case "Gamma" -> CalibrationType.GAMMA;
            default -> CalibrationType.BETA_NOUGHT;
        };
        String prefix = quantity + "0";
        LOG.info("{}: {} {} {}, polarisations {}, {}{}", alias, s1.manifest().mission(), s1.manifest().mode(),
                s1.productType(), pols, prefix, db ? " in dB" : "");

        // 1-3: noise, border noise, calibration on the SAR grid
        boolean removeBorder = params.getBoolean("removeBorderNoise");
        boolean removeNoise = params.getBoolean("removeThermalNoise");
        List<RadiometricRaster.Channel> channels = new java.util.ArrayList<>();
        for (int band : bands) {
            S1Image image = dn.image(band);
            NoisePowerLut noise = removeNoise ? NoisePowerLut.of(image.noise()) : null;
            channels.add(new RadiometricRaster.Channel(band, prefix + "_" + image.polarisation(),
                    prefix + " " + image.polarisation() + ", linear", type.lut(image.calibration()), noise,
                    removeBorder && params.getInt("borderLimit") > 0 ? new BorderTrims(dn, band, noise, params.getInt("borderLimit"),
                            params.getDouble("trimThreshold")) : null));
        }
        Raster sar = new RadiometricRaster(dn, channels);
        TileCache cache = new TileCache(context.cacheBytes());
        // 4: speckle filter; its halos overlap neighbouring tiles, so the calibrated tiles are cached
        SpeckleParameters speckle = speckleParameters(params);
        if (!speckle.filter().equals("None")) {
            sar = SpeckleRaster.of(new CachedRaster(sar, 512, 512, cache), speckle);
        }
        // terrain correction asks for arbitrary windows: cache the filtered tiles it reuses
        sar = new CachedRaster(sar, 512, 512, cache);

        // 5: range-Doppler terrain correction
        SarGeoCoding gc = (SarGeoCoding) dn.geoCoding();
        ZeroDoppler zeroDoppler = GrdGeometry.zeroDoppler(gc, s1.manifest(), params.has("orbit") ? params.getPath("orbit") : null,
                context.warnings());
        Geoid geoid = Geoid.locate(params.has("geoid") ? params.getPath("geoid") : null);
        ElevationModel dem = ElevationModels.open(params.has("dem") ? params.getPath("dem") : null, geoid,
                file -> ProductIO.read(file).raster(), List.of(new HgtFormat(), new GeoTiffTileFormat()), context.warnings());
        LOG.info("{}: heights from {}", alias, dem.describe());
        SarLocator locator = new SarLocator(zeroDoppler.orbit(), zeroDoppler.geometry());
        double[][] low = locator.footprint(-100), high = locator.footprint(4000);
        double[] lon = concat(low[0], high[0]), lat = concat(low[1], high[1]);
        double centreLon = mean(low[0]), centreLat = mean(low[1]);
        CoordinateReferenceSystem crs = Projections.parse(params.getString("projection"), centreLon, centreLat);
        double resolution = params.has("resolution") ? params.getDouble("resolution") : defaultResolution(s1);
        TargetGrid grid = TargetGrid.covering(lon, lat, crs, resolution);
        LOG.info("{}: output grid {} x {} pixels at {} m in {}", alias, grid.width(), grid.height(), resolution,
                crs.getName().getCode());
        Raster out = new TerrainCorrectionRaster(sar, zeroDoppler, dem, grid,
                TerrainCorrectionRaster.DEFAULT_NODE_STEP, params.getChoice("imgResampling", Resampling.class));

        // 6-7: dB, land/sea mask, area of interest
        if (db) out = new DecibelRaster(out);
        out = LandSea.apply(out, params, dem, geoid);
        if (params.has("aoi")) {
            out = AoiCrop.crop(out, AreaOfInterest.parse(params.getString("aoi")), false);
        }

        Metadata md = input.metadata().copy();
        Metadata history = md.childOrCreate("Processing_History").addChild(alias);
        params.asMap().forEach((k, v) -> history.set(k, v instanceof double[] d ? java.util.Arrays.toString(d) : v));
        history.set("dem", dem.describe());
        String name = s1.name().replaceFirst("(?i)\\.SAFE$", "") + "_" + prefix + (db ? "_dB" : "") + "_TC";
        return new Product(name, out, md, null);
    }

    /** SNAP's speckle parameters from the operator's, with the filter named by {@code --speckle}. */
    static SpeckleParameters speckleParameters(ParameterValues v) {
        return new SpeckleParameters(v.getString("speckle"), v.getInt("filterSizeX"), v.getInt("filterSizeY"),
                v.getDouble("dampingFactor"), v.getDouble("enl"), v.getBoolean("estimateENL"),
                v.getString("sigmaStr"), v.getString("windowSize"), v.getString("targetWindowSizeStr"),
                v.getInt("anSize"));
    }

    /** The specification's default resolution: 10 m for IW, 5 m for SM; 40 m for EW (its GRDM pixel spacing). */
    static double defaultResolution(S1Product s1) {
        return ModeResolution.of(s1.manifest().mode()).metres();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
