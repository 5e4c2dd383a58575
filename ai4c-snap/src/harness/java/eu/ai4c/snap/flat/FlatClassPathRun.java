package eu.ai4c.snap.flat;

import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.OperatorExecution;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import eu.ai4c.snap.EngineOperatorAdapter;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.MemoryTile;
import org.esa.snap.core.gpf.Tile;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;

/**
 * Runs every AI4C operator registered in the plugin's GPF services file through its adapter, as
 * gpt would, on whatever class path this JVM was started with: {@code GptClassPathIT} starts it
 * on a gpt-style flat class path (SNAP's third-party jars first, then the jars of the installed
 * {@code .nbm} files). For each adapter: fields set from the {@code @Parameter} defaults and the
 * case's values, {@code initialize()}, then {@code computeTileStack} of the first tile. Prints
 * {@code OK <alias> <width>x<height> <bands>} per operator; exits with 1 on the first failure.
 */
public final class FlatClassPathRun {
    private static final String SERVICES = "META-INF/services/org.esa.snap.core.gpf.OperatorSpi";
    private static final int W = 96, H = 80;
    private static final String[] CROP_BANDS = {"B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12"};

    private FlatClassPathRun() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ai4c-flat-run");
        List<String> adapters;
        try (InputStream in = FlatClassPathRun.class.getClassLoader().getResourceAsStream(SERVICES)) {
            if (in == null) throw new IllegalStateException(SERVICES + " is not on the class path");
            adapters = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replace("$Spi", "")).toList();
        }
        for (String name : adapters) {
            System.out.println(firstTile(Class.forName(name), work));
        }
    }

    /**
     * Runs one adapter as GPF would: a new instance, the {@code @Parameter} defaults and the case's
     * values and sources, {@code initialize()}, then {@code computeTileStack} of the first tile
     * (at most 64×64). Returns {@code OK <alias> <width>x<height> <bands>}; throws on a failure.
     */
    public static String firstTile(Class<?> adapter, Path work) throws Exception {
        String alias = adapter.getAnnotation(OperatorMetadata.class).alias();
        EngineOperatorAdapter op = (EngineOperatorAdapter) adapter.getDeclaredConstructor().newInstance();
        Path dir = Files.createDirectories(work.resolve(alias));
        if (alias.equals(HUMAN_FEATURES) && !storeBuilt(dir)) return refusedWithoutSqlite(op, dir);
        GpfSetup.configure(op, parameters(alias, dir), sources(alias, dir));
        op.initialize();
        Product target = op.getTargetProduct();
        Rectangle r = new Rectangle(0, 0, Math.min(64, target.getSceneRasterWidth()),
                Math.min(64, target.getSceneRasterHeight()));
        Map<org.esa.snap.core.datamodel.Band, Tile> tiles = new LinkedHashMap<>();
        for (org.esa.snap.core.datamodel.Band b : target.getBands()) tiles.put(b, new MemoryTile(b, r, null));
        op.computeTileStack(tiles, r, com.bc.ceres.core.ProgressMonitor.NULL);
        for (Map.Entry<org.esa.snap.core.datamodel.Band, Tile> t : tiles.entrySet()) {
            if (t.getValue().getRawSamples() == null) {
                throw new IllegalStateException(alias + ": band " + t.getKey().getName() + " was not computed");
            }
        }
        if (alias.equals("AI4C-Humanfeatures-Query")) {
            checkHumanFeatures(dir);
            checkVectorDataAdded(adapter, dir);
        }
        return "OK " + alias + " " + target.getSceneRasterWidth() + "x" + target.getSceneRasterHeight()
                + " " + target.getBands().length;
    }

    /** The source products of one operator's run, by source field name. */
    private static Map<String, Product> sources(String alias, Path dir) throws Exception {
        return switch (alias) {
            case "AI4C-Warp" -> Map.of("input", mapScene());
            case "AI4C-Speckle-Filter" -> Map.of("source", mapScene());
            case "AI4C-S1-GRD-Preprocess" -> Map.of("input", opened(SyntheticGrd.builder(240, 180)
                    .polarisations("VV", "VH").centre(41.9, 12.5).noValueBorder(10).seed(7).build().write(dir)));
            case "AI4C-S1-SLC-Preprocess" -> Map.of("input", opened(SyntheticSlc.builder(120, 60, 2)
                    .polarisations("VV").centre(41.9, 12.5).seed(7).build().write(dir)));
            case "AI4C-S1-CD" -> {
                Path[] pair = RepeatPassPair.builder(120, 60, 2).swaths(1).seed(7).build().write(dir);
                yield Map.of("input1", opened(pair[0]), "input2", opened(pair[1]));
            }
            case "AI4C-Humanfeatures-Query" -> Map.of("input", townScene());
            // the CAMS file {@link #parameters} made, as a SNAP product on a WGS 84 CrsGeoCoding
            case "AI4C-AQ-Downscale" -> Map.of("input", camsScene(dir.resolve("data/cams_lr.nc")));
            case "AI4C-S2-Preprocess" -> Map.of("input",
                    opened(SyntheticS2Product.builder(S2Level.L2A).size(120).build().write(dir)));
            case "AI4C-S2-CD" -> {
                SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(120).noDataColumns(0);
                yield Map.of("input1", opened(b.build().write(Files.createDirectories(dir.resolve("1")))),
                        "input2", opened(b.build().write(Files.createDirectories(dir.resolve("2")))));
            }
            // no source product: they read folders and write files
            case "AI4C-Tile_classifier", "AI4C-Timesen2crop-Export", "AI4C-Train_lstm", "AI4C-Monthlycomposite",
                 "AI4C-Unet", "AI4C-Aqgan-Preproc", "AI4C-Aqgan-Train", "AI4C-Aqgan-Generate", "AI4C-Aqgan-Predict" -> Map.of();
            default -> throw new IllegalStateException("No flat class path case for " + alias
                    + ": add its sources and parameters to " + FlatClassPathRun.class.getName() + ".");
        };
    }

    /** Parameter values (by field name) besides the defaults. */
    private static Map<String, Object> parameters(String alias, Path dir) throws Exception {
        return switch (alias) {
            // LAEA Europe is not among SIS's built-in fallbacks: it needs the EPSG database
            case "AI4C-Warp" -> Map.of("projection", "EPSG:3035", "resolution", 20.0);
            case "AI4C-S1-GRD-Preprocess" -> Map.of("resolution", 40.0, "polarization", new String[] {"VV", "VH"});
            case "AI4C-S1-SLC-Preprocess" -> Map.of("resolution", 40.0);
            case "AI4C-S1-CD" -> Map.of("resolution", 40.0);
            case "AI4C-S2-Preprocess" -> Map.of("resolution", 20.0);
            case "AI4C-Tile_classifier" -> Map.of("mcDir", composites(dir.resolve("mc")).toFile(),
                    "model", model(dir).toFile());
            case "AI4C-Timesen2crop-Export" -> Map.of("inputDir", timeSen2Crop(dir).toFile(), "valFraction", 0.25,
                    "outputDir", dir.resolve("out").toFile());
            case "AI4C-Train_lstm" -> {
                Path npy = exported(dir);
                yield Map.of("inputDir", npy.toFile(), "val", npy.resolve("val").toFile(), "nEpochs", 2,
                        "outputDir", dir.resolve("out").toFile());
            }
            case "AI4C-Unet" -> {
                Path tiles = dir.resolve("tiles");
                eu.ai4c.agri.unet.synthetic.SyntheticLandscape.write(tiles, "t",
                        eu.ai4c.agri.unet.synthetic.SyntheticLandscape.draw(128, 96, 3));
                yield Map.of("action", "extract_data", "inputDir", tiles.toFile(), "patchSize", "64",
                        "selectedClasses", "1,2,3", "outputDir", dir.resolve("out").toFile());
            }
            case "AI4C-Monthlycomposite" -> Map.of("input_dir", series(dir.resolve("series")).toFile(),
                    "outputDir", dir.resolve("out").toFile());
            case "AI4C-Aqgan-Preproc" -> camsRun(cams(dir), dir.resolve("out"));
            case "AI4C-Humanfeatures-Query" -> Map.of("store", dir.resolve("town.gpkg").toFile(), "classes",
                    new String[] {"road", "hospital", "fuel_station", "built_up"}, "outputDir", dir.resolve("out").toFile());
            case "AI4C-Aqgan-Train" -> {
                Path config = cams(dir);
                run("aqgan-preproc", camsParameters(config), dir.resolve("out"));
                yield camsRun(config, dir.resolve("out"));
            }
            case "AI4C-Aqgan-Generate" -> {
                Map<String, Object> p = new LinkedHashMap<>(camsRun(trainedCams(dir), dir.resolve("out")));
                p.put("startDate", "2024010203");
                yield p;
            }
            case "AI4C-Aqgan-Predict" -> {
                trainedCams(dir);
                yield Map.of("modelFile", dir.resolve("out/srgan_cams.aqgan").toFile(),
                        "input", dir.resolve("data/cams_lr.nc").toFile(),
                        "staticPath", dir.resolve("data/static_hr.nc").toFile(), "members", 2,
                        "outputDir", dir.resolve("predicted").toFile());
            }
            case "AI4C-AQ-Downscale" -> {
                trainedCams(dir);
                yield Map.of("modelFile", dir.resolve("out/srgan_cams.aqgan").toFile(),
                        "staticPath", dir.resolve("data/static_hr.nc").toFile(), "members", 2);
            }
            default -> Map.of();
        };
    }

    /** Time step 0 of a CAMS-like file as SNAP's netCDF reader shows it: float bands on a lat-lon CrsGeoCoding. */
    private static Product camsScene(Path lrFile) throws Exception {
        eu.ai4c.kit.raster.Product step = eu.ai4c.aq.data.CamsProducts.timeStep(lrFile,
                eu.ai4c.aq.config.AqConfig.defaults().lrInputs(), 0, "");
        eu.ai4c.kit.raster.Raster r = step.raster();
        Product p = new Product("cams_lr", "NetCDF-CF", r.width(), r.height());
        for (int b = 0; b < r.bands().size(); b++) {
            org.esa.snap.core.datamodel.Band band = p.addBand(r.bands().get(b).name(), ProductData.TYPE_FLOAT32);
            band.setUnit(r.bands().get(b).unit());
            band.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, r.read(b, r.bounds()).floats());
        }
        double[] t = ((MapGeoCoding) r.geoCoding()).geoTransform();
        p.setSceneGeoCoding(new CrsGeoCoding(org.geotools.referencing.CRS.decode("EPSG:4326", true),
                new Rectangle(r.width(), r.height()), new AffineTransform(t[1], 0, 0, t[5], t[0], t[3])));
        return p;
    }

    /** A SNAP product as a reader gives it: one float32 band on a UTM 32N {@code CrsGeoCoding}. */
    private static Product mapScene() throws Exception {
        float[] v = new float[W * H];
        for (int i = 0; i < v.length; i++) v[i] = 0.1f + (i * 7919 % 1000) / 5000f;
        Product p = new Product("scene", "GeoTIFF", W, H);
        org.esa.snap.core.datamodel.Band b = p.addBand("Sigma0_VV", ProductData.TYPE_FLOAT32);
        b.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, v);
        p.setSceneGeoCoding(new CrsGeoCoding(org.geotools.referencing.CRS.decode("EPSG:32632", true),
                new Rectangle(W, H), new AffineTransform(20, 0, 0, -20, 500000, 5000000)));
        return p;
    }

    /** Top-left corner (UTM 31N) of {@link #townScene}: 5.005°E 45.025°N, inside the synthetic town. */
    private static final double TOWN_E = 657956, TOWN_N = 4987683;

    /** A scene on UTM 31N over part of the synthetic town of {@link #town} (1.9 km x 1.6 km). */
    private static Product townScene() throws Exception {
        Product p = new Product("town", "GeoTIFF", W, H);
        org.esa.snap.core.datamodel.Band b = p.addBand("B4", ProductData.TYPE_FLOAT32);
        b.data = ProductData.createInstance(ProductData.TYPE_FLOAT32, new float[W * H]);
        p.setSceneGeoCoding(new CrsGeoCoding(org.geotools.referencing.CRS.decode("EPSG:32631", true),
                new Rectangle(W, H), new AffineTransform(20, 0, 0, -20, TOWN_E, TOWN_N)));
        return p;
    }

    private static final String HUMAN_FEATURES = "AI4C-Humanfeatures-Query";
    /** The start of the line {@link #firstTile} returns when the engine has no SQLite driver (SNAP without the Optical Toolbox). */
    public static final String REFUSED_WITHOUT_SQLITE = "REFUSED " + HUMAN_FEATURES + " without an SQLite driver: ";

    /**
     * Builds the feature store of {@link #town}; false when the engine sees no SQLite JDBC driver, as
     * inside a SNAP Desktop without the Optical Toolbox (the engine module bundles none, see nbm/README.md).
     */
    private static boolean storeBuilt(Path dir) throws Exception {
        try {
            town(dir);
            return true;
        } catch (eu.ai4c.kit.Ai4cException e) {
            if (e.getMessage().contains("no SQLite JDBC driver")) return false;
            throw e;
        }
    }

    /** Without SQLite the adapter must refuse the store with the fix (the Optical Toolbox or the ai4c command), writing nothing. */
    private static String refusedWithoutSqlite(EngineOperatorAdapter op, Path dir) throws Exception {
        Path store = Files.writeString(dir.resolve("empty.gpkg"), "");
        Path out = dir.resolve("out");
        GpfSetup.configure(op, Map.of("store", store.toFile(), "outputDir", out.toFile()), Map.of("input", townScene()));
        op.initialize();
        Rectangle r = new Rectangle(0, 0, 1, 1);
        Map<org.esa.snap.core.datamodel.Band, Tile> tiles = new LinkedHashMap<>();
        for (org.esa.snap.core.datamodel.Band b : op.getTargetProduct().getBands()) tiles.put(b, new MemoryTile(b, r, null));
        try {
            op.computeTileStack(tiles, r, com.bc.ceres.core.ProgressMonitor.NULL);
        } catch (org.esa.snap.core.gpf.OperatorException e) {
            if (!e.getMessage().contains("no SQLite JDBC driver") || !e.getMessage().contains("Optical Toolbox")) throw e;
            if (Files.exists(out)) {
                try (java.util.stream.Stream<Path> left = Files.list(out)) {
                    if (left.findAny().isPresent()) {
                        throw new IllegalStateException(HUMAN_FEATURES + " left files in " + out + " after failing", e);
                    }
                }
            }
            return REFUSED_WITHOUT_SQLITE + e.getMessage();
        }
        throw new IllegalStateException(HUMAN_FEATURES + " ran without an SQLite driver");
    }

    /** A feature store of a synthetic town of 5000 nodes (5.00-5.03°E, 45.00-45.03°N). */
    private static Path town(Path dir) throws Exception {
        Path pbf = dir.resolve("town.osm.pbf");
        eu.ai4c.vector.synthetic.SyntheticTownPbf.write(pbf, 5000);
        Path store = dir.resolve("town.gpkg");
        eu.ai4c.vector.store.StoreLoader.load(pbf, store, eu.ai4c.vector.schema.FeatureSchema.builtIn().classes(),
                ProcessingContext.defaults());
        return store;
    }

    /**
     * The GeoJSON the adapter wrote for the scene's footprint is the one the engine writes for an
     * engine product of the same grid, byte for byte, and holds features.
     */
    private static void checkHumanFeatures(Path dir) throws Exception {
        Path snap = dir.resolve("out/town_humanfeatures.geojson");
        if (!Files.isRegularFile(snap)) throw new IllegalStateException("AI4C-Humanfeatures-Query wrote no " + snap);
        eu.ai4c.kit.op.FileOperator op = (eu.ai4c.kit.op.FileOperator) OperatorRegistry.load().get("humanfeatures-query");
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32631", 5, 45), TOWN_E, TOWN_N, 20, 20);
        eu.ai4c.kit.raster.Product scene = eu.ai4c.kit.raster.Product.of("town",
                MemoryRaster.ofFloats("B4", W, H, new float[W * H], grid));
        Path engine = op.write(Map.of("input", scene), op.descriptor().validate(Map.of("store",
                dir.resolve("town.gpkg").toString(), "classes", "road,hospital,fuel_station,built_up")),
                Files.createDirectories(dir.resolve("engine")), ProcessingContext.defaults()).get(0);
        String text = Files.readString(snap);
        if (!text.equals(Files.readString(engine))) {
            throw new IllegalStateException("AI4C-Humanfeatures-Query: " + snap + " differs from the engine's " + engine);
        }
        if (!text.contains("\"class\":\"road\"") || !text.contains("\"class\":\"built_up\"")) {
            throw new IllegalStateException("AI4C-Humanfeatures-Query: no roads or built-up areas in " + snap);
        }
    }

    /**
     * With Shapefile output the features are added to the source product as vector data through
     * SNAP's Import-Vector: one node per geometry kind named after the file, holding every record the
     * engine's reader finds in it; a second run adds nodes with {@code _1} and leaves the first ones.
     */
    private static void checkVectorDataAdded(Class<?> adapter, Path dir) throws Exception {
        Product scene = townScene();
        Path out = dir.resolve("out-shp");
        List<String> first = shapefileRun(adapter, scene, out);
        List<String> kinds = List.of("town_humanfeatures_line", "town_humanfeatures_point", "town_humanfeatures_polygon");
        if (!first.equals(kinds)) {
            throw new IllegalStateException(HUMAN_FEATURES + ": vector data added " + first + ", expected " + kinds);
        }
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String name : kinds) {
            int records = eu.ai4c.vector.io.ShapefileFeatureReader.read(out.resolve(name + ".shp")).size();
            org.esa.snap.core.datamodel.VectorDataNode node = scene.getVectorDataGroup().get(name);
            if (records == 0 || node.featureCount != records) {
                throw new IllegalStateException(HUMAN_FEATURES + ": node " + name + " has " + node.featureCount
                        + " features, its Shapefile " + records);
            }
            counts.put(name, records);
        }
        List<String> again = shapefileRun(adapter, scene, dir.resolve("out-shp2"));
        List<String> renamed = kinds.stream().map(k -> k + "_1").toList();
        if (!again.equals(renamed) || scene.getVectorDataGroup().getNodeCount() != 6) {
            throw new IllegalStateException(HUMAN_FEATURES + ": a second run added " + again + ", product has "
                    + java.util.Arrays.toString(scene.getVectorDataGroup().getNodeNames()));
        }
        for (String name : kinds) {
            if (scene.getVectorDataGroup().get(name).featureCount != counts.get(name)) {
                throw new IllegalStateException(HUMAN_FEATURES + ": a second run changed node " + name);
            }
        }
    }

    /** One Shapefile run of the human-features adapter on {@code scene}; the vector data nodes it reports added. */
    private static List<String> shapefileRun(Class<?> adapter, Product scene, Path out) throws Exception {
        EngineOperatorAdapter op = (EngineOperatorAdapter) adapter.getDeclaredConstructor().newInstance();
        GpfSetup.configure(op, Map.of("store", out.getParent().resolve("town.gpkg").toFile(), "classes",
                new String[] {"road", "hospital", "fuel_station", "built_up"}, "format", "Shapefile",
                "outputDir", out.toFile()), Map.of("input", scene));
        op.initialize();
        op.doExecute(com.bc.ceres.core.ProgressMonitor.NULL);
        String added = op.getTargetProduct().getMetadataRoot().getElement(eu.ai4c.snap.FileOperatorAdapter.SUMMARY_ELEMENT)
                .getAttributeString(eu.ai4c.snap.FileOperatorAdapter.VECTOR_DATA);
        return added == null ? List.of() : java.util.Arrays.stream(added.split(",")).sorted().toList();
    }

    /** A SNAP product opened from a file (the adapters that read the native format take only the file). */
    private static Product opened(Path file) {
        Product p = new Product(file.getFileName().toString(), "SAFE", 1, 1);
        p.fileLocation = file.toFile();
        return p;
    }

    /**
     * An LSTM trained for two epochs (the fewest train_lstm takes) on a synthetic TimeSen2Crop tile
     * by the engine's own services.
     */
    private static Path model(Path dir) throws Exception {
        Path npy = exported(dir);
        return run("train_lstm", Map.of("input_dir", npy.toString(), "val", npy.resolve("val").toString(),
                "n_epochs", "2"), Files.createDirectories(dir.resolve("model")));
    }

    /** A synthetic TimeSen2Crop tile (8 samples per class). */
    private static Path timeSen2Crop(Path dir) throws Exception {
        Path data = dir.resolve("timesen2crop");
        SyntheticTimeSen2Crop.write(data, 8, 5, "33UVP");
        return data;
    }

    /** That tile exported as monthly medians with a validation part; the folder of {@code train.npy}. */
    private static Path exported(Path dir) throws Exception {
        return run("timesen2crop-export", Map.of("input_dir", timeSen2Crop(dir).toString(), "val_fraction", "0.25"),
                Files.createDirectories(dir.resolve("npy"))).getParent();
    }

    /** A Sentinel-2 series as monthlycomposite reads it: one dated 4-band REFBOA and one LAI GeoTIFF per month, 48×48 px. */
    private static Path series(Path dir) throws Exception {
        int size = 48;
        SplittableRandom rnd = new SplittableRandom(5);
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 500000, 5300000, 10, 10);
        Files.createDirectories(dir.resolve("REFBOA"));
        Files.createDirectories(dir.resolve("LAI"));
        for (int m = 0; m < 12; m++) {
            String day = java.time.LocalDate.of(2017, 9, 15).plusMonths(m).toString().replace("-", "");
            Block[] boa = new Block[4];
            List<Band> boaBands = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                short[] v = new short[size * size];
                for (int i = 0; i < v.length; i++) v[i] = (short) (300 + rnd.nextInt(4000));
                boa[b] = new Block(Region.of(size, size), DataType.UINT16, v);
                boaBands.add(Band.of("B" + (b + 2), DataType.UINT16, 0));
            }
            short[] lai = new short[size * size];
            for (int i = 0; i < lai.length; i++) lai[i] = (short) (1 + rnd.nextInt(5000));
            ProductIO.writer("GeoTIFF").write(eu.ai4c.kit.raster.Product.of("boa", new MemoryRaster(boaBands, boa, grid)),
                    dir.resolve("REFBOA/T33UVP_" + day + "_REFBOA.tif"), ProcessingContext.defaults());
            ProductIO.writer("GeoTIFF").write(eu.ai4c.kit.raster.Product.of("lai", new MemoryRaster(
                            List.of(Band.of("LAI", DataType.UINT16, 0)),
                            new Block[] {new Block(Region.of(size, size), DataType.UINT16, lai)}, grid)),
                    dir.resolve("LAI/T33UVP_" + day + "_LAI.tif"), ProcessingContext.defaults());
        }
        return dir;
    }

    /**
     * Synthetic CAMS-like netCDF (64 × 64 HR cells, ×8, 12 three-hourly steps from 1 January 2024)
     * in {@code dir/data} and a test-sized SRGAN configuration {@code dir/config.yaml}; returns the latter.
     */
    private static Path cams(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, java.time.Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5)
                .write(data);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG);
        return config;
    }

    /** The aqgan commands' common values for {@link #cams}' data (its whole period). */
    private static Map<String, String> camsParameters(Path config) {
        return Map.of("startDate", "2024010100", "endDate", "2024010221", "config", config.toString());
    }

    /** The same as adapter parameters, writing into {@code out}. */
    private static Map<String, Object> camsRun(Path config, Path out) {
        return Map.of("startDate", "2024010100", "endDate", "2024010221", "config", config.toFile(),
                "outputDir", out.toFile());
    }

    /** {@link #cams} pre-processed and trained for one epoch into {@code dir/out}; returns the config. */
    private static Path trainedCams(Path dir) throws Exception {
        Path config = cams(dir);
        run("aqgan-preproc", camsParameters(config), dir.resolve("out"));
        run("aqgan-train", camsParameters(config), dir.resolve("out"));
        return config;
    }

    private static Path run(String alias, Map<String, String> params, Path out) throws Exception {
        eu.ai4c.kit.op.Operator op = OperatorRegistry.load().get(alias);
        List<Path> written = OperatorExecution.execute(op, Map.of(), op.descriptor().validate(params), out,
                ProductIO.writer("GeoTIFF"), ProcessingContext.defaults(), line -> { });
        return written.get(0);
    }

    /** Twelve monthly uint16 composites of the crop bands, 48×48 px. */
    private static Path composites(Path dir) throws Exception {
        Files.createDirectories(dir);
        int size = 48;
        SplittableRandom rnd = new SplittableRandom(3);
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 500000, 5300000, 10, 10);
        for (int m = 0; m < 12; m++) {
            List<Band> bands = new ArrayList<>();
            Block[] blocks = new Block[CROP_BANDS.length];
            for (int b = 0; b < CROP_BANDS.length; b++) {
                short[] v = new short[size * size];
                for (int i = 0; i < v.length; i++) v[i] = (short) (500 + rnd.nextInt(3000));
                bands.add(Band.of(CROP_BANDS[b], DataType.UINT16, 0));
                blocks[b] = new Block(Region.of(size, size), DataType.UINT16, v);
            }
            String month = java.time.YearMonth.of(2017, 9).plusMonths(m).toString();
            ProductIO.writer("GeoTIFF").write(eu.ai4c.kit.raster.Product.of("mc", new MemoryRaster(bands, blocks, grid)),
                    dir.resolve("T33UVP_MC_" + month + ".tif"), ProcessingContext.defaults());
        }
        return dir;
    }
}
