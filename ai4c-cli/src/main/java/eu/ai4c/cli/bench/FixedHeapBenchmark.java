package eu.ai4c.cli.bench;

import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.CommonOptions;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code fixed-heap}: every raster service on its full-size synthetic input (the one its own
 * benchmark makes, reused from {@code --work-dir}), each run as {@code bin/ai4c} runs it — a child
 * JVM of this Java with the CLI's class path and a fixed {@code -Xmx} from {@link #SERVICES}
 * ({@code -Pheap=} overrides it for all). One JSON line per service: heap, pass, exit code, wall
 * time, the child's peak RSS (its {@code VmHWM}, polled from {@code /proc} while it runs), its peak
 * heap use, peak live heap after a collection and its collections (from its {@code -Xlog:gc} file), the 1-minute load average during the
 * run, and what was checked of the output (read back: size, bands, the centre and last tiles). A
 * run that exits non-zero, reports {@code OutOfMemoryError}, times out ({@code -Ptimeout} minutes)
 * or leaves an incomplete output fails its row with the message; {@code ai4c bench} then exits 1.
 *
 * <p>{@code --size N} replaces every selected service's default size (its unit: edge length, or
 * samples per line for S1, or LR width for aqgan-predict); {@code -Pservices=a,b} selects services
 * (default all); {@code -Pheapdump=true} writes a heap dump into the service's folder on
 * {@code OutOfMemoryError}.</p>
 */
