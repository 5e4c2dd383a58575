package eu.ai4c.s1.chain;

import eu.ai4c.kit.aoi.AoiCrop;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.ElevationModels;
import eu.ai4c.kit.dem.GeoTiffTileFormat;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.HgtFormat;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.kit.warp.Resampling;
import eu.ai4c.kit.warp.TargetGrid;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.calibration.DecibelRaster;
import eu.ai4c.s1.geometry.SarLocator;
import eu.ai4c.s1.geometry.TerrainCorrectionRaster;
import eu.ai4c.s1.geometry.ZeroDoppler;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.speckle.SpeckleParameters;
import eu.ai4c.s1.speckle.SpeckleRaster;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the Sentinel-1 chains after calibration, shared by {@code S1-GRD-preprocess} and
 * {@code S1-SLC-preprocess} (specification sections 2.2.1.4 and 2.2.2.4): speckle filter on the
 * SAR grid, range-Doppler terrain correction onto a map grid covering the scene at the chosen
 * projection and resolution, dB, land/sea mask and area of interest, then the output product named
 * {@code <input>_<Sigma0|Gamma0|Beta0>[_dB]_TC} with the processing history. Lazy rasters
 * throughout; tiles of the SAR grid that filters and terrain correction reuse are cached.
 * Stateless.
 */
public final class BackscatterChain {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    private BackscatterChain() {
    }

    /**
     * A {@code --calibration} value of table 2/3: the quantity, its band prefix and whether in dB.
     *
     * @param type   sigma0, gamma0 or beta0
     * @param prefix {@code Sigma0}, {@code Gamma0} or {@code Beta0}
     * @param db     true for the {@code …DB} values
     */
    public record CalibrationOutput(CalibrationType type, String prefix, boolean db) {
        /** Parses {@code Sigma}, {@code Gamma}, {@code Beta} or those followed by {@code DB}. */
        public static CalibrationOutput parse(String calibration) {
            boolean db = calibration.endsWith("DB");
            String quantity = calibration.substring(0, db ? calibration.length() - 2 : calibration.length());
            CalibrationType type = switch (quantity) {
                case "Sigma" -> CalibrationType.SIGMA_NOUGHT;
                case "Gamma" -> CalibrationType.GAMMA;
                default -> CalibrationType.BETA_NOUGHT;
            };
            return new CalibrationOutput(type, quantity + "0", db);
        }
    }

    /** SNAP's speckle parameters from the operator's, with the filter named by {@code --speckle}. */
    public static SpeckleParameters speckleParameters(ParameterValues v) {
        return new SpeckleParameters(v.getString("speckle"), v.getInt("filterSizeX"), v.getInt("filterSizeY"),
                v.getDouble("dampingFactor"), v.getDouble("enl"), v.getBoolean("estimateENL"),
                v.getString("sigmaStr"), v.getString("windowSize"), v.getString("targetWindowSizeStr"),
                v.getInt("anSize"));
    }

    /**
     * The speckle filter of {@code --speckle} on the calibrated SAR image (none for {@code None}),
     * with the tiles that the filter's halos and terrain correction's windows reuse cached.
     */
    public static Raster speckleFiltered(Raster sar, ParameterValues params, TileCache cache) throws IOException {
        SpeckleParameters speckle = speckleParameters(params);
        Raster out = sar;
        if (!speckle.filter().equals("None")) out = SpeckleRaster.of(new CachedRaster(out, 512, 512, cache), speckle);
        return new CachedRaster(out, 512, 512, cache);
    }

    /**
     * Terrain correction, dB, land/sea mask and area of interest, as the output product.
     *
     * @param sar         the calibrated (and filtered) SAR image, linear intensity
     * @param zeroDoppler its orbit and image geometry
     * @param calibration the {@code --calibration} value
     * @param alias       the operator's alias (history, messages)
     */
    public static Product terrainCorrected(Raster sar, ZeroDoppler zeroDoppler, CalibrationOutput calibration,
                                           Product input, S1Product s1, ParameterValues params,
                                           ProcessingContext context, String alias) throws IOException {
        Geoid geoid = Geoid.locate(params.has("geoid") ? params.getPath("geoid") : null);
        ElevationModel dem = ElevationModels.open(params.has("dem") ? params.getPath("dem") : null, geoid,
                file -> ProductIO.read(file).raster(), List.of(new HgtFormat(), new GeoTiffTileFormat()), context.warnings());
        LOG.info("{}: heights from {}", alias, dem.describe());
        SarLocator locator = new SarLocator(zeroDoppler.orbit(), zeroDoppler.geometry());
        double[] heights = heightRange(dem, locator.footprint(0));
        double[][] low = locator.footprint(heights[0] - 100), high = locator.footprint(heights[1] + 100);
        double[] lon = concat(low[0], high[0]), lat = concat(low[1], high[1]);
        CoordinateReferenceSystem crs = Projections.parse(params.getString("projection"), mean(low[0]), mean(low[1]));
        double resolution = params.has("resolution") ? params.getDouble("resolution")
                : ModeResolution.of(s1.manifest().mode()).metres();
        TargetGrid grid = TargetGrid.covering(lon, lat, crs, resolution);
        LOG.info("{}: output grid {} x {} pixels at {} m in {}", alias, grid.width(), grid.height(), resolution,
                crs.getName().getCode());
        Raster out = new TerrainCorrectionRaster(sar, zeroDoppler, dem, grid,
                TerrainCorrectionRaster.DEFAULT_NODE_STEP, params.getChoice("imgResampling", Resampling.class));
        if (calibration.db()) out = new DecibelRaster(out);
        out = LandSea.apply(out, params, dem, geoid);
        if (params.has("aoi")) out = AoiCrop.crop(out, AreaOfInterest.parse(params.getString("aoi")), false);

        Metadata md = input.metadata().copy();
        Metadata history = md.childOrCreate("Processing_History").addChild(alias);
        params.asMap().forEach((k, v) -> history.set(k, v instanceof double[] d ? Arrays.toString(d) : v));
        history.set("dem", dem.describe());
        String name = s1.name().replaceFirst("(?i)\\.SAFE$", "") + "_" + calibration.prefix()
                + (calibration.db() ? "_dB" : "") + "_TC";
        return new Product(name, out, md, null);
    }

    /**
     * The lowest and highest terrain (ellipsoid heights) of the scene: the DEM sampled on a 64 × 64
     * lattice over the bounds of the footprint at height 0. The output grid covers the image seen at
     * both, so relief shifts no pixel out of it, without the wide empty margin a fixed worst-case
     * height range would add to small scenes.
     */
    static double[] heightRange(ElevationModel dem, double[][] footprint) {
        double w = Double.MAX_VALUE, e = -Double.MAX_VALUE, south = Double.MAX_VALUE, north = -Double.MAX_VALUE;
        for (int i = 0; i < footprint[0].length; i++) {
            w = Math.min(w, footprint[0][i]);
            e = Math.max(e, footprint[0][i]);
            south = Math.min(south, footprint[1][i]);
            north = Math.max(north, footprint[1][i]);
        }
        int n = 64;
        double[] lon = new double[n * n], lat = new double[n * n], h = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                lon[r * n + c] = w + (e - w) * c / (n - 1);
                lat[r * n + c] = south + (north - south) * r / (n - 1);
            }
        }
        dem.heights(lon, lat, h, n * n);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double v : h) {
            if (Double.isNaN(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {-100, 4000};
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
