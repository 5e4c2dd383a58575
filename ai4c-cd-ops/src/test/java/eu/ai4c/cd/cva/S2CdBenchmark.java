package eu.ai4c.cd.cva;

import eu.ai4c.cd.cva.synthetic.PlantedChange;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times {@code S2-CD} end to end on a synthetic L2A pair of {@code size}×{@code size} px at 10 m
 * (argument 1, default 1830; 10980 is a full tile: four 10 m bands and the 20 m SCL per date)
 * with GeoTIFF band images, or JPEG 2000 band images ({@code jp2} as argument 2; the pair is
 * then identical, as planted changes are written as GeoTIFF only). Timed: operator with the
 * statistics pass, class GeoTIFF, side outputs (CVA GeoTIFF, polar plot, JSON); generation is
 * timed apart. For GeoTIFF inputs the planted patch (B8 +0.1 over a square of side size/3) is
 * checked: detection and false-alarm rate from the written classes. Prints one JSON line with the
 * system load average before and after (the machine may be shared), the maximum heap, the
 * process CPU time and the threads. Not run by surefire; run with e.g.
 * {@code java -Xmx8g -cp <test classpath> eu.ai4c.cd.cva.S2CdBenchmark 10980}.
 */
public final class S2CdBenchmark {

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1830;
        boolean jp2 = args.length > 1 && args[1].equals("jp2");
        S2Band[] bands = {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8};
        var os = ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("ai4c-s2cd-bench-");
        int p0 = size / 10, p1 = size / 10 + size / 3; // planted patch [p0, p1)²
        try {
            long g0 = System.nanoTime();
            SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(size).noDataColumns(0)
                    .bands(bands).geoTiff(!jp2);
            SyntheticS2Product syn = b.build();
            Path a = syn.write(Files.createDirectories(dir.resolve("a")));
            Path c = syn.write(Files.createDirectories(dir.resolve("b")));
            if (!jp2) {
                PlantedChange.apply(c, bands, new double[] {1.05, 0.95, 1.1, 0.9}, new double[] {0.01, -0.01, 0.02, 0.03},
                        List.of(new PlantedChange.Patch(p0, p0, p1, p1, new double[] {0, 0, 0, 0.1})),
                        syn.offset(), syn.quantification());
            }
            double generate = (System.nanoTime() - g0) / 1e9;
            double loadBefore = os.getSystemLoadAverage();
            long cpu0 = cpuNanos(os);
            ProcessingContext ctx = ProcessingContext.defaults();
            long t0 = System.nanoTime();
            Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(a), "input2", ProductIO.read(c)),
                    S2CdDescriptor.DESCRIPTOR.validate(Map.of()), ctx);
            long t1 = System.nanoTime();
            Path main = ProductIO.writer("GeoTIFF").write(out, dir.resolve("cd.tif"), ctx);
            long t2 = System.nanoTime();
            CvaOutputs.write(out, main, ctx);
            long t3 = System.nanoTime();
            long cpu = cpuNanos(os) - cpu0;
            double loadAfter = os.getSystemLoadAverage();
            CvaModel model = out.attachment(CvaRaster.class).orElseThrow().model();
            String check = jp2 ? "" : check(ProductIO.read(main).raster(), size, p0, p1);
            System.out.printf(Locale.ROOT, "{\"benchmark\":\"S2-CD\",\"size\":%d,\"inputs\":\"%s\",\"threads\":%d,"
                            + "\"max_heap_mb\":%d,\"load_before\":%.2f,\"load_after\":%.2f,\"generate_s\":%.2f,"
                            + "\"statistics_s\":%.2f,\"classes_s\":%.2f,\"side_outputs_s\":%.2f,\"total_s\":%.2f,"
                            + "\"process_cpu_s\":%.2f,\"gains\":\"%s\",\"invariant\":%d,\"sample\":%d%s}%n",
                    size, jp2 ? "JPEG2000" : "GeoTIFF", ctx.threads(), Runtime.getRuntime().maxMemory() >> 20,
                    loadBefore, loadAfter, generate, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    (t3 - t0) / 1e9, cpu / 1e9, Arrays.toString(model.gains()), model.invariantPixels(),
                    model.samplePixels(), check);
        } finally {
            AtomicOutput.deleteTree(dir);
        }
    }

    /** Detection rate inside the planted patch and changed share outside it, from the written classes. */
    private static String check(Raster classes, int size, int p0, int p1) throws java.io.IOException {
        long inside = 0, detected = 0, outside = 0, alarms = 0;
        int rows = 512;
        for (int y = 0; y < size; y += rows) {
            int h = Math.min(rows, size - y);
            byte[] cls = classes.read(0, new Region(0, y, size, h)).bytes();
            for (int i = 0; i < cls.length; i++) {
                int v = cls[i] & 0xFF, col = i % size, row = y + i / size;
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
        return String.format(Locale.ROOT, ",\"detection\":%.4f,\"changed_outside\":%.5f", detected / (double) inside,
                alarms / (double) outside);
    }

    private static long cpuNanos(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
