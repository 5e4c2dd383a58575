package eu.ai4c.cli.bench;

import eu.ai4c.cd.cva.CvaRaster;
import eu.ai4c.cd.cva.synthetic.PlantedChange;
import eu.ai4c.cli.ServiceRun;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code s2-cd}: {@code S2-CD} end to end (statistics pass, class GeoTIFF and side outputs) on a
 * synthetic L2A pair of N×N px at 10 m (default N = 10980, a full tile: four 10 m bands and the
 * 20 m SCL per date, GeoTIFF band images). The second date has other gains and offsets and a
 * planted change (B8 +0.1 over a square of side N/3); detection inside it and the changed share
 * outside it are read back from the written classes. With {@code -Pinputs=jp2} the band images
 * are JPEG 2000 and the two dates identical (changes are planted in GeoTIFF images only), which
 * adds the decoding cost. No peer: no other tool does this change vector analysis.
 */
public final class S2CdBenchmark extends DeclaredBenchmark {
    private static final S2Band[] BANDS = {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8};

    public S2CdBenchmark() {
        super("s2-cd",
                "S2-CD end to end on a synthetic NxN L2A pair with a planted change; no peer (default N 10980).", "inputs");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int n = context.size(10980);
        String inputs = context.option("inputs", "geotiff");
        if (!inputs.equals("geotiff") && !inputs.equals("jp2")) {
            throw Ai4cException.usage("-Pinputs=" + inputs + ": expected geotiff or jp2.");
        }
        boolean jp2 = inputs.equals("jp2");
        int p0 = n / 10, p1 = n / 10 + n / 3;
        Path[] ab = pair(context, n, jp2);
        Map<String, Path> pair = Map.of("input1", ab[0], "input2", ab[1]);
        Path out = ab[0].getParent().getParent().resolve("s2cd_classes.tif");
        BenchContext.Measured ours = context.measure(() -> ServiceRun.run("S2-CD", pair, Map.of(), out, "GeoTIFF",
                context.processing()));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("threads", context.processing().threads());
        if (!jp2) extra.putAll(check(ProductIO.read(out).raster(), n, p0, p1));
        return List.of(BenchResult.of(name(), n + "x" + n + " L2A pair, 4 bands + SCL, " + (jp2 ? "JPEG 2000" : "GeoTIFF"),
                ours, null, Double.NaN, extra));
    }

    /**
     * The two dates of N×N px in the work folder, made on first use: GeoTIFF band images with the
     * second date's gains, offsets and planted square (side N/3 at N/10), or identical JPEG 2000 dates.
     */
    static Path[] pair(BenchContext context, int n, boolean jp2) throws IOException {
        int p0 = n / 10, p1 = n / 10 + n / 3;
        Path work = Files.createDirectories(context.workDir().resolve("s2-cd-" + (jp2 ? "jp2" : "geotiff") + "-" + n));
        SyntheticS2Product syn = SyntheticS2Product.builder(S2Level.L2A).size(n).noDataColumns(0).bands(BANDS)
                .geoTiff(!jp2).build();
        Path a = work.resolve("a").resolve(syn.safeName()), b = work.resolve("b").resolve(syn.safeName());
        if (!Files.isDirectory(a) || !Files.isDirectory(b)) {
            a = syn.write(Files.createDirectories(work.resolve("a")));
            b = syn.write(Files.createDirectories(work.resolve("b")));
            if (!jp2) PlantedChange.apply(b, BANDS, new double[] {1.05, 0.95, 1.1, 0.9}, new double[] {0.01, -0.01, 0.02, 0.03},
                    List.of(new PlantedChange.Patch(p0, p0, p1, p1, new double[] {0, 0, 0, 0.1})),
                    syn.offset(), syn.quantification());
        }
        return new Path[] {a, b};
    }

    /** Detection rate inside the planted square and changed share outside it, from the written classes. */
    private static Map<String, Object> check(Raster classes, int n, int p0, int p1) throws IOException {
        long inside = 0, detected = 0, outside = 0, alarms = 0;
        for (int y = 0; y < n; y += 512) {
            int h = Math.min(512, n - y);
            byte[] cls = classes.read(0, new Region(0, y, n, h)).bytes();
            for (int i = 0; i < cls.length; i++) {
                int v = cls[i] & 0xFF, col = i % n, row = y + i / n;
                if (v == CvaRaster.NO_DATA) continue;
                boolean planted = col >= p0 && col < p1 && row >= p0 && row < p1;
                if (planted) {
                    inside++;
                    if (v > 0) detected++;
                } else {
                    outside++;
                    if (v > 0) alarms++;
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detection", inside == 0 ? null : Math.round(1e4 * detected / (double) inside) / 1e4);
        m.put("changed_outside", outside == 0 ? null : Math.round(1e5 * alarms / (double) outside) / 1e5);
        return m;
    }
}
