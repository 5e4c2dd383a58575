package eu.ai4c.aq.ops;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.data.CamsFiles;
import eu.ai4c.aq.data.DownscalingGrid;
import eu.ai4c.aq.data.Regrid;
import eu.ai4c.aq.data.StaticFields;
import eu.ai4c.aq.generate.EnsembleGenerator;
import eu.ai4c.aq.generate.EnsembleOutputs;
import eu.ai4c.aq.model.SrganModelFile;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code AQ-Downscale} (SNAP: {@code AI4C-AQ-Downscale}): a trained SRGAN ({@code .aqgan} of
 * {@code aqgan-train}) applied to the bands of an opened product, for SNAP and gpt graphs where
 * the CAMS field is a product (a netCDF opened in SNAP, or the output of another operator), not a
 * file. One time step: the product holds one band per model input on a regular latitude–longitude
 * grid (WGS 84, north up), chosen by name ({@code --bands}, default the model's input names). The
 * cells inside the model's area of interest are downscaled ×8 as {@code aqgan-predict} does — the
 * same regridding, static fields, generator and ensemble statistics — into a product on the HR
 * grid with bands {@code <target>_mean}, {@code <target>_std} and {@code <target>_member_1…N}
 * (µg m⁻³). The noise seed is the model's seed plus {@code --step-index}: aqgan-predict draws the
 * k-th time step of a file with seed + k, so the same field with the same index gives its ensemble
 * to the last bit ({@code AqDownscaleOperatorTest}).
 *
 * <p>The network sees the whole window at once (its receptive field spans frames), so the ensemble
 * is generated on the first tile request and kept (members + 2 fields of the HR window); tiles are
 * then copies. Stateless; the raster is thread-safe.</p>
 */
public final class AqDownscaleOperator implements Operator {
    public static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor("AQ-Downscale",
            "Downscale CAMS bands with a trained SRGAN", "Air Quality",
            "Applies a model trained by aqgan-train to the bands of a product (one time step of CAMS-like fields on a"
                    + " regular latitude-longitude grid, WGS 84): the cells inside the model's area of interest are"
                    + " downscaled x8 into an ensemble; the target holds the ensemble mean, its standard deviation and"
                    + " every member as bands on the high-resolution grid (ug m-3). The same ensemble as aqgan-predict"
                    + " gives for that time step of a file (same model, static fields, members and step index).",
            List.of(SourceDescriptor.required("input", "A product with the model's low-resolution inputs as bands"
                    + " (pm2p5, u10, v10, t2m, lsm, sp, z, pm10 by default; one time step) on a regular"
                    + " latitude-longitude grid, north up (a CAMS/ERA5 netCDF as SNAP opens it)",
                    ProductKind.LAT_LON_GRID)),
            List.of(
                    ParameterDescriptor.builder("modelFile", ParameterType.PATH).option("--model").required()
                            .label("Model file").description("The .aqgan file written by aqgan-train.").build(),
                    ParameterDescriptor.builder("bands", ParameterType.STRING_LIST).option("--bands")
                            .label("Input bands").description("The source bands holding the model's low-resolution"
                                    + " inputs, in the model's order (see the model's lr_inputs; default: bands named"
                                    + " like the inputs, e.g. pm2p5,u10,v10,t2m,lsm,sp,z,pm10).").build(),
                    ParameterDescriptor.builder("staticPath", ParameterType.PATH).option("--static")
                            .label("Static inputs").description("netCDF (or GeoTIFFs) with urban_frac and orog (or"
                                    + " orog_scal) at high resolution (default: the model's data.static_path).").build(),
                    ParameterDescriptor.builder("members", ParameterType.INTEGER).option("--members").interval("[1,*)")
                            .label("Ensemble size").description("Members (default: the model's ensemble_size).")
                            .build(),
                    ParameterDescriptor.builder("stepIndex", ParameterType.INTEGER).option("--step-index")
                            .interval("[0,*)").defaultValue(0).label("Time step index")
                            .description("Noise seed offset: the ensemble of the k-th time step of a file as"
                                    + " aqgan-predict draws it uses the model's seed + k.").build()));

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        Product input = sources.get("input");
        if (input == null) throw Ai4cException.usage("AQ-Downscale: missing source product --input.");
        SrganModelFile model = SrganModelFile.read(params.getPath("modelFile"));
        Raster raster = input.raster();
        CfGrid source = latLonGrid(input);
        List<String> names = params.has("bands") ? params.getList("bands") : model.lrInputs();
        if (names.size() != model.lrInputs().size()) {
            throw Ai4cException.usage("AQ-Downscale: --bands names " + names.size() + " band(s) " + names + " but the"
                    + " model needs " + model.lrInputs().size() + " inputs, in this order: "
                    + String.join(",", model.lrInputs()) + ". Give one band per input.");
        }
        int[] bandIndex = new int[names.size()];
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            bandIndex[k] = raster.bandIndex(names.get(k));
            if (bandIndex[k] < 0) missing.add(names.get(k) + " (for " + model.lrInputs().get(k) + ")");
        }
        if (!missing.isEmpty()) {
            List<String> have = raster.bands().stream().map(Band::name).toList();
            throw new Ai4cException("AQ-Downscale: input " + input.name() + " lacks the band" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " that the model needs; it has " + have + ". Choose the bands"
                    + " with --bands (one per model input, in the order " + String.join(",", model.lrInputs()) + ").");
        }
        DownscalingGrid grid = DownscalingGrid.lrWindow(source, model.config().aoi(), AqConfig.FACTOR, "AQ-Downscale")
                .grid();
        Path statics = staticPath(params, model);
        int members = params.has("members") ? params.getInt("members") : model.config().ensembleSize();
        long seed = model.config().seed() + params.getInt("stepIndex");
        List<Band> bands = new ArrayList<>();
        String target = model.target();
        bands.add(Band.of(target + "_mean", DataType.FLOAT32, Double.NaN).withUnit("ug m-3")
                .withDescription(target + " ensemble mean"));
        bands.add(Band.of(target + "_std", DataType.FLOAT32, Double.NaN).withUnit("ug m-3")
                .withDescription(target + " ensemble standard deviation"));
        for (int m = 1; m <= members; m++) {
            bands.add(Band.of(target + "_member_" + m, DataType.FLOAT32, Double.NaN).withUnit("ug m-3")
                    .withDescription(target + " ensemble member " + m));
        }
        CfGrid hr = grid.hr();
        MapGeoCoding gc = new MapGeoCoding(Projections.wgs84(), new double[] {hr.west() - hr.lonStep() / 2,
                hr.lonStep(), 0, hr.north() + hr.latStep() / 2, 0, -hr.latStep()});
        Metadata md = input.metadata().copy();
        md.childOrCreate("Processing_History").addChild("AQ-Downscale")
                .set("model", params.getPath("modelFile").toString()).set("epoch", model.epoch())
                .set("bands", String.join(",", names)).set("members", members).set("seed", seed)
                .set("width", hr.width()).set("height", hr.height());
        return new Product(input.name() + "_downscaled", new EnsembleRaster(raster, bandIndex, source, grid, model, statics,
                members, seed, context.threads(), bands, gc), md, null);
    }

    /** The static inputs: {@code --static}, or the model's static_path when it is an existing absolute path. */
    private static Path staticPath(ParameterValues params, SrganModelFile model) {
        if (params.has("staticPath")) return params.getPath("staticPath");
        Path statics = Path.of(model.config().data().staticPath());
        if (!statics.isAbsolute() || !Files.exists(statics)) {
            throw Ai4cException.usage("AQ-Downscale: give --static (netCDF with " + String.join(", ", model.staticInputs())
                    + " at high resolution): the model's static_path " + statics + " is not an existing absolute path.");
        }
        return statics;
    }

    /**
     * The product's grid as cell centres (canonical: rows north to south, longitudes −180…180); a
     * clear error for anything but a north-up latitude–longitude grid.
     */
    static CfGrid latLonGrid(Product p) {
        if (!(p.raster().geoCoding() instanceof MapGeoCoding g) || !Projections.isGeographic(g.crs())) {
            throw new Ai4cException("AQ-Downscale: input " + p.name() + " is not on a latitude-longitude grid ("
                    + (p.raster().geoCoding() == null ? "no geocoding" : p.raster().geoCoding()) + "). The model"
                    + " downscales CAMS-like fields on a regular lat-lon grid: open the CAMS netCDF itself, or reproject"
                    + " to WGS84 first (Raster > Geometric > Reprojection).");
        }
        double[] t = g.geoTransform();
        if (t[2] != 0 || t[4] != 0 || t[5] >= 0) {
            throw new Ai4cException("AQ-Downscale: input " + p.name() + " is rotated or not north up (geotransform "
                    + java.util.Arrays.toString(t) + "). Reproject it to WGS84 north up first.");
        }
        int w = p.raster().width();
        double west = t[0] + t[1] / 2;
        double east = west + (w - 1) * t[1];
        if (west >= 180) {
            west -= 360;
        } else if (east > 180) {
            throw new Ai4cException(String.format(Locale.ROOT, "AQ-Downscale: input %s spans longitudes %.3f to %.3f,"
                    + " across 180°. Give longitudes −180…180 (e.g. a subset, or cdo sellonlatbox,-180,180,-90,90)",
                    p.name(), west, east));
        }
        return CfGrid.regular(w, p.raster().height(), t[3] + t[5] / 2, west, -t[5], t[1]);
    }

    /** The ensemble on the HR window, generated once on the first read. */
    private static final class EnsembleRaster implements Raster {
        private final Raster source;
        private final int[] bandIndex;
        private final CfGrid sourceGrid;
        private final DownscalingGrid grid;
        private final SrganModelFile model;
        private final Path statics;
        private final int members;
        private final long seed;
        private final int threads;
        private final List<Band> bands;
        private final MapGeoCoding geoCoding;
        /** mean, std, members 1…N on the HR window; null until generated. */
        private volatile float[][] fields;

        EnsembleRaster(Raster source, int[] bandIndex, CfGrid sourceGrid, DownscalingGrid grid, SrganModelFile model,
                       Path statics, int members, long seed, int threads, List<Band> bands, MapGeoCoding geoCoding) {
            this.source = source;
            this.bandIndex = bandIndex;
            this.sourceGrid = sourceGrid;
            this.grid = grid;
            this.model = model;
            this.statics = statics;
            this.members = members;
            this.seed = seed;
            this.threads = threads;
            this.bands = List.copyOf(bands);
            this.geoCoding = geoCoding;
        }

        @Override
        public int width() {
            return grid.hr().width();
        }

        @Override
        public int height() {
            return grid.hr().height();
        }

        @Override
        public List<Band> bands() {
            return bands;
        }

        @Override
        public MapGeoCoding geoCoding() {
            return geoCoding;
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            float[] f = fields()[band];
            int w = width();
            float[] out = new float[region.width() * region.height()];
            for (int r = 0; r < region.height(); r++) {
                System.arraycopy(f, (region.y() + r) * w + region.x(), out, r * region.width(), region.width());
            }
            return new Block(region, DataType.FLOAT32, out);
        }

        private float[][] fields() throws IOException {
            float[][] f = fields;
            if (f != null) return f;
            synchronized (this) {
                if (fields == null) fields = generate();
                return fields;
            }
        }

        /** As {@code aqgan-predict} does for one step: inputs onto the window, statics, generator, statistics. */
        private float[][] generate() throws IOException {
            float[][] in = new float[bandIndex.length][];
            for (int k = 0; k < in.length; k++) {
                Band b = source.bands().get(bandIndex[k]);
                float[] v = source.read(bandIndex[k], source.bounds()).toFloats();
                float[] values = v.clone();
                double factor = CamsFiles.toAi4cUnits(b.unit());
                for (int i = 0; i < values.length; i++) {
                    if (b.hasNoData() && b.isNoData(values[i])) values[i] = Float.NaN;
                    else if (factor != 1) values[i] *= (float) factor;
                }
                in[k] = Regrid.bilinear(sourceGrid, values, grid.lr());
            }
            float[][] st;
            try (CamsFiles sf = CamsFiles.open(statics, "staticPath")) {
                st = StaticFields.read(sf, model.staticInputs(), grid.hr());
            }
            float[][] ens;
            try (EnsembleGenerator gen = new EnsembleGenerator(model, threads)) {
                ens = gen.generate(in, st, grid.lr().width(), grid.lr().height(), members, seed);
            }
            float[][] out = new float[members + 2][];
            out[0] = EnsembleOutputs.mean(ens);
            out[1] = EnsembleOutputs.std(ens, out[0]);
            System.arraycopy(ens, 0, out, 2, members);
            return out;
        }
    }
}
