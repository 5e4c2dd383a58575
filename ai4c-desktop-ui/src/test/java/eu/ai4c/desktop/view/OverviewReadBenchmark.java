package eu.ai4c.desktop.view;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Time and heap of a quick-look overview (2048 px) of a full Sentinel-2 10 m band (10980², uint16,
 * tiled DEFLATE GeoTIFF written by the kit), next to gdal_translate -outsize doing the same job.
 * Run: {@code java -cp … eu.ai4c.desktop.view.OverviewReadBenchmark [folder]}; prints one JSON line.
 */
public final class OverviewReadBenchmark {
    public static void main(String[] args) throws Exception {
        int n = 10980;
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        Path file = dir.resolve("band10980.tif");
        if (!Files.exists(file)) {
            Raster r = new Raster() {
                public int width() { return n; }
                public int height() { return n; }
                public List<Band> bands() { return List.of(Band.of("B4", DataType.UINT16, 0)); }
                public GeoCoding geoCoding() { return null; }
                public Block read(int band, Region reg) {
                    short[] v = new short[(int) reg.area()];
                    for (int i = 0; i < v.length; i++) {
                        int x = reg.x() + i % reg.width(), y = reg.y() + i / reg.width();
                        v[i] = (short) (1000 + 500 * Math.sin(x / 97.0) * Math.cos(y / 131.0) + (x * 31 + y * 17) % 50);
                    }
                    return new Block(reg, DataType.UINT16, v);
                }
            };
            ProductIO.writer("GeoTIFF").write(Product.of("band", r), file, ProcessingContext.defaults());
        }
        System.gc();
        long t0 = System.nanoTime();
        try (QuickLookSource s = QuickLookSource.open(file)) {
            Overview o = s.overview(0);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            long g0 = System.nanoTime();
            new ProcessBuilder("gdal_translate", "-q", "-r", "nearest", "-outsize", String.valueOf(o.width()),
                    String.valueOf(o.height()), file.toString(), dir.resolve("gdal.tif").toString()).inheritIO().start().waitFor();
            long gms = (System.nanoTime() - g0) / 1_000_000;
            System.out.printf("{\"bench\":\"overview-10980\",\"overview\":\"%dx%d\",\"ai4c_ms\":%d,\"gdal_ms\":%d,\"heap_used_mb\":%d}%n",
                    o.width(), o.height(), ms, gms, used);
        }
    }
}