public final class FixedHeapBenchmark extends DeclaredBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    private static final String OUT = "fixed-heap";

    /** What a service run is given and how its output is checked. */
    record Run(List<String> args, String input, Check check) {
    }

    /** Reads back the output of a run that exited 0; returns what it found, throws when incomplete. */
    @FunctionalInterface
    interface Check {
        String verify(String stdout) throws IOException;
    }

    /** Makes (or finds) the input of a service of size {@code size} and the arguments that write into {@code out}. */
    @FunctionalInterface
    interface Maker {
        Run make(BenchContext context, int size, Path out) throws IOException;
    }

    /**
     * A service, the heap it must run in, its default (full) size and its input.
     *
     * @param heap        the documented {@code -Xmx} value
     * @param defaultSize the full-size input, in the maker's unit
     */
    record Service(String alias, String heap, int defaultSize, Maker maker) {
    }

    /**
     * The documented heaps. Full sizes are those of each service's own benchmark; unet-predict's
     * 2048² (a full tile takes about 8.5 minutes on 2 cores; its memory is per window, not per tile) and
     * monthlycomposite's 10980 columns × 1024 rows (70 dates × 5 images of a full tile would be 84 GB
     * of samples; its memory is per block row, not per tile) are smaller on purpose.
     */
    static final List<Service> SERVICES = List.of(
            new Service("Warp", "2g", 10980, FixedHeapBenchmark::warp),
            new Service("Speckle-Filter", "2g", 10980, FixedHeapBenchmark::speckle),
            new Service("S1-GRD-preprocess", "2g", SyntheticGrdInput.DEFAULT_SAMPLES, FixedHeapBenchmark::grd),
            new Service("S1-SLC-preprocess", "2g", SyntheticSlcInput.DEFAULT_SAMPLES, FixedHeapBenchmark::slc),
            new Service("S1-CD", "2g", S1CdBenchmark.DEFAULT_SAMPLES, FixedHeapBenchmark::s1cd),
            new Service("S2-preprocess", "2g", 10980, FixedHeapBenchmark::s2preprocess),
            new Service("S2-CD", "2g", 10980, FixedHeapBenchmark::s2cd),
            new Service("monthlycomposite", "2g", 10980, FixedHeapBenchmark::monthlyComposite),
            new Service("tile_classifier", "2g", 10980, FixedHeapBenchmark::tileClassifier),
            new Service("unet", "2g", 2048, FixedHeapBenchmark::unet),
            new Service("aqgan-predict", "1g", 88, FixedHeapBenchmark::aqganPredict));

    public FixedHeapBenchmark() {
        super("fixed-heap", "Every raster service on its full-size synthetic input in a child JVM with a fixed -Xmx "
                + "(-Pservices=a,b, -Pheap=2g overrides, -Ptimeout minutes, -Pheapdump); pass/fail, peak RSS and heap, "
                + "wall time; exits 1 when one fails (--size replaces each service's default size).",
                "services", "heap", "timeout", "heapdump");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        List<Service> selected = select(context.option("services", ""));
        String heapOverride = context.option("heap", "");
        if (!heapOverride.isEmpty() && !heapOverride.matches("\\d+[kKmMgG]?")) {
            throw Ai4cException.usage("-Pheap=" + heapOverride + ": expected a -Xmx size such as 2g or 1536m.");
        }
        int timeout = context.intOption("timeout", 120, 1);
        boolean heapDump = Boolean.parseBoolean(context.option("heapdump", "false"));
        List<BenchResult> results = new ArrayList<>();
        for (Service s : selected) {
            String heap = heapOverride.isEmpty() ? s.heap() : heapOverride;
            results.add(runOne(context, s, context.size(s.defaultSize()), heap, timeout, heapDump));
        }
        return results;
    }

    /** The services named in {@code list} (comma-separated, any case), or all when empty. */
    static List<Service> select(String list) {
        if (list.isBlank()) return SERVICES;
        List<Service> out = new ArrayList<>();
        for (String name : list.split(",")) {
            String n = name.strip();
            if (n.isEmpty()) continue;
            out.add(SERVICES.stream().filter(s -> s.alias().equalsIgnoreCase(n)).findFirst()
                    .orElseThrow(() -> Ai4cException.usage("-Pservices: unknown service \"" + n + "\"; known: "
                            + SERVICES.stream().map(Service::alias).toList() + ".")));
        }
        if (out.isEmpty()) throw Ai4cException.usage("-Pservices names no service.");
        return out;
    }

    private BenchResult runOne(BenchContext context, Service s, int size, String heap, int timeoutMinutes,
                               boolean heapDump) throws IOException {
        Path dir = Files.createDirectories(context.workDir().resolve(OUT).resolve(s.alias()));
        Path out = dir.resolve("out");
        AtomicOutput.deleteTree(out);
        Files.createDirectories(out);
        LOG.info("fixed-heap: input of {} (size {})", s.alias(), size);
        Run run;
        try {
            run = s.maker().make(context, size, out);
        } catch (IOException | RuntimeException e) {
            // the other services still run and print their lines
            LOG.error("fixed-heap: the input of {} could not be made: {}", s.alias(), e.toString());
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("service", s.alias());
            extra.put("heap", heap);
            extra.put("size", size);
            extra.put("pass", false);
            extra.put("message", "input could not be made: " + e);
            return new BenchResult(name(), s.alias() + ": size " + size, Double.NaN, null, Double.NaN, extra);
        }
        Path gcLog = dir.resolve("gc.log"), stdout = dir.resolve("stdout.txt"), stderr = dir.resolve("stderr.txt");
        Files.deleteIfExists(gcLog);
        // the vector API as bin/ai4c enables it (the U-Net's plain-Java prediction)
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xmx" + heap, "-Xlog:gc,gc+heap+exit:file=" + gcLog));
        if (heapDump) {
            cmd.addAll(List.of("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dir));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "eu.ai4c.cli.Main"));
        cmd.addAll(run.args());
        cmd.addAll(List.of(CommonOptions.THREADS, Integer.toString(context.processing().threads())));
        LOG.info("fixed-heap: {} with -Xmx{}", s.alias(), heap);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        ChildWatch watch = ChildWatch.of(p, TimeUnit.MINUTES.toNanos(timeoutMinutes));
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("service", s.alias());
        extra.put("heap", heap);
        extra.put("size", size);
        GcLog gc = GcLog.parse(gcLog);
        String err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        String failure = null;
        String checked = null;
        if (watch.timedOut()) {
            failure = "timed out after " + timeoutMinutes + " min (-Ptimeout)";
        } else if (err.contains("OutOfMemoryError") || err.contains("out of memory")) {
            failure = "OutOfMemoryError: " + errorLine(err);
        } else if (p.exitValue() != 0) {
            failure = "exit code " + p.exitValue() + ": " + errorLine(err);
        } else {
            try {
                checked = run.check().verify(Files.readString(stdout, StandardCharsets.UTF_8).strip());
            } catch (IOException | RuntimeException e) {
                failure = "output incomplete: " + e.getMessage();
            }
        }
        extra.put("pass", failure == null);
        extra.put("exit_code", watch.timedOut() ? null : p.exitValue());
        if (failure != null) extra.put("message", failure);
        if (checked != null) extra.put("output", checked);
        extra.put("peak_rss_mib", watch.peakRssMiB());
        extra.put("peak_heap_mb", gc.peakMiB());
        extra.put("peak_live_heap_mb", gc.peakLiveMiB());
        extra.put("heap_at_exit_mb", gc.exitMiB());
        extra.put("gc_count", gc.pauses());
        extra.put("gc_seconds", Math.round(gc.pauseSeconds() * 1000) / 1000.0);
        extra.put("load_avg", Math.round(watch.meanLoad() * 100) / 100.0);
        extra.put("threads", context.processing().threads());
        BenchResult result = new BenchResult(name(), s.alias() + ": " + run.input(), seconds, null, Double.NaN, extra);
        // logged at once as well: a long series keeps the lines of the services already run
        LOG.info("fixed-heap: {} {} in {} s: {}", s.alias(), failure == null ? "passed" : "FAILED",
                String.format(Locale.ROOT, "%.1f", seconds), result.toJson());
        return result;
    }

    /** The child's error message: its first line starting with "Error", else its last non-blank line. */
    static String errorLine(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.stream().filter(l -> l.startsWith("Error") || l.contains("OutOfMemoryError")).findFirst()
                .orElse(lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1));
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    // ---- the arguments of each service, by parameter name as in its descriptor ----

    /**
     * {@code alias --source file … --option value …}: sources as the CLI names them ({@code --NAME}),
     * parameters by their descriptor name or any of their options, given as the main option.
     */
    static List<String> serviceArgs(String alias, Map<String, Path> sources, Map<String, String> params) {
        OperatorDescriptor d = OperatorRegistry.load().get(alias).descriptor();
        List<String> args = new ArrayList<>(List.of(alias));
        sources.forEach((name, file) -> {
            if (d.sources().stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException(alias + " has no source " + name);
            }
            args.add("--" + name);
            args.add(file.toString());
        });
        params.forEach((key, value) -> {
            ParameterDescriptor p = d.parameters().stream()
                    .filter(x -> x.name().equals(key) || x.options().contains(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(alias + " has no parameter " + key));
            args.add(p.option());
            args.add(value);
        });
        return args;
    }

    private static List<String> withOutput(List<String> args, String option, Path out) {
        List<String> a = new ArrayList<>(args);
        a.add(option);
        a.add(out.toString());
        return a;
    }

    private static Run warp(BenchContext context, int n, Path out) throws IOException {
        Path input = WarpBenchmark.input(context, n);
        Path target = out.resolve("warp.tif");
        return new Run(withOutput(serviceArgs("Warp", Map.of("input", input),
                Map.of("projection", "WGS84", "resampling", "Bilinear")), CommonOptions.OUTPUT_PATH, target),
                n + "x" + n + "x4 uint16 UTM", stdout -> raster(target, n / 2, 3 * n, n / 2, 3 * n, 4));
    }

    private static Run speckle(BenchContext context, int n, Path out) throws IOException {
        Path input = context.workDir().resolve("speckle_input_" + n + ".tif");
        if (!Files.exists(input)) {
            MemoryRaster scene = MemoryRaster.ofFloats("Sigma0_VV", n, n, SpeckleBenchmark.scene(n), null);
            ProductIO.writer("GeoTIFF").write(Product.of("speckle_input", scene), input, context.processing());
        }
        Path target = out.resolve("speckle.tif");
        return new Run(withOutput(serviceArgs("Speckle-Filter", Map.of("source", input), Map.of("filter", "Lee Sigma")),
                CommonOptions.OUTPUT_PATH, target), n + "x" + n + " float32 4-look sigma0",
                stdout -> raster(target, n, n, n, n, 1));
    }

    private static Run grd(BenchContext context, int samples, Path out) throws IOException {
        Path safe = SyntheticGrdInput.safe(context, samples);
        Path target = out.resolve("grd.tif");
        int lines = SyntheticGrdInput.lines(samples);
        // 10 m GRD pixels to a 10 m grid: at least about as many pixels as the image (the rotated swath adds more)
        long min = (long) samples * lines / 2;
        return new Run(withOutput(serviceArgs("S1-GRD-preprocess", Map.of("input", safe),
                Map.of("speckle", "Lee Sigma", "resolution", "10")), CommonOptions.OUTPUT_PATH, target),
                samples + "x" + lines + " IW GRD VV uint16", stdout -> rasterOfArea(target, min));
    }

    private static Run slc(BenchContext context, int samples, Path out) throws IOException {
        Path safe = SyntheticSlcInput.safe(context, samples);
        Path target = out.resolve("slc.tif");
        return new Run(withOutput(serviceArgs("S1-SLC-preprocess", Map.of("input", safe),
                Map.of("speckle", "Lee Sigma", "resolution", "10", "polarization", "VV")), CommonOptions.OUTPUT_PATH,
                target), "3x" + SyntheticSlcInput.BURSTS + " bursts x " + SyntheticSlcInput.linesPerBurst(samples) + "x"
                + samples + " IW SLC VV cint16", stdout -> rasterOfArea(target, 1));
    }

    private static Run s1cd(BenchContext context, int samples, Path out) throws IOException {
        int lines = Math.max(60, (int) Math.round(samples * 1_500.0 / 21_000));
        Path[] pair = S1CdBenchmark.pair(context, samples, lines);
        return new Run(withOutput(serviceArgs("S1-CD", Map.of("input1", pair[0], "input2", pair[1]),
                Map.of("resolution", "10")), CommonOptions.OUTPUT_DIR, out),
                "pair of 3x" + S1CdBenchmark.BURSTS + " bursts x " + lines + "x" + samples + " IW SLC VV cint16",
                stdout -> {
                    Path main = mainFile(stdout, out);
                    String base = main.getFileName().toString().replaceFirst("\\.tif$", "");
                    if (!Files.exists(out.resolve(base + "_summary.json"))) {
                        throw new Ai4cException("no " + base + "_summary.json beside " + main.getFileName());
                    }
                    return rasterOfArea(main, 1);
                });
    }

    private static Run s2preprocess(BenchContext context, int n, Path out) throws IOException {
        Path safe = S2PreprocessBenchmark.input(context, S2PreprocessBenchmark.synthetic(n));
        Path target = out.resolve("s2.tif");
        return new Run(withOutput(serviceArgs("S2-preprocess", Map.of("input", safe), Map.of("cloudmask", "L2A")),
                CommonOptions.OUTPUT_PATH, target), n + "x" + n + " L2A 4 bands + SCL, JPEG 2000",
                stdout -> raster(target, n, n, n, n, 4));
    }

    private static Run s2cd(BenchContext context, int n, Path out) throws IOException {
        Path[] pair = S2CdBenchmark.pair(context, n, false);
        Path target = out.resolve("s2cd_classes.tif");
        // the classes are written on WGS84 (as Warp does), so the grid differs from the tile's
        return new Run(withOutput(serviceArgs("S2-CD", Map.of("input1", pair[0], "input2", pair[1]), Map.of()),
                CommonOptions.OUTPUT_PATH, target), n + "x" + n + " L2A pair, 4 bands + SCL, GeoTIFF",
                stdout -> raster(target, n / 2, 3 * n, n / 2, 3 * n, 1));
    }

    private static Run monthlyComposite(BenchContext context, int n, Path out) throws IOException {
        int rows = Math.min(1024, n);
        Path in = MonthlyCompositeBenchmark.input(context, n, rows, false);
        return new Run(withOutput(serviceArgs("monthlycomposite", Map.of(), Map.of("input_dir", in.toString())),
                CommonOptions.OUTPUT_DIR, out), n + "x" + rows + " px, 70 dates x 4 bands + LAI, DEFLATE",
                stdout -> {
                    List<Path> files;
                    try (Stream<Path> s = Files.list(out)) {
                        files = s.filter(f -> f.getFileName().toString().matches(".*_MC_\\d{4}-\\d{2}\\.tif")).sorted()
                                .toList();
                    }
                    if (files.size() != 12) throw new Ai4cException(files.size() + " monthly composites, expected 12");
                    raster(files.get(0), n, n, rows, rows, 4);
                    return "12 x " + raster(files.get(11), n, n, rows, rows, 4);
                });
    }

    private static Run tileClassifier(BenchContext context, int n, Path out) throws IOException {
        Path[] inputs = TileClassifierBenchmark.inputs(context, n);
        Path target = out.resolve("map.tif");
        return new Run(withOutput(serviceArgs("tile_classifier", Map.of(), Map.of("inputDir", inputs[0].toString(),
                "mcDir", inputs[1].toString(), "model", inputs[2].toString())), CommonOptions.OUTPUT_PATH, target),
                n + "x" + n + ", 12 months x 9 bands uint16, 30% crop", stdout -> raster(target, n, n, n, n, 1));
    }

    private static Run unet(BenchContext context, int n, Path out) throws IOException {
        Path[] inputs = UnetBenchmark.inputs(context, n, Backbone.of("resnet50"), 256);
        Path map = out.resolve("tile.tif");
        return new Run(withOutput(serviceArgs("unet", Map.of(), Map.of("action", "predict",
                "inputDir", inputs[0].toString(), "modelFile", inputs[1].toString())), CommonOptions.OUTPUT_DIR, out),
                n + "x" + n + "x4 uint16, resnet50 U-Net, patch 256", stdout -> raster(map, n, n, n, n, 1));
    }

    private static Run aqganPredict(BenchContext context, int lw, Path out) throws IOException {
        Path[] inputs = AqDownscaleBenchmark.inputs(context, lw);
        int lh = Math.max(1, Math.round(lw * 53f / 88f));
        return new Run(withOutput(serviceArgs("aqgan-predict", Map.of(), Map.of("modelFile", inputs[2].toString(),
                "input", inputs[0].toString(), "staticPath", inputs[1].toString(), "members", "10")),
                CommonOptions.OUTPUT_DIR, out), "LR " + lw + " x " + lh + " CAMS netCDF -> HR x8, 10 members",
                stdout -> {
                    List<Path> files;
                    try (Stream<Path> s = Files.list(out)) {
                        files = s.sorted().toList();
                    }
                    List<Path> tifs = files.stream().filter(f -> f.getFileName().toString().endsWith(".tif")).toList();
                    if (tifs.isEmpty() || files.stream().noneMatch(f -> f.getFileName().toString().endsWith(".nc"))) {
                        throw new Ai4cException("expected the ensemble netCDF and the GeoTIFF of the mean in " + out);
                    }
                    return raster(tifs.get(0), 1, lw * 8, 1, lh * 8, 1);
                });
    }

    // ---- output checks ----

    /** The file the service printed (its last line of standard output), resolved against {@code out}. */
    private static Path mainFile(String stdout, Path out) {
        List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) throw new Ai4cException("the service printed no output path");
        Path p = out.resolve(lines.get(lines.size() - 1).strip());
        if (!Files.isRegularFile(p)) throw new Ai4cException("the printed output " + p + " is not a file");
        return p;
    }

    private static String rasterOfArea(Path file, long minArea) throws IOException {
        return raster(file, 1, Integer.MAX_VALUE, 1, Integer.MAX_VALUE, 1, minArea);
    }

    static String raster(Path file, int minW, int maxW, int minH, int maxH, int minBands) throws IOException {
        return raster(file, minW, maxW, minH, maxH, minBands, 1);
    }

    /**
     * Reads {@code file} back: its size and bands within bounds, and every band's centre and last
     * (bottom-right) 256² windows decoded, with at least one finite sample in the centre of band 1
     * (the last window proves that the writer finished). Returns e.g. {@code 10980x10980x4 uint16}.
     */
    static String raster(Path file, int minW, int maxW, int minH, int maxH, int minBands, long minArea)
            throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) throw new Ai4cException("no output file " + file);
        Raster r = ProductIO.read(file).raster();
        int w = r.width(), h = r.height(), bands = r.bands().size();
        String shape = w + "x" + h + "x" + bands + " " + r.bands().get(0).type().name().toLowerCase(Locale.ROOT);
        if (w < minW || w > maxW || h < minH || h > maxH || bands < minBands || (long) w * h < minArea) {
            throw new Ai4cException(file.getFileName() + " is " + shape + "; expected width " + minW + ".." + maxW
                    + ", height " + minH + ".." + maxH + ", at least " + minBands + " band(s) and " + minArea + " pixels");
        }
        int ww = Math.min(256, w), wh = Math.min(256, h);
        Region centre = new Region((w - ww) / 2, (h - wh) / 2, ww, wh);
        Region last = new Region(w - ww, h - wh, ww, wh);
        long finite = 0;
        for (int b = 0; b < bands; b++) {
            Block c = r.read(b, centre);
            r.read(b, last);
            if (b == 0) {
                for (int i = 0; i < centre.area(); i++) if (Double.isFinite(c.getDouble(i))) finite++;
            }
        }
        if (finite == 0) throw new Ai4cException(file.getFileName() + ": no finite sample in the centre of band 1");
        return shape;
    }
}
