package eu.ai4c.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.agri.testing.CompositeStacks;
import eu.ai4c.agri.testing.NearestCentroidFormat;
import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.agri.unet.Backbone;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetModelFile;
import eu.ai4c.agri.unet.synthetic.SyntheticLandscape;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.synthetic.FieldScene;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of the inputs users bring (bit flips in headers, truncation, zeroed blocks,
 * nonsense numbers in XML) through the command line, as a new user would run them. Every run ends
 * within its time limit, without a stack trace, and either refuses the input (exit 1 or 2, the
 * first line naming the damaged file, nothing left in the output folder) or, where the damage
 * cannot be seen, writes its output. Three contracts are strict:
 * <ul>
 *   <li>Sentinel-1 and Sentinel-2 SAFE folders and zips: every damaged copy of a file the run reads
 *       is refused (manifest MD5 or SHA3-256, zip CRC-32, sizes);</li>
 *   <li>model files: refused, or, when the damage touched nothing the model uses, the very same
 *       result as the undamaged model (never a different result without a word);</li>
 *   <li>truncated files of every format: refused.</li>
 * </ul>
 * Damage inside a GeoTIFF's pixels or a netCDF header's text carries no checksum and may go
 * unnoticed; those cases only have to end cleanly. The table of outcomes is
 * printed at the end.
 */
class DamageSweepTest {
    /** What a damaged input may lead to. */
    enum Expect {
        /** Exit 1 or 2 naming the file, nothing written. */
        REFUSED,
        /** Refused, or exit 0 with exactly the undamaged input's output. */
        REFUSED_OR_SAME,
        /** Refused, or exit 0 with an output (damage without a checksum to find it). */
        REFUSED_OR_WRITTEN
    }

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final List<String> TABLE = new ArrayList<>();

    @TempDir
    static Path dir;

    @AfterAll
    static void printTable() {
        System.out.println("Damage sweep (" + TABLE.size() + " cases):");
        TABLE.forEach(System.out::println);
    }

    // ----- damage, deterministic

