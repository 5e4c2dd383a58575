package eu.ai4c.agri.composite;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.tile.TileGrid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code monthlycomposite}: harmonisation of a pre-processed Sentinel-2 time series into 12
 * monthly median composites of one agronomic year (specification 3.2.3, parameters of Table 9
 * plus {@code --input_dir}/{@code --output_dir} of its command line and an optional
 * {@code --gap_filling}).
 *
 * <p>Input: {@code input_dir/REFBOA/*.tif} and {@code input_dir/LAI/*.tif}, dated by file name
 * (rule in {@link AcquisitionName}, checks in {@link CompositeInputs}). Output, in
 * {@code output_dir}: {@code T<tile>_MC_<YYYY-MM>.tif} (e.g. {@code T32TQR_MC_2017-09.tif}) for the 12 months from September of
 * {@code season_start} to August of the next year ({@code MC_<YYYY-MM>.tif} when the names carry no
 * tile): uint16, the REFBOA bands and grid, DEFLATE level 1, no-data 0 (or the REFBOA no-data),
 * which also marks months without any cloud-free sample. All 12 files appear together or none.</p>
 *
 * <p>Processing streams over 512×512 tiles: each tile is computed once for all months by
 * {@link CompositeTileComputer}, its 12 months side by side on {@code threads} workers, and handed
 * to the 12 writers by a {@link CompositeTileExchange}.
 * Memory bound: ({@code threads} + 1) live tiles of {@code 12 × bands × 512² × 2} bytes (25 MB for
 * 4 bands) plus, per compute worker, one month of one band of samples and masks
 * ({@code datesInMonth × 512² × 3} bytes) plus 2 MB of decoded-chunk cache per input file — about
 * 0.6 GB for 70 dates of a full 10980×10980 tile on 4 threads, independent of the scene size.</p>
 *
 * <p>A {@link FileOperator}: {@link #write} writes the 12 files into the front end's output
 * folder. Stateless; thread-safe.</p>
 */
public final class MonthlyCompositeOp implements FileOperator {
    /** Service name of the specification. */
    public static final String ALIAS = "monthlycomposite";
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyCompositeOp.class);

    private static final OperatorDescriptor DESCRIPTOR = new OperatorDescriptor(ALIAS,
            "Monthly composite (Sentinel-2 time series)", "Agriculture",
            "Harmonises a pre-processed Sentinel-2 time series into 12 monthly median composites of one agronomic "
                    + "year (September to August). Reads input_dir/REFBOA and input_dir/LAI GeoTIFFs dated by file "
                    + "name (YYYYMMDD or YYYY-MM-DD), masks samples whose LAI is 0 or no-data (clouds) and writes "
                    + "T<tile>_MC_<YYYY-MM>.tif (uint16 GeoTIFF) per month into output_dir.",
            List.of(),
            List.of(ParameterDescriptor.builder("input_dir", ParameterType.PATH).option("--input_dir")
                            .label("Input folder").required()
                            .description("Folder with the REFBOA and LAI folders of GeoTIFF images, the acquisition "
                                    + "date in each file name (YYYYMMDD or YYYY-MM-DD).").build(),
                    ParameterDescriptor.builder("season_start", ParameterType.INTEGER).option("--season_start")
                            .defaultValue(2017).interval("[2015,2100]").label("Season start")
                            .description("Year at which the agronomic year starts, defined from September (A) to "
                                    + "August (B).").build(),
                    ParameterDescriptor.builder("tile", ParameterType.STRING).option("--tile").label("Tile")
                            .description("UTM code associated with the selected tile (i.e. \"33UVP\"); files named "
                                    + "for other tiles are ignored. Needed when input_dir holds several tiles.")
                            .build(),
                    ParameterDescriptor.builder("gap_filling", ParameterType.BOOLEAN).option("--gap_filling")
                            .defaultValue(false).label("Gap filling")
                            .description("Fill months without a cloud-free sample by linear interpolation in time "
                                    + "between the nearest valid months of each pixel (no extrapolation).").build()));

    private final GeoTiffWriteOptions writeOptions;

    /** The ServiceLoader constructor: DEFLATE level 1, 512×512 tiles. */
    public MonthlyCompositeOp() {
        this(GeoTiffWriteOptions.defaults());
    }

    /** @param writeOptions how the monthly GeoTIFFs are encoded */
    public MonthlyCompositeOp(GeoTiffWriteOptions writeOptions) {
        this.writeOptions = writeOptions;
    }

    @Override
    public OperatorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Writes the 12 monthly composites into {@code outputDir} (the front end's {@code --output_dir}). */
    @Override
    public List<Path> write(Map<String, Product> sources, ParameterValues params, Path outputDir,
                            ProcessingContext context) throws IOException {
        AgronomicYear year = new AgronomicYear(params.getInt("season_start"));
        String tile = params.has("tile") ? params.getString("tile") : "";
        return run(params.getPath("input_dir"), outputDir, year, tile, params.getBoolean("gap_filling"), context);
    }

    /**
     * Computes and writes the 12 monthly composites.
     *
     * @return the 12 files written, September first
     */
    public List<Path> run(Path inputDir, Path outputDir, AgronomicYear year, String tile, boolean gapFilling,
                          ProcessingContext context) throws IOException {
        long t0 = System.nanoTime();
        ExecutorService computePool = Executors.newFixedThreadPool(context.threads(), r -> {
            Thread t = new Thread(r, "ai4c-" + ALIAS + "-month");
            t.setDaemon(true);
            return t;
        });
        try (CompositeInputs inputs = CompositeInputs.open(inputDir, tile, year, context.warnings())) {
            Band first = inputs.bands().get(0);
            int noData = first.type() == DataType.UINT16 && first.hasNoData()
                    && first.noData() >= 0 && first.noData() <= 65535 ? (int) first.noData() : 0;
            List<Band> outBands = new ArrayList<>();
            for (Band b : inputs.bands()) outBands.add(Band.of(b.name(), DataType.UINT16, noData).withUnit(b.unit()));
            CompositeTileComputer computer = new CompositeTileComputer(inputs.acquisitions(), outBands.size(), noData,
                    gapFilling, computePool);
            int[] perMonth = new int[AgronomicYear.MONTHS];
            for (int m = 0; m < perMonth.length; m++) perMonth[m] = computer.dates(m);
            LOG.info("{}: {} dates of tile {} in {} (per month from September: {}), {}x{}, {} bands, gap filling {}",
                    ALIAS, inputs.acquisitions().size(), inputs.tile().isEmpty() ? "-" : inputs.tile(), year,
                    java.util.Arrays.toString(perMonth), inputs.reference().width(), inputs.reference().height(),
                    outBands.size(), gapFilling);
            TileGrid grid = new TileGrid(inputs.reference().width(), inputs.reference().height(),
                    writeOptions.tileSize(), writeOptions.tileSize());
            Progress progress = context.progress();
            progress.begin("Monthly composite", grid.tileCount());
            CompositeTileExchange exchange = new CompositeTileExchange(computer, outBands.size(), context.threads() + 1,
                    progress);
            List<Path> targets = new ArrayList<>();
            try (AtomicOutput out = AtomicOutput.create()) {
                List<Product> months = new ArrayList<>();
                List<Path> temporaries = new ArrayList<>();
                for (int m = 0; m < AgronomicYear.MONTHS; m++) {
                    String name = (inputs.tile().isEmpty() ? "" : "T" + inputs.tile() + "_") + "MC_" + year.month(m);
                    Path target = outputDir.resolve(name + ".tif");
                    targets.add(target);
                    temporaries.add(out.temporaryFor(target));
                    Metadata md = new Metadata("metadata").set("season_start", year.seasonStart())
                            .set("month", year.month(m)).set("dates", computer.dates(m)).set("gap_filling", gapFilling);
                    months.add(new Product(name, new MonthRaster(exchange, m, inputs.reference(), outBands), md, null));
                }
                writeAll(months, temporaries, exchange, context);
                out.commit();
            }
            progress.end();
            LOG.info("{}: wrote {} monthly composites to {} in {} s", ALIAS, targets.size(), outputDir,
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
            return targets;
        } finally {
            computePool.shutdownNow();
        }
    }

    /** Runs the 12 writers side by side, each single-threaded, sharing the tiles through the exchange. */
    private void writeAll(List<Product> months, List<Path> files, CompositeTileExchange exchange,
                          ProcessingContext context) throws IOException {
        Progress cancelOnly = cancelOnly(context.progress());
        ProcessingContext writerContext = context.withThreads(1).withProgress(cancelOnly);
        GeoTiffWriter writer = new GeoTiffWriter();
        ExecutorService pool = Executors.newFixedThreadPool(months.size(), r -> {
            Thread t = new Thread(r, "ai4c-" + ALIAS + "-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int m = 0; m < months.size(); m++) {
                Product p = months.get(m);
                Path f = files.get(m);
                futures.add(pool.submit(() -> {
                    try {
                        writer.write(p, f, writeOptions, writerContext);
                    } catch (IOException | RuntimeException | Error t) {
                        exchange.fail(t);
                        throw t;
                    }
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.fail(new Progress.Cancelled());
                    throw new Progress.Cancelled();
                }
            }
            // the root cause: the other writers only stopped because of it
            if (first != null && exchange.failure() != null) first = exchange.failure();
            if (first instanceof IOException io) throw io;
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
            if (first != null) throw new Ai4cException(ALIAS + ": writing failed: " + first, first);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Forwards only cancellation, so the 12 writers do not each report a stage. */
    private static Progress cancelOnly(Progress p) {
        return new Progress() {
            @Override public void begin(String stage, long totalWork) { }
            @Override public void worked(long units) { }
            @Override public void end() { }
            @Override public boolean isCancelled() { return p.isCancelled(); }
            @Override public void cancel() { p.cancel(); }
        };
    }
}
