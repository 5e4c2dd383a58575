package eu.ai4c.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.cli.Main;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.stac.StacItems;
import eu.ai4c.kit.testing.StacSchemas;
import eu.ai4c.kit.testutil.Gdal;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ai4c batch} end to end on {@code local[2]}: eight jobs across three services (two of them
 * bad) run to completion; every output equals, byte for byte, what the same command line writes
 * when run alone; the bad rows fail alone with the command's own message; a rerun with one row's
 * parameter changed redoes only that row and rewrites no other file; the STAC items validate against the
 * schemas and agree with gdalinfo; the batch's collection and catalog validate.
 */
class BatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** One manifest row: service and options in order. */
    private record Row(String service, String... kv) {
        Map<String, String> options() {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
            return m;
        }
    }

    private static final List<String> COLUMNS = List.of("input", "source", "output_path", "output_dir", "polarization", "resolution",
            "speckle", "filter", "projection");

    @Test
    void manifestRunsResumesAndReportsBadRows() throws Exception {
        Path grd = SyntheticGrd.builder(400, 240).polarisations("VV", "VH").centre(41.9, 12.5).seed(7)
                .pointTarget(120, 200, 30000).noValueBorder(16).build().write(dir.resolve("in"));
        Path utm = utmImage(dir.resolve("in/S1A_IW_GRDH_1SDV_20210613T052511_20210613T052536_038336_048610_5C3D_sigma0.tif"));
        List<Row> rows = List.of(
                new Row("S1-GRD-preprocess", "input", grd.toString(), "output_dir", "$OUT/grd1", "resolution", "40", "speckle", "None"),
                new Row("S1-GRD-preprocess", "input", grd.toString(), "output_dir", "$OUT/grd2", "resolution", "60",
                        "speckle", "None", "polarization", "VV"),
                new Row("Warp", "input", utm.toString(), "output_path", "$OUT/warp1.tif"),
                new Row("Warp", "input", utm.toString(), "output_path", "$OUT/warp2.tif", "resolution", "30", "projection", "EPSG:32632"),
                new Row("Speckle-Filter", "source", utm.toString(), "output_path", "$OUT/lee.tif", "filter", "Lee"),
                new Row("Speckle-Filter", "source", utm.toString(), "output_path", "$OUT/median.tif", "filter", "Median"),
                new Row("S1-GRD-preprocess", "input", dir.resolve("in/missing.zip").toString(), "output_dir", "$OUT/bad1"),
                new Row("Warp", "input", utm.toString(), "output_path", "$OUT/bad2.tif", "resolution", "-5"));
        Path out = Files.createDirectories(dir.resolve("batch"));
        Path manifest = writeManifest(dir.resolve("jobs.csv"), rows, out);
        Path results = dir.resolve("results.csv");

        // the same command lines, each run alone, are the reference
        Path single = Files.createDirectories(dir.resolve("single"));
        List<String[]> alone = new ArrayList<>();
        for (Row r : rows) {
            JobRow job = new JobRow(0, r.service(), resolve(r.options(), single));
            List<String> args = new ArrayList<>(job.commandLine());
            args.add("--quiet");
            StringWriter o = new StringWriter(), e = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
            alone.add(new String[] {String.valueOf(code), o.toString().strip(), e.toString().strip()});
        }

        Batch first = batch(manifest, results);
        assertEquals(1, first.exit(), first.toString());
        List<String[]> table = readResults(results);
        assertEquals(rows.size(), table.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] t = table.get(i);
            assertEquals(String.valueOf(i + 1), t[0]);
            assertEquals(rows.get(i).service(), t[1]);
            if (i < 6) {
                assertEquals("succeeded", t[2], String.join(" | ", t));
                assertEquals("0", alone.get(i)[0], "reference run of row " + (i + 1) + ": " + alone.get(i)[2]);
                Path batchFile = Path.of(t[4]), aloneFile = Path.of(alone.get(i)[1]);
                assertEquals(aloneFile.getFileName(), batchFile.getFileName());
                assertArrayEquals(Files.readAllBytes(aloneFile), Files.readAllBytes(batchFile),
                        "row " + (i + 1) + ": " + batchFile + " differs from " + aloneFile);
                checkItem(batchFile);
            } else {
                assertEquals("failed", t[2], String.join(" | ", t));
                assertTrue(alone.get(i)[2].startsWith("Error:"), alone.get(i)[2]);
                // the command's message, with this batch's paths in place of the reference run's
                assertEquals(alone.get(i)[2].replace(single.toString(), out.toString()), t[5]);
            }
        }
        assertTrue(table.get(6)[5].contains("missing.zip") && table.get(6)[5].contains("does not exist"), table.get(6)[5]);
        assertTrue(table.get(7)[5].contains("resolution"), table.get(7)[5]);
        assertTrue(!Files.exists(out.resolve("bad1")) || isEmpty(out.resolve("bad1")), "a failed job leaves nothing");
        assertTrue(!Files.exists(out.resolve("bad2.tif")));
        JsonNode collection = JSON.readTree(dir.resolve("results_collection.json").toFile());
        assertEquals(List.of(), StacSchemas.collectionErrors(collection));
        assertEquals(List.of(), StacSchemas.catalogErrors(JSON.readTree(dir.resolve("results_catalog.json").toFile())));
        List<String> itemLinks = new ArrayList<>();
        for (JsonNode l : collection.get("links")) {
            if (l.get("rel").asText().equals("item")) itemLinks.add(l.get("href").asText());
        }
        assertEquals(6, itemLinks.size(), itemLinks.toString());
        for (String href : itemLinks) assertTrue(Files.isRegularFile(dir.resolve(href)), href);
        assertTrue(collection.at("/extent/spatial/bbox/0/0").asDouble() < 12.5
                && collection.at("/extent/spatial/bbox/0/2").asDouble() > 12.5, collection.toString());

        // rerun with one parameter changed: only that row runs again, the finished ones are skipped
        // without a file rewritten, the bad ones fail again
        Map<Path, FileTime> stamps = stamps(out);
        List<Row> changed = new ArrayList<>(rows);
        changed.set(3, new Row("Warp", "input", utm.toString(), "output_path", "$OUT/warp2.tif", "resolution", "45",
                "projection", "EPSG:32632"));
        Path manifest2 = writeManifest(dir.resolve("jobs2.csv"), changed, out);
        Batch again = batch(manifest2, results);
        assertEquals(1, again.exit(), again.toString());
        List<String[]> second = readResults(results);
        for (int i = 0; i < rows.size(); i++) {
            String expected = i == 3 ? "succeeded" : i < 6 ? "skipped" : "failed";
            assertEquals(expected, second.get(i)[2], String.join(" | ", second.get(i)));
            if (i < 6) assertEquals(table.get(i)[4], second.get(i)[4]);
        }
        Map<Path, FileTime> after = stamps(out);
        for (Map.Entry<Path, FileTime> e : stamps.entrySet()) {
            String name = e.getKey().getFileName().toString();
            if (name.startsWith("results")) continue;
            boolean redone = name.startsWith("warp2.");
            assertEquals(!redone, e.getValue().equals(after.get(e.getKey())), e.getKey().toString());
        }
        JsonNode warp2 = JSON.readTree(out.resolve("warp2.json").toFile());
        assertEquals(45.0, warp2.at("/properties/proj:transform/0").asDouble(), 1e-9);
        assertEquals("45.0", warp2.at("/properties/processing:expression/expression/parameters/resolution").asText());
    }

    @Test
    void manifestsAsJsonLinesAndCsvReadTheSame() throws IOException {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "service,input,output_path,polarization\n"
                + "# a comment\n"
                + "S1-GRD-preprocess,a.zip,out/,\"VV,VH\"\n"
                + "Warp,b.tif,w.tif,\n");
        Path jsonl = dir.resolve("m.jsonl");
        Files.writeString(jsonl, "{\"service\":\"S1-GRD-preprocess\",\"input\":\"a.zip\",\"output_path\":\"out/\",\"polarization\":\"VV,VH\"}\n"
                + "\n{\"service\":\"Warp\",\"input\":\"b.tif\",\"output_path\":\"w.tif\",\"polarization\":null}\n");
        List<JobRow> a = JobManifest.read(csv), b = JobManifest.read(jsonl);
        assertEquals(a, b);
        assertEquals(List.of("S1-GRD-preprocess", "--input=a.zip", "--output_path=out/", "--polarization=VV,VH"),
                a.get(0).commandLine());
        assertEquals(List.of("Warp", "--input=b.tif", "--output_path=w.tif"), a.get(1).commandLine());

        // a glob is one job per match, in name order; it needs a folder for the outputs
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String n : List.of("S1B_IW_GRDH_2.zip", "S1A_IW_GRDH_1.zip", "S1A_IW_SLC__3.zip")) Files.writeString(data.resolve(n), "");
        Files.createDirectories(data.resolve("S1A_IW_GRDH_4.SAFE"));
        Files.writeString(csv, "service,input,output_dir,resolution\nS1-GRD-preprocess," + data + "/S1*_GRDH_*,out,20\n"
                + "Warp,b.tif,,\n");
        List<JobRow> globbed = JobManifest.read(csv);
        assertEquals(List.of(data.resolve("S1A_IW_GRDH_1.zip").toString(), data.resolve("S1A_IW_GRDH_4.SAFE").toString(),
                data.resolve("S1B_IW_GRDH_2.zip").toString(), "b.tif"), globbed.stream().map(j -> j.options().get("input")).toList());
        assertEquals(List.of(1, 2, 3, 4), globbed.stream().map(JobRow::row).toList());
        assertEquals("20", globbed.get(2).options().get("resolution"));
        Files.writeString(csv, "service,input,output_path\nWarp," + data + "/*.zip,w.tif\n");
        Batch toFile = batch(csv, dir.resolve("r.csv"));
        assertEquals(2, toFile.exit());
        assertTrue(toFile.err().contains("output_dir"), toFile.toString());

        Files.writeString(csv, "input,output_path\na.zip,out/\n");
        Batch noService = batch(csv, dir.resolve("r.csv"));
        assertEquals(2, noService.exit());
        assertTrue(noService.err().contains("'service' column"), noService.toString());
    }

    private void checkItem(Path mainOutput) throws IOException {
        Path itemFile = StacItems.itemFile(mainOutput);
        JsonNode item = JSON.readTree(itemFile.toFile());
        assertEquals(List.of(), StacSchemas.itemErrors(item), itemFile.toString());
        JsonNode props = item.get("properties");
        String name = mainOutput.getFileName().toString();
        assertEquals("./" + name, item.at("/assets/" + name.replace("~", "~0").replace("/", "~1") + "/href").asText());
        JsonNode info = Gdal.info(mainOutput);
        if (props.has("proj:shape")) {
            assertEquals(info.at("/size/1").asInt(), props.at("/proj:shape/0").asInt(), name);
            assertEquals(info.at("/size/0").asInt(), props.at("/proj:shape/1").asInt(), name);
            assertEquals(info.at("/geoTransform/0").asDouble(), props.at("/proj:transform/2").asDouble(), 1e-9, name);
            assertEquals(info.at("/geoTransform/1").asDouble(), props.at("/proj:transform/0").asDouble(), 1e-12, name);
            assertEquals(info.at("/geoTransform/5").asDouble(), props.at("/proj:transform/4").asDouble(), 1e-12, name);
            assertEquals("EPSG:" + info.at("/stac/proj:epsg").asInt(), props.get("proj:code").asText(), name);
        } else {
            assertTrue(item.get("geometry").isNull() && !info.has("geoTransform"), name + " has no map grid: " + item);
        }
    }

    private record Batch(int exit, String out, String err) {
    }

    private static Batch batch(Path manifest, Path results) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = BatchMain.run(new String[] {"--manifest", manifest.toString(), "--master", "local[2]", "--results",
                results.toString()}, new PrintWriter(o, true), new PrintWriter(e, true));
        return new Batch(code, o.toString(), e.toString());
    }

    private static Map<String, String> resolve(Map<String, String> options, Path out) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        options.forEach((k, v) -> m.put(k, v.replace("$OUT", out.toString())));
        return m;
    }

    private static Path writeManifest(Path file, List<Row> rows, Path out) throws IOException {
        StringBuilder sb = new StringBuilder("service," + String.join(",", COLUMNS) + "\n");
        for (Row r : rows) {
            Map<String, String> o = resolve(r.options(), out);
            sb.append(r.service());
            for (String c : COLUMNS) sb.append(',').append(ResultsTable.cell(o.getOrDefault(c, "")));
            sb.append('\n');
        }
        Files.writeString(file, sb);
        return file;
    }

    /** The results table, parsed with the manifest reader's CSV rules (a service column named as such). */
    private static List<String[]> readResults(Path results) throws IOException {
        List<String> lines = Files.readAllLines(results);
        assertEquals(ResultsTable.HEADER, lines.get(0));
        Path copy = results.resolveSibling("results-as-manifest.csv");
        Files.writeString(copy, String.join("\n", lines) + "\n");
        List<String[]> out = new ArrayList<>();
        for (JobRow r : JobManifest.read(copy)) {
            Map<String, String> o = r.options();
            out.add(new String[] {o.getOrDefault("row", ""), r.service(), o.getOrDefault("status", ""),
                    o.getOrDefault("seconds", ""), o.getOrDefault("output", ""), o.getOrDefault("error", "")});
        }
        return out;
    }

    private static Map<Path, FileTime> stamps(Path folder) throws IOException {
        Map<Path, FileTime> m = new HashMap<>();
        try (var s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(p, Files.getLastModifiedTime(p));
        }
        return m;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    /** A 64 × 48 px σ⁰-like float image on UTM 33N at 20 m. */
    static Path utmImage(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] v = new float[64 * 48];
        for (int i = 0; i < v.length; i++) v[i] = (float) (-Math.log(1 - rnd.nextDouble()) * (0.05 + (i % 64) / 640.0));
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 300000, 4650000, 20, 20);
        Product p = Product.of(file.getFileName().toString().replace(".tif", ""), MemoryRaster.ofFloats("Sigma0_VV", 64, 48, v, grid));
        ProductIO.writer("GeoTIFF").write(p, file, ProcessingContext.defaults());
        return file;
    }
}
