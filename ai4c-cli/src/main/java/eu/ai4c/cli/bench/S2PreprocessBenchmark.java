package eu.ai4c.cli.bench;

import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code s2-preprocess}: {@code S2-preprocess} with the L2A cloud mask on a synthetic L2A tile of
 * N×N px at 10 m (default N = 10980; bands B2, B3, B4, B8 and the 20 m SCL as JPEG 2000) to a
 * 10 m GeoTIFF, against GDAL doing the band extraction and SCL resampling of the same files
 * ({@code gdal_translate} VRTs, {@code gdalbuildvrt}, {@code gdalwarp} to float32 and the SCL to
 * 10 m) with the same tiling and DEFLATE level. GDAL does not scale or mask, so the ratio is
 * favourable to the peer.
 */
public final class S2PreprocessBenchmark extends DeclaredBenchmark {

    public S2PreprocessBenchmark() {
        super("s2-preprocess",
                "S2-preprocess (L2A mask) of a synthetic NxN L2A tile to GeoTIFF, vs GDAL band stack + SCL warp (default N 10980;"
                        + " -Pverify false leaves out the manifest checksum check of the files read).", "verify");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        Path work = Files.createDirectories(context.workDir().resolve("s2-preprocess"));
        SyntheticS2Product syn = synthetic(n);
        Path safe = input(context, syn);
        Path out = work.resolve("ai4c.tif");
        // -Pverify=false leaves out the SHA3-256 check of the files read, to measure what it costs
        String verify = context.option("verify", "true");
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("S2-preprocess", Map.of("input", safe),
                Map.of("cloudmask", "L2A", "verify", verify), out, "GeoTIFF", context.processing()));

        List<List<String>> gdal = gdalCommands(syn, safe, work, n);
        double peer = context.medianSeconds(() -> {
            for (List<String> cmd : gdal) PeerProcess.run(cmd);
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        extra.put("verify", verify);
        extra.put("bytes_ai4c", Files.size(out));
        extra.put("bytes_gdal", Files.size(work.resolve("gdal_bands.tif")) + Files.size(work.resolve("gdal_scl.tif")));
        return List.of(BenchResult.of(name(), n + "x" + n + " L2A 4 bands + SCL, JPEG 2000", ours,
                "gdalbuildvrt + gdalwarp", peer, extra));
    }

    /** The synthetic N×N L2A tile: bands B2, B3, B4, B8 and the SCL as JPEG 2000. */
    static SyntheticS2Product synthetic(int n) {
        return SyntheticS2Product.builder(S2Level.L2A).size(n).bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).build();
    }

    /** The SAFE folder of {@code syn} in the work folder; a product left there by an earlier run is reused. */
    static Path input(BenchContext context, SyntheticS2Product syn) throws IOException {
        Path work = Files.createDirectories(context.workDir().resolve("s2-preprocess"));
        return Files.isDirectory(work.resolve(syn.safeName())) ? work.resolve(syn.safeName()) : syn.write(work);
    }

    /** The GDAL pipeline doing the band extraction and SCL resampling of the same JPEG 2000 files. */
    private static List<List<String>> gdalCommands(SyntheticS2Product syn, Path safe, Path work, int n) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(safe)) {
            files = s.filter(p -> p.toString().endsWith(".jp2")).sorted().toList();
        }
        List<String> bands = files.stream().filter(p -> p.getFileName().toString().matches(".*_B0[2348]_10m\\.jp2"))
                .map(Path::toString).toList();
        String scl = files.stream().filter(p -> p.getFileName().toString().contains("SCL")).findFirst()
                .orElseThrow(() -> new Ai4cException("s2-preprocess: no SCL image in " + safe
                        + "; the synthetic product lacks its scene classification.")).toString();
        // the synthetic JP2s carry no GeoJP2 box: they are georeferenced through VRTs (no pixel copy)
        String ulx = String.valueOf(syn.ulx()), uly = String.valueOf(syn.uly());
        String lrx = String.valueOf(syn.ulx() + 10.0 * n), lry = String.valueOf(syn.uly() - 10.0 * n);
        List<List<String>> cmds = new ArrayList<>();
        List<String> stack = new ArrayList<>(List.of("gdalbuildvrt", "-q", "-overwrite", "-separate",
                work.resolve("bands.vrt").toString()));
        for (int i = 0; i < bands.size(); i++) {
            String vrt = work.resolve("b" + i + ".vrt").toString();
            cmds.add(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:" + syn.epsg(), "-a_ullr", ulx, uly,
                    lrx, lry, bands.get(i), vrt));
            stack.add(vrt);
        }
        cmds.add(stack);
        String sclVrt = work.resolve("scl.vrt").toString();
        cmds.add(List.of("gdal_translate", "-q", "-of", "VRT", "-a_srs", "EPSG:" + syn.epsg(), "-a_ullr", ulx, uly, lrx,
                lry, scl, sclVrt));
        // the GeoTIFF writer's defaults: 512² tiles, its DEFLATE level
        List<String> co = List.of("-co", "TILED=YES", "-co", "BLOCKXSIZE=512", "-co", "BLOCKYSIZE=512",
                "-co", "COMPRESS=DEFLATE", "-co", "ZLEVEL=" + GeoTiffWriteOptions.defaults().deflateLevel());
        List<String> warp = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-multi", "-wo",
                "NUM_THREADS=ALL_CPUS", "-ot", "Float32", "-tr", "10", "10", "-r", "near", "-co", "PREDICTOR=3"));
        warp.addAll(co);
        warp.addAll(List.of(work.resolve("bands.vrt").toString(), work.resolve("gdal_bands.tif").toString()));
        cmds.add(warp);
        List<String> sclWarp = new ArrayList<>(List.of("gdalwarp", "-q", "-overwrite", "-tr", "10", "10", "-r", "near"));
        sclWarp.addAll(co);
        sclWarp.addAll(List.of(sclVrt, work.resolve("gdal_scl.tif").toString()));
        cmds.add(sclWarp);
        return cmds;
    }
}
