package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AoiCrop;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.dem.ElevationModel;
import eu.ai4c.kit.dem.ElevationModels;
import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.dem.GeoidOnlyDem;
import eu.ai4c.kit.dem.HgtFormat;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.landsea.LandSeaMask;
import eu.ai4c.kit.landsea.LandSeaMaskRaster;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.CachedRaster;
import eu.ai4c.kit.tile.TileCache;
import eu.ai4c.kit.warp.PixelTransform;
import eu.ai4c.kit.warp.TargetGrid;
import eu.ai4c.kit.warp.WarpRaster;
import eu.ai4c.s2.safe.BandImage;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.safe.S2Product;
import eu.ai4c.s2.safe.SafeChecksums;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.sis.util.Utilities;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code S2-preprocess} (specification section 2.2.3): the bands asked for, as float32
 * reflectance on one grid. Steps, all lazy and tile by tile: (1) L1C input goes through Sen2Cor
 * when installed (else stops, or continues on top-of-atmosphere reflectance with
 * {@code --l1c-as-toa}, which also skips Sen2Cor); (2) each band is resampled from its native
 * grid to the output resolution in the tile's CRS ({@link ResampledBand}); (3) cloudy pixels
 * become NaN ({@link CloudFlags}); (4) reprojection with the kit's {@link WarpRaster} when the
 * projection asked for is not the tile's own (UTM(Auto) keeps a UTM tile's zone); (5) land or sea
 * pixels become NaN ({@link LandSeaMaskRaster}: land polygons of {@code --landmask-vector}, else
 * the DEM, elevation ≤ 0 is sea, with {@code --landseamask-tolerance}); (6) crop to the area of
 * interest. Stateless.
 */
public final class S2PreprocessOperator implements Operator {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    /** Cache of cloud-flag tiles, shared by the bands of a tile. */
    private static final long FLAG_CACHE_BYTES = 64L << 20;

