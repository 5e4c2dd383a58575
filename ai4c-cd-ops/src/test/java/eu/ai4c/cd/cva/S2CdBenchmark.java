package eu.ai4c.cd.cva;

import eu.ai4c.cd.cva.synthetic.PlantedChange;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@code S2-CD} on a synthetic L2A pair of {@code size}×{@code size} px at 10 m (argument 1,
 * default 1830; 10980 is a full tile) with GeoTIFF band images ({@code jp2} as argument 2 for
 * JPEG 2000 inputs without planted changes): statistics pass, class GeoTIFF, side outputs. Prints
 * one JSON line. Not run by surefire.
 */
public final class S2CdBenchmark {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1830;
        boolean jp2 = args.length > 1 && args[1].equals("jp2");
        S2Band[] bands = {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8};
        Path dir = Files.createTempDirectory("ai4c-s2cd-bench-");
        try {
            SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(size).noDataColumns(0)
                    .bands(bands).geoTiff(!jp2);
            SyntheticS2Product syn = b.build();
            Path p1 = syn.write(Files.createDirectories(dir.resolve("a")));
            Path p2 = syn.write(Files.createDirectories(dir.resolve("b")));
            if (!jp2) {
                PlantedChange.apply(p2, bands, new double[] {1.05, 0.95, 1.1, 0.9}, new double[] {0.01, -0.01, 0.02, 0.03},
                        List.of(new PlantedChange.Patch(size / 10, size / 10, size / 3, size / 3, new double[] {0, 0, 0, 0.1})),
                        syn.offset(), syn.quantification());
            }
            ProcessingContext ctx = ProcessingContext.defaults();
            long t0 = System.nanoTime();
            Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(p1), "input2", ProductIO.read(p2)),
                    S2CdDescriptor.DESCRIPTOR.validate(Map.of()), ctx);
            long t1 = System.nanoTime();
            Path main = ProductIO.writer("GeoTIFF").write(out, dir.resolve("cd.tif"), ctx);
            long t2 = System.nanoTime();
            CvaOutputs.write(out, main, ctx);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"S2-CD\",\"size\":%d,\"inputs\":\"%s\",\"threads\":%d,"
                            + "\"statistics_s\":%.2f,\"classes_s\":%.2f,\"side_outputs_s\":%.2f,\"total_s\":%.2f}%n",
                    size, jp2 ? "JPEG2000" : "GeoTIFF", ctx.threads(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    (t3 - t0) / 1e9);
        } finally {
            AtomicOutput.deleteTree(dir);
        }
    }
}