    /** {@code count} single-bit flips at seeded positions in {@code [from, to)}. */
    static byte[] flipBits(byte[] data, int from, int to, int count, long seed) {
        byte[] d = data.clone();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int at = r.nextInt(from, to);
            d[at] ^= (byte) (1 << r.nextInt(8));
        }
        return d;
    }

    static byte[] zeroed(byte[] data, int from, int length) {
        byte[] d = data.clone();
        Arrays.fill(d, from, Math.min(d.length, from + length), (byte) 0);
        return d;
    }

    static byte[] truncated(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    /** A copy of {@code source} named like it in a fresh folder {@code name}, with {@code damage} applied. */
    static Path damagedCopy(String name, Path source, Function<byte[], byte[]> damage) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("damaged").resolve(name)).resolve(source.getFileName());
        Files.write(copy, damage.apply(Files.readAllBytes(source)));
        return copy;
    }

    /** A copy of folder {@code tree} in a fresh folder {@code name}, its file {@code relative} damaged. */
    static Path damagedTree(String name, Path tree, String relative, Function<byte[], byte[]> damage) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("damaged").resolve(name)).resolve(tree.getFileName());
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.sorted().toList()) {
                Path to = copy.resolve(tree.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path target = copy.resolve(relative);
        Files.write(target, damage.apply(Files.readAllBytes(target)));
        return copy;
    }

    /** The path, relative to {@code tree}, of its only file whose name matches {@code regex}. */
    static String find(Path tree, String regex) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            List<Path> hits = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches(regex)).toList();
            assertEquals(1, hits.size(), regex + " in " + tree + ": " + hits);
            return tree.relativize(hits.get(0)).toString();
        }
    }

    // ----- running and judging

    static Path outFolder(String name) throws IOException {
        return Files.createDirectories(dir.resolve("out").resolve(name));
    }

    static List<Path> files(Path folder) throws IOException {
        if (!Files.exists(folder)) return List.of();
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }

    static Cli run(String... args) {
        return assertTimeoutPreemptively(LIMIT, () -> Cli.run(args), () -> "did not end within " + LIMIT + ": "
                + String.join(" ", args));
    }

    /**
     * Runs {@code args} on a damaged input and checks the outcome against {@code expect}.
     *
     * @param named   what the first line of a refusal must contain (the damaged file's name)
     * @param out     the run's output folder (must stay empty on refusal)
     * @param same    on exit 0 under {@link Expect#REFUSED_OR_SAME}: whether the output equals the undamaged one's
     */
    static void sweep(String name, Expect expect, String named, Path out, java.util.function.BooleanSupplier same,
                      String... args) throws IOException {
        long t0 = System.nanoTime();
        Cli c = run(args);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String firstLine = c.err().strip().lines().findFirst().orElse("");
        TABLE.add(String.format("  %-34s %-18s exit %d  %5.1f s  %s", name, expect, c.exit(), seconds,
                c.exit() == 0 ? "(accepted)" : firstLine));
        assertFalse(c.err().contains("\tat "), name + ": no stack trace\n" + c);
        if (c.exit() == 0) {
            assertTrue(expect != Expect.REFUSED, name + ": a damaged input must be refused\n" + c);
            assertFalse(files(out).isEmpty(), name + ": accepted, so its output must be written\n" + c);
            if (expect == Expect.REFUSED_OR_SAME) {
                assertTrue(same.getAsBoolean(), name + ": a damaged model was accepted and gave another result\n" + c);
            }
            return;
        }
        assertTrue(c.exit() == ExitCodes.PROCESSING || c.exit() == ExitCodes.USAGE, name + ": exit 1 or 2\n" + c);
        assertTrue(firstLine.contains(named), name + ": the message must name " + named + "\n" + c);
        assertEquals(List.of(), files(out), name + ": nothing may be left behind\n" + c);
    }

    static void sweep(String name, Expect expect, String named, Path out, String... args) throws IOException {
        sweep(name, expect, named, out, () -> false, args);
    }

    static boolean sameFiles(Path a, Path b) {
        try {
            return Files.mismatch(a, b) == -1L;
        } catch (IOException e) {
            return false;
        }
    }

    static void assertRuns(Cli c) {
        assertEquals(0, c.exit(), "the undamaged input must work: " + c);
    }

    // ----- the formats

    @Test
    void geoTiff() throws IOException {
        Path tif = dir.resolve("scene/scene.tif");
        Files.createDirectories(tif.getParent());
        ProductIO.writer("GeoTIFF").write(Product.of("scene", FieldScene.nearRome(300, 250, 2)), tif,
                ProcessingContext.defaults());
        byte[] whole = Files.readAllBytes(tif);
        assertRuns(run("Warp", "--input", tif.toString(), "--output_path", outFolder("tif-ok").toString(), "-q"));
        String[][] cases = {{"tif: header bit flips", "REFUSED_OR_WRITTEN"}, {"tif: cut to half", "REFUSED"},
                {"tif: cut to its header", "REFUSED"}, {"tif: zeroed 64 KB of pixels", "REFUSED_OR_WRITTEN"},
                {"tif: zeroed first 4 KB", "REFUSED"}};
        List<Function<byte[], byte[]>> damage = List.of(d -> flipBits(d, 8, 512, 6, 1), d -> truncated(d, d.length / 2),
                d -> truncated(d, 4096), d -> zeroed(d, d.length / 2, 65536), d -> zeroed(d, 0, 4096));
        for (int i = 0; i < cases.length; i++) {
            Path bad = damagedCopy("tif" + i, tif, damage.get(i));
            Path out = outFolder("tif" + i);
            sweep(cases[i][0], Expect.valueOf(cases[i][1]), "scene.tif", out, "Warp", "--input", bad.toString(),
                    "--output_path", out.toString(), "-q");
        }
        assertTrue(whole.length > 100_000, "the scene must be larger than the damage: " + whole.length);
    }

    static Path grd;

    static Path grd() throws IOException {
        if (grd == null) {
            grd = SyntheticGrd.builder(500, 300).polarisations("VV", "VH").centre(41.9, 12.5).seed(5).noValueBorder(20)
                    .build().write(dir.resolve("grd"));
        }
        return grd;
    }

    static String[] grdArgs(Path input, Path out) {
        return new String[] {"S1-GRD-preprocess", "--input", input.toString(), "--output_path", out.toString(),
                "--resolution", "40", "--speckle", "None", "-q"};
    }

    @Test
    void sentinel1SafeFolder() throws IOException {
        Path safe = grd();
        assertRuns(run(grdArgs(safe, outFolder("safe-ok"))));
        String measurement = find(safe, "s1.-iw-grd-vv-.*\\.tiff");
        String annotation = find(safe, "s1.-iw-grd-vv-.*\\.xml");
        String calibration = find(safe, "calibration-s1.-iw-grd-vv-.*\\.xml");
        String noise = find(safe, "noise-s1.-iw-grd-vv-.*\\.xml");
        record Damage(String name, String file, Function<byte[], byte[]> how) {
        }
        List<Damage> all = List.of(
                new Damage("SAFE: nonsense number in annotation", annotation,
                        d -> replaceFirstNumber(d, "<numberOfSamples>", "-73")),
                new Damage("SAFE: digit changed in calibration", calibration,
                        d -> replaceFirstNumber(d, "<sigmaNought", "9")),
                new Damage("SAFE: noise XML cut", noise, d -> truncated(d, d.length / 2)),
                new Damage("SAFE: measurement bit flips", measurement, d -> flipBits(d, d.length / 4, d.length, 8, 2)),
                new Damage("SAFE: measurement cut", measurement, d -> truncated(d, d.length * 3 / 4)),
                new Damage("SAFE: manifest cut", "manifest.safe", d -> truncated(d, d.length / 3)));
        int i = 0;
        for (Damage d : all) {
            Path bad = damagedTree("safe" + i, safe, d.file(), d.how());
            Path out = outFolder("safe" + i++);
            sweep(d.name(), Expect.REFUSED, Path.of(d.file()).getFileName().toString(), out, grdArgs(bad, out));
        }
    }

    /** The XML with the first number after {@code element} replaced by {@code value} (still well-formed). */
    static byte[] replaceFirstNumber(byte[] xml, String element, String value) {
        // element: the start of its tag ("<NROWS" or "<NROWS>"), attributes allowed
        String s = new String(xml, StandardCharsets.UTF_8);
        int at = s.indexOf(element);
        assertTrue(at >= 0, element + " in the XML");
        int start = s.indexOf('>', at) + 1;
        int end = start;
        while (end < s.length() && s.charAt(end) != '<' && s.charAt(end) != ' ') end++;
        assertTrue(end > start, "a number after " + element);
        return (s.substring(0, start) + value + s.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** The SAFE folder as a zip: every entry stored, or the XML deflated and the measurements stored as in ESA's zips. */
    static Path zip(Path safe, boolean deflated) throws IOException {
        return ZippedSafe.write(safe, dir.resolve(deflated ? "zip-deflated" : "zip-stored")
                .resolve(safe.getFileName().toString().replace(".SAFE", ".zip")), deflated);
    }

    @Test
    void sentinel1Zip() throws IOException {
        Path stored = zip(grd(), false);
        Path deflated = zip(grd(), true);
        assertRuns(run(grdArgs(stored, outFolder("zip-ok"))));
        assertRuns(run(grdArgs(deflated, outFolder("zip-deflated-ok"))));
        String zipName = stored.getFileName().toString();
        // the measurement entry's bytes: the largest stretch of the stored zip
        // the VV measurement, which the run reads (VV is the default polarisation); the VH one, which it does not
        long[] span = entryData(stored, ".*-vv-.*\\.tiff");
        long[] vh = entryData(stored, ".*-vh-.*\\.tiff");
        long[] xml = entryData(deflated, ".*/manifest\\.safe");
        int i = 0;
        for (Object[] c : new Object[][] {
                {"zip: zeroed 4 KB near the end", stored, (Function<byte[], byte[]>) d -> zeroed(d, (int) span[1] - 6000, 4096)},
                {"zip: measurement bit flips", stored, (Function<byte[], byte[]>) d -> flipBits(d, (int) span[0], (int) span[1], 16, 3)},
                {"zip: VH damaged, VV processed", stored, (Function<byte[], byte[]>) d -> zeroed(d, (int) vh[1] - 6000, 4096)},
                {"zip: cut to half", stored, (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"zip: central directory zeroed", stored, (Function<byte[], byte[]>) d -> zeroed(d, d.length - 600, 600)},
                {"zip (deflated XML): bit flips", deflated, (Function<byte[], byte[]>) d -> flipBits(d, (int) xml[0], (int) xml[1], 8, 4)},
                {"zip (deflated XML): zeroed 1 KB", deflated, (Function<byte[], byte[]>) d -> zeroed(d, (int) xml[0] + 100, 1024)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[2];
            Path bad = damagedCopy("zip" + i, (Path) c[1], how);
            Path out = outFolder("zip" + i++);
            // a file the run does not read is not checked (the rule: every entry it reads completely)
            Expect expect = ((String) c[0]).startsWith("zip: VH") ? Expect.REFUSED_OR_WRITTEN : Expect.REFUSED;
            sweep((String) c[0], expect, zipName, out, grdArgs(bad, out));
        }
    }

    /** Start and end offsets of the data of the zip's only entry whose name matches {@code regex}. */
    static long[] entryData(Path zip, String regex) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            List<? extends ZipEntry> hits = z.stream().filter(e -> e.getName().matches(regex)).toList();
            assertEquals(1, hits.size(), regex + " in " + zip);
            ZipEntry big = hits.get(0);
            byte[] all = Files.readAllBytes(zip);
            byte[] name = big.getName().getBytes(StandardCharsets.UTF_8);
            // the local header: signature, 26 bytes of fields, the name, then the extra field
            for (int at = 0; at + 30 + name.length < all.length; at++) {
                if (all[at] == 'P' && all[at + 1] == 'K' && all[at + 2] == 3 && all[at + 3] == 4
                        && Arrays.equals(all, at + 30, at + 30 + name.length, name, 0, name.length)) {
                    int extra = (all[at + 28] & 0xff) | (all[at + 29] & 0xff) << 8;
                    long start = at + 30L + name.length + extra;
                    return new long[] {start, start + big.getCompressedSize()};
                }
            }
            throw new AssertionError("no local header for " + big.getName());
        }
    }

    @Test
    void sentinel2Product() throws IOException {
        Path safe = SyntheticS2Product.builder(S2Level.L2A).size(60).noDataColumns(0)
                .bands(S2Band.B2, S2Band.B4, S2Band.B11).build().write(dir.resolve("s2"));
        assertRuns(run(s2Args(safe, outFolder("s2-ok"))));
        String b4 = find(safe, ".*_B04(_10m)?\\.jp2");
        String tileXml = find(safe, "MTD_TL\\.xml");
        String productXml = find(safe, "MTD_MSIL2A\\.xml");
        int i = 0;
        for (Object[] c : new Object[][] {
                {"S2: band cut to half", b4, Expect.REFUSED, (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"S2: band header bit flips", b4, Expect.REFUSED, (Function<byte[], byte[]>) d -> flipBits(d, 0, 200, 6, 5)},
                {"S2: band zeroed 4 KB", b4, Expect.REFUSED, (Function<byte[], byte[]>) d -> zeroed(d, d.length / 2, 4096)},
                {"S2: tile XML nonsense size", tileXml, Expect.REFUSED, (Function<byte[], byte[]>) d -> replaceFirstNumber(d, "<NROWS>", "-5")},
                {"S2: zero quantification value", productXml, Expect.REFUSED,
                        (Function<byte[], byte[]>) d -> replaceQuantification(d)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[3];
            Path bad = damagedTree("s2-" + i, safe, (String) c[1], how);
            Path out = outFolder("s2-" + i++);
            sweep((String) c[0], (Expect) c[2], Path.of((String) c[1]).getFileName().toString(), out, s2Args(bad, out));
        }
    }

    static String[] s2Args(Path input, Path out) {
        return new String[] {"S2-preprocess", "--input", input.toString(), "--bands", "B2,B4,B11", "--resolution", "20",
                "--output_path", out.toString(), "-q"};
    }

    /** The L2A product metadata with a quantification value of 0 (reflectance = DN / 0). */
    static byte[] replaceQuantification(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int at = s.indexOf("<BOA_QUANTIFICATION_VALUE");
        assertTrue(at >= 0, "a quantification value in the product metadata");
        int gt = s.indexOf('>', at);
        int lt = s.indexOf('<', gt);
        return (s.substring(0, gt + 1) + "0" + s.substring(lt)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void monthlyComposites() throws IOException {
        int months = 12, bands = 9;
        Path model = NearestCentroidFormat.write(Files.createDirectories(dir.resolve("ncm")).resolve("m.ncm"), months, bands,
                CompositeStacks.centroids(16, months, bands));
        int w = 40, h = 30;
        int[] classes = new int[w * h];
        for (int i = 0; i < classes.length; i++) classes[i] = (i % w) / 10;
        Path mc = dir.resolve("mc");
        CompositeStacks.write(mc, "T33UVP", w, h, months, bands, classes, 9, CompositeStacks.GRID);
        assertRuns(run("tile_classifier", "--mc_dir", mc.toString(), "--model", model.toString(), "--output_dir",
                outFolder("mc-ok").toString(), "-q"));
        String june;
        try (Stream<Path> s = Files.list(mc)) {
            june = s.map(p -> p.getFileName().toString()).filter(n -> n.contains("06") && n.endsWith(".tif")).sorted()
                    .findFirst().orElseThrow();
        }
        int i = 0;
        for (Object[] c : new Object[][] {
                {"composite: cut to half", Expect.REFUSED, (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"composite: header bit flips", Expect.REFUSED_OR_WRITTEN, (Function<byte[], byte[]>) d -> flipBits(d, 8, 400, 6, 6)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[2];
            Path bad = damagedTree("mc" + i, mc, june, how);
            Path out = outFolder("mc" + i++);
            sweep((String) c[0], (Expect) c[1], june, out, "tile_classifier", "--mc_dir", bad.toString(), "--model",
                    model.toString(), "--output_dir", out.toString(), "-q");
        }
    }

    @Test
    void lstmModel() throws IOException {
        Path data = dir.resolve("ts2c");
        SyntheticTimeSen2Crop.write(data, 6, 2, "33UVP");
        Path npy = dir.resolve("ts2c-npy");
        assertRuns(run("timesen2crop-export", "--input_dir", data.toString(), "--output_dir", npy.toString(),
                "--val_fraction", "0.5", "-q"));
        Path trained = dir.resolve("lstm");
        assertRuns(run("train_lstm", "--input_dir", npy.toString(), "--val", npy.resolve("val").toString(),
                "--output_dir", trained.toString(), "--n_epochs", "2", "--batch_size", "8", "-q"));
        Path model = trained.resolve("model.h5");
        Path series = npy.resolve("train.npy");
        Path okOut = outFolder("lstm-ok");
        assertRuns(run("predict", "--model", model.toString(), "-o", okOut.resolve("p.csv").toString(), series.toString()));
        Path expected = okOut.resolve("p.csv");
        int i = 0;
        for (Object[] c : new Object[][] {
                {"model.h5: zeroed 4 KB (middle)", (Function<byte[], byte[]>) d -> zeroed(d, d.length / 2, 4096)},
                {"model.h5: zeroed 4 KB (near end)", (Function<byte[], byte[]>) d -> zeroed(d, d.length - 8192, 4096)},
                {"model.h5: bit flips", (Function<byte[], byte[]>) d -> flipBits(d, d.length / 4, d.length, 12, 7)},
                {"model.h5: cut to half", (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[1];
            Path bad = damagedCopy("lstm" + i, model, how);
            Path out = outFolder("lstm" + i++);
            Path csv = out.resolve("p.csv");
            sweep((String) c[0], Expect.REFUSED_OR_SAME, "model.h5", out, () -> sameFiles(csv, expected), "predict",
                    "--model", bad.toString(), "-o", csv.toString(), series.toString());
        }
    }

    @Test
    void unetModel() throws IOException {
        Path tiles = dir.resolve("landscape");
        SyntheticLandscape.write(tiles, "a", SyntheticLandscape.draw(96, 96, 1));
        UnetModel init = UnetModel.initialised(Backbone.RESNET18, 4, 4, 64, 3);
        UnetModel named = new UnetModel(init.backbone(), SyntheticLandscape.BANDS, new int[] {0, 1, 2, 3}, 64,
                init.mean(), init.std(), init.weights());
        Path model = dir.resolve("unet/model.safetensors");
        Files.createDirectories(model.getParent());
        UnetModelFile.write(named, model);
        Path images = tiles.resolve("images");
        Path okOut = outFolder("unet-ok");
        assertRuns(run("unet", "-action", "predict", "--input_dir", images.toString(), "-model_file", model.toString(),
                "--output_dir", okOut.toString(), "-q"));
        Path expected = okOut.resolve("a.tif");
        assertTrue(Files.isRegularFile(expected), "class map a.tif in " + files(okOut));
        int i = 0;
        for (Object[] c : new Object[][] {
                {"U-Net: weight bit flips", (Function<byte[], byte[]>) d -> flipBits(d, d.length / 2, d.length, 4, 8)},
                {"U-Net: zeroed 4 KB", (Function<byte[], byte[]>) d -> zeroed(d, d.length / 3, 4096)},
                {"U-Net: header bit flips", (Function<byte[], byte[]>) d -> flipBits(d, 8, 2000, 4, 9)},
                {"U-Net: cut to half", (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[1];
            Path bad = damagedCopy("unet" + i, model, how);
            Path out = outFolder("unet" + i++);
            sweep((String) c[0], Expect.REFUSED_OR_SAME, "model.safetensors", out,
                    () -> samePixels(out.resolve("a.tif"), expected), "unet", "-action", "predict", "--input_dir",
                    images.toString(), "-model_file", bad.toString(), "--output_dir", out.toString(), "-q");
        }
    }

    static boolean samePixels(Path a, Path b) {
        try {
            Raster ra = ProductIO.read(a).raster(), rb = ProductIO.read(b).raster();
            return Arrays.equals(ra.read(0, ra.bounds()).bytes(), rb.read(0, rb.bounds()).bytes());
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void srganModelAndCamsInput() throws IOException {
        Path data = Files.createDirectories(dir.resolve("cams/data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5).write(data);
        Path config = dir.resolve("cams/config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG);
        assertRuns(run("aqgan-preproc", "--start-date", "2024010100", "--end-date", "2024010221", "--dataset", "cams",
                "--config", config.toString(), "-q"));
        Cli train = run("aqgan-train", "--model", "srgan", "--start-date", "2024010100", "--end-date", "2024010221",
                "--config", config.toString(), "-q");
        assertRuns(train);
        Path model = Path.of(train.out().strip());
        Path lr = data.resolve(SyntheticCams.LR_FILE);
        Path statics = data.resolve(SyntheticCams.STATIC_FILE);
        Path okOut = outFolder("aq-ok");
        assertRuns(run("aqgan-predict", model.toString(), lr.toString(), "--static", statics.toString(), "--output_path",
                okOut.toString(), "-q"));
        String mean = lr.getFileName().toString().replace(".nc", "_srgan_mean.tif");
        Path expected = okOut.resolve(mean);
        assertTrue(Files.isRegularFile(expected), mean + " in " + files(okOut));
        int i = 0;
        for (Object[] c : new Object[][] {
                {"SRGAN model: bit flips", (Function<byte[], byte[]>) d -> flipBits(d, d.length / 4, d.length, 8, 10)},
                {"SRGAN model: zeroed 4 KB", (Function<byte[], byte[]>) d -> zeroed(d, d.length / 2, 4096)},
                {"SRGAN model: cut to half", (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[1];
            Path bad = damagedCopy("aq" + i, model, how);
            Path out = outFolder("aq" + i++);
            sweep((String) c[0], Expect.REFUSED_OR_SAME, model.getFileName().toString(), out,
                    () -> sameFiles(out.resolve(mean), expected), "aqgan-predict", bad.toString(), lr.toString(),
                    "--static", statics.toString(), "--output_path", out.toString(), "-q");
        }
        Path cut = damagedCopy("cams-cut", lr, d -> truncated(d, d.length / 2));
        Path out = outFolder("cams-cut");
        sweep("CAMS netCDF: cut to half", Expect.REFUSED, lr.getFileName().toString(), out, "aqgan-predict",
                model.toString(), cut.toString(), "--static", statics.toString(), "--output_path", out.toString(), "-q");
    }

    /** Runs an outside tool (GDAL) that must succeed. */
    static void tool(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            assertEquals(0, p.waitFor(), String.join(" ", cmd) + " (GDAL must be installed): " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * The issue's own undetectable case, a zeroed 64 KB block inside an uncompressed GeoTIFF (written
     * by GDAL), and an area of interest from a damaged Shapefile (written by GDAL).
     */
    @Test
    void uncompressedGeoTiffAndShapefileAreaOfInterest() throws IOException {
        Path scene = Files.createDirectories(dir.resolve("plain")).resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("scene", FieldScene.nearRome(300, 250, 2)), scene,
                ProcessingContext.defaults());
        Path plain = scene.resolveSibling("plain.tif");
        tool("gdal_translate", "-q", "-co", "COMPRESS=NONE", scene.toString(), plain.toString());
        Path bad = damagedCopy("plain-zeroed", plain, d -> zeroed(d, d.length / 2, 65536));
        Path out = outFolder("plain-zeroed");
        sweep("tif (uncompressed): zeroed 64 KB", Expect.REFUSED_OR_WRITTEN, "plain.tif", out, "Warp", "--input",
                bad.toString(), "--output_path", out.toString(), "-q");

        Path geojson = Files.writeString(dir.resolve("plain/aoi.geojson"), "{\"type\":\"FeatureCollection\",\"features\":"
                + "[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[12.305,41.98],[12.315,41.98],[12.315,41.975],[12.305,41.975],[12.305,41.98]]]}}]}");
        Path shp = dir.resolve("plain/aoi.shp");
        tool("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(), geojson.toString());
        assertRuns(run("Warp", "--input", scene.toString(), "--AoI", shp.toString(), "--output_path",
                outFolder("aoi-ok").toString(), "-q"));
        int i = 0;
        for (Object[] c : new Object[][] {
                {"AoI .shp: cut", (Function<byte[], byte[]>) d -> truncated(d, d.length - 40)},
                {"AoI .shp: header zeroed", (Function<byte[], byte[]>) d -> zeroed(d, 0, 100)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[1];
            Path folder = Files.createDirectories(dir.resolve("damaged/aoi" + i));
            for (String ext : new String[] {".shx", ".dbf", ".prj"}) {
                Path part = shp.resolveSibling("aoi" + ext);
                if (Files.exists(part)) Files.copy(part, folder.resolve("aoi" + ext));
            }
            Path badShp = folder.resolve("aoi.shp");
            Files.write(badShp, how.apply(Files.readAllBytes(shp)));
            out = outFolder("aoi" + i++);
            sweep((String) c[0], Expect.REFUSED, "aoi.shp", out, "Warp", "--input", scene.toString(), "--AoI",
                    badShp.toString(), "--output_path", out.toString(), "-q");
        }
    }

    /** The human-features GeoPackage store (SQLite) damaged between load and query. */
    @Test
    void geoPackageStore() throws IOException {
        Path store = Files.createDirectories(dir.resolve("store")).resolve("features.gpkg");
        assertRuns(run("humanfeatures-load", "--input", Fixtures.file("osm/andorra.osm.pbf").toString(), "--store",
                store.toString(), "--classes", "hospital,fuel_station", "-q"));
        assertRuns(run("humanfeatures-query", "--store", store.toString(), "--classes", "hospital,fuel_station",
                "--AoI", "1.40,42.42,1.79,42.66", "--output_path", outFolder("gpkg-ok").resolve("q.geojson").toString(),
                "-q"));
        int i = 0;
        for (Object[] c : new Object[][] {
                {"GeoPackage store: cut to half", (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"GeoPackage store: header zeroed", (Function<byte[], byte[]>) d -> zeroed(d, 0, 100)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[1];
            Path bad = damagedCopy("gpkg" + i, store, how);
            Path out = outFolder("gpkg" + i++);
            sweep((String) c[0], Expect.REFUSED, "features.gpkg", out, "humanfeatures-query", "--store", bad.toString(),
                    "--classes", "hospital,fuel_station", "--AoI", "1.40,42.42,1.79,42.66", "--output_path",
                    out.resolve("q.geojson").toString(), "-q");
        }
    }

    @Test
    void era5NetcdfAndOsmPbf() throws IOException {
        Path points = Files.writeString(dir.resolve("points.csv"), "eic_p,eic_g,name_p,name_g,capacity_p,capacity_g,"
                + "type_g,lat,lon,country,NUTS2,status_g,year_commissioned,year_decommissioned\n"
                + "P1,G1,North Gas,North Gas 1,400,400,Fossil Gas,40.5,21.0,Greece,EL53,COMMISSIONED,2004,\n");
        Path era5 = Fixtures.file("earthkit-era5/tests/data/era5_2t_1.nc");
        assertRuns(run("era5-extract", "--input", era5.toString(), "--points", points.toString(), "--output_path",
                outFolder("era5-ok").resolve("s.csv").toString(), "-q"));
        int i = 0;
        for (Object[] c : new Object[][] {
                {"ERA5 netCDF: cut to half", Expect.REFUSED, (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"ERA5 netCDF: header bit flips", Expect.REFUSED_OR_WRITTEN, (Function<byte[], byte[]>) d -> flipBits(d, 4, 600, 6, 11)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[2];
            Path bad = damagedCopy("era5-" + i, era5, how);
            Path out = outFolder("era5-" + i++);
            sweep((String) c[0], (Expect) c[1], era5.getFileName().toString(), out, "era5-extract", "--input",
                    bad.toString(), "--points", points.toString(), "--output_path", out.resolve("s.csv").toString(), "-q");
        }
        Path pbf = Fixtures.file("osm/andorra.osm.pbf");
        i = 0;
        for (Object[] c : new Object[][] {
                {"OSM PBF: cut to half", Expect.REFUSED, (Function<byte[], byte[]>) d -> truncated(d, d.length / 2)},
                {"OSM PBF: bit flips in a block", Expect.REFUSED_OR_WRITTEN, (Function<byte[], byte[]>) d -> flipBits(d, d.length / 2, d.length / 2 + 20000, 6, 12)}}) {
            @SuppressWarnings("unchecked")
            Function<byte[], byte[]> how = (Function<byte[], byte[]>) c[2];
            Path bad = damagedCopy("pbf-" + i, pbf, how);
            Path out = outFolder("pbf-" + i++);
            sweep((String) c[0], (Expect) c[1], pbf.getFileName().toString(), out, "humanfeatures-load", "--input",
                    bad.toString(), "--store", out.resolve("features.gpkg").toString(), "--classes", "road,hospital", "-q");
        }
    }
}