    @Override
    public OperatorDescriptor descriptor() {
        return S2PreprocessDescriptor.DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context) throws IOException {
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage("S2-preprocess: missing source product --input.");
        S2Product s2 = input.attachment(S2Product.class).orElseThrow(() -> Ai4cException.usage("S2-preprocess: input "
                + input.name() + input.location().map(p -> " (" + p + ")").orElse("") + " is not a Sentinel-2 product; "
                + "give a Sentinel-2 SAFE product (.SAFE folder or .zip) or a folder of per-band GeoTIFFs."));
        List<S2Band> bands = bands(params.getList("bands"));
        String cloudmask = params.getString("cloudmask");
        for (S2Band b : bands) s2.band(b); // a band the product lacks: clear usage error before any work
        boolean sen2cor = s2.level() == S2Level.L1C && !params.getBoolean("l1cAsToa");
        if (sen2cor && Sen2Cor.executable().isEmpty()) throw sen2corMissing(s2); // before reading anything
        if (params.getBoolean("verify")) {
            // Sen2Cor reads every band of an L1C product; otherwise only the bands asked and the masks are read
            List<BandImage> read = new ArrayList<>(sen2cor ? s2.bands().values() : List.of());
            if (!sen2cor) for (S2Band b : bands) read.add(s2.band(b));
            if (cloudmask.equals("L2A")) s2.scl().ifPresent(read::add);
            if (cloudmask.equals("L1C")) s2.cloudClassification().ifPresent(read::add);
            int checked = SafeChecksums.verify(s2, read, context.threads());
            LOG.info("S2-preprocess: {} files of {} match the checksums of its manifest", checked, s2.name());
        }
        s2 = level(s2, params.getBoolean("l1cAsToa"), context);
        for (S2Band b : bands) s2.band(b); // Sen2Cor's L2A has no B10

        double res = params.getDouble("resolution");
        BandImage ref = finest(s2);
        double px = ref.grid().pixelSizeX() * res / ref.resolution(), py = ref.grid().pixelSizeY() * res / ref.resolution();
        int width = (int) Math.ceil(ref.width() * ref.grid().pixelSizeX() / px - 1e-9);
        int height = (int) Math.ceil(ref.height() * ref.grid().pixelSizeY() / py - 1e-9);
        MapGeoCoding grid = MapGeoCoding.northUp(s2.crs(), ref.grid().x(0, 0), ref.grid().y(0, 0), px, py);
        Upsampling up = params.getChoice("upsampling", Upsampling.class);
        Downsampling down = params.getChoice("downsampling", Downsampling.class);
        FlagDownsampling flagDown = params.getChoice("flagDownsampling", FlagDownsampling.class);

        List<Raster> resampled = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (S2Band b : bands) {
            resampled.add(new ResampledBand(s2.band(b), s2.offset(b), s2.quantification(), s2.noDataValue(), grid, width,
                    height, up, down));
            names.add(b.name());
        }
        Raster cloud = cloudFlags(s2, cloudmask, grid, width, height, flagDown);
        String lsm = params.getString("landseamask");
        LandSeaMask.Mode lsmMode = LandSeaMask.Mode.parse(lsm, "--landseamask");
        List<BandImage> used = new ArrayList<>();
        for (S2Band b : bands) used.add(s2.band(b));
        if (cloudmask.equals("L2A")) s2.scl().ifPresent(used::add);
        if (cloudmask.equals("L1C")) s2.cloudClassification().ifPresent(used::add);
        ImagePrefetch.start(used, context.threads());
        Raster raster = new PreprocessRaster(resampled, names, cloud);
        LOG.info("S2-preprocess: {} {} baseline {}, bands {} at {} m ({}x{} px, {} upsampling, {} downsampling), "
                        + "cloud mask {}, land/sea mask {}", s2.name(), s2.level(), s2.baseline(), names,
                fmt(res), width, height, up, down, cloudmask, lsm);

        String projection = params.getString("projection");
        CoordinateReferenceSystem target = targetCrs(projection, grid, width, height);
        if (!Utilities.equalsIgnoreMetadata(target, s2.crs())) {
            double[] pix = TargetGrid.pixelSize(grid, target, res, true);
            TargetGrid tg = TargetGrid.derive(grid, width, height, target, pix[0], pix[1], null, false);
            raster = new WarpRaster(raster, tg, up.kernel(), PixelTransform.DEFAULT_MAX_ERROR);
            LOG.info("S2-preprocess: reprojecting to {} ({}x{} px)", target.getName().getCode(), tg.width(), tg.height());
        }
        raster = landSea(raster, lsmMode, params, context);
        if (params.has("aoi")) {
            raster = AoiCrop.crop(raster, AreaOfInterest.parse(params.getString("aoi")), false);
        }
        Metadata md = input.metadata().copy();
        Metadata h = md.childOrCreate("Processing_History").addChild("S2-preprocess");
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) h.set(e.getKey(), String.valueOf(e.getValue()));
        h.set("level", s2.level()).set("processing_baseline", s2.baseline());
        return new Product(s2.name() + "_S2-preprocess", raster, md, null);
    }

    /**
     * Step (5): the land/sea mask on the output grid, after the reprojection (so the DEM or the
     * polygons are sampled once per output pixel, on the grid the user gets) and before the AoI
     * crop (which only narrows the regions pulled, so no mask work is spent outside the AoI).
     * Land polygons win over the DEM; the DEM is opened only when it decides.
     */
    private static Raster landSea(Raster raster, LandSeaMask.Mode mode, ParameterValues params, ProcessingContext context)
            throws IOException {
        double tolerance = params.getDouble("landseamaskTolerance");
        Path vector = params.has("landmaskVector") ? params.getPath("landmaskVector") : null;
        ElevationModel dem = null;
        Geoid geoid = null;
        if (mode != LandSeaMask.Mode.NONE && vector == null && params.has("dem")) {
            geoid = Geoid.locate(params.has("geoid") ? params.getPath("geoid") : null);
            dem = ElevationModels.open(params.getPath("dem"), geoid, file -> ProductIO.read(file).raster(),
                    List.of(new HgtFormat()), context.warnings());
            LOG.info("S2-preprocess: land/sea mask from {}", dem.describe());
        }
        return LandSeaMaskRaster.of(raster, mode, tolerance, vector, dem, dem instanceof GeoidOnlyDem, geoid);
    }

    private static List<S2Band> bands(List<String> names) {
        LinkedHashSet<S2Band> set = new LinkedHashSet<>();
        for (String n : names) {
            if (!set.add(S2Band.parse(n))) {
                throw Ai4cException.usage("S2-preprocess: band " + n + " is given twice in --bands; list each band once.");
            }
        }
        return List.copyOf(set);
    }

    private static S2Product level(S2Product s2, boolean asToa, ProcessingContext context) throws IOException {
        if (s2.level() == S2Level.L2A) return s2;
        if (asToa) {
            context.warnings().warning("S2-preprocess: " + s2.name() + " is Level-1C; processing top-of-atmosphere "
                    + "reflectance (--l1c-as-toa), not surface reflectance.");
            return s2;
        }
        Optional<Path> sen2cor = Sen2Cor.executable();
        if (sen2cor.isEmpty()) throw sen2corMissing(s2);
        return Sen2Cor.toL2A(s2, sen2cor.get());
    }

    private static Ai4cException sen2corMissing(S2Product s2) {
        return new Ai4cException("S2-preprocess: input " + s2.name() + " is a Level-1C product and Sen2Cor "
                + "(L2A_Process) is not installed, so it cannot be processed to Level-2A. Install Sen2Cor (put "
                + "L2A_Process on the PATH), give an L2A product, or add --l1c-as-toa to continue on "
                + "top-of-atmosphere reflectance.");
    }

    private static BandImage finest(S2Product s2) {
        BandImage best = null;
        for (BandImage b : s2.bands().values()) {
            if (best == null || b.resolution() < best.resolution()) best = b;
        }
        return best;
    }

    private static Raster cloudFlags(S2Product s2, String mask, MapGeoCoding grid, int w, int h, FlagDownsampling m) {
        CloudFlags flags;
        switch (mask) {
            case "None" -> {
                return null;
            }
            case "L2A" -> {
                BandImage scl = s2.scl().orElseThrow(() -> Ai4cException.usage("S2-preprocess: --cloudmask L2A needs "
                        + "the scene classification (SCL) of an L2A product; " + s2.name() + " (" + s2.level()
                        + ") has none. Use --cloudmask L1C for L1C products, or None."));
                flags = CloudFlags.fromScl(scl, grid, w, h, m);
            }
            case "L1C" -> {
                if (s2.cloudClassification().isPresent()) {
                    flags = CloudFlags.fromClassification(s2.cloudClassification().get(), grid, w, h, m);
                } else if (s2.gmlClouds().isPresent()) {
                    flags = CloudFlags.fromGml(s2.gmlClouds().get(), grid, w, h);
                } else {
                    throw Ai4cException.usage("S2-preprocess: --cloudmask L1C needs the L1C cloud mask (MSK_CLASSI_B00 or "
                            + "MSK_CLOUDS_B00.gml); " + s2.name() + " has none. Use --cloudmask L2A or None.");
                }
            }
            default -> throw new IllegalStateException("cloudmask " + mask);
        }
        return new CachedRaster(flags, 512, 512, new TileCache(FLAG_CACHE_BYTES));
    }

    /** UTM(Auto) keeps a tile already in a WGS 84 / UTM zone; otherwise the projection as parsed. */
    private static CoordinateReferenceSystem targetCrs(String projection, MapGeoCoding grid, int w, int h) {
        String p = projection.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (p.equals("UTM(AUTO)") || p.equals("AUTO:42001") || p.equals("UTM")) {
            OptionalInt code = Projections.epsgCode(grid.crs());
            if (code.isPresent() && (code.getAsInt() / 100 == 326 || code.getAsInt() / 100 == 327)) return grid.crs();
        }
        double[] centre = TargetGrid.centreLonLat(grid, w, h);
        return Projections.parse(projection, centre[0], centre[1]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
