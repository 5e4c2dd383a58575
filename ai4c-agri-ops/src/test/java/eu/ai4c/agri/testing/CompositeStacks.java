package eu.ai4c.agri.testing;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic monthly composites with planted crop types: each pixel's series is its class's
 * centroid ({@link #centroid}) plus uniform noise of ±{@value #NOISE}, far below the centroid
 * spacing, so a nearest-centroid model recovers the planted class exactly. uint16 GeoTIFFs named
 * {@code <prefix>_MC_YYYY-MM.tif}, September to August, on a 10 m UTM 32N grid; no-data 0.
 */
public final class CompositeStacks {
    /** Largest deviation of a pixel from its class centroid. */
    public static final int NOISE = 40;
    /** The grid of the synthetic tile (upper-left 499980 E, 5200020 N). */
    public static final MapGeoCoding GRID = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46),
            499980, 5200020, 10, 10);

    private CompositeStacks() {
    }

    /** Centroid value of class {@code c} at month {@code t}, band {@code b}. */
    public static int centroid(int c, int t, int b) {
        return 1000 + 400 * c + 30 * t + 7 * b;
    }

    /** Centroids of {@code classes} classes as model rows ({@code months × bands}, time-major). */
    public static float[][] centroids(int classes, int months, int bands) {
        float[][] out = new float[classes][months * bands];
        for (int c = 0; c < classes; c++) {
            for (int t = 0; t < months; t++) {
                for (int b = 0; b < bands; b++) out[c][t * bands + b] = centroid(c, t, b);
            }
        }
        return out;
    }

    /**
     * Writes the composites into {@code folder}.
     *
     * @param classes planted class per pixel (row-major {@code width × height}); -1 writes no-data (0)
     *                in every band of one month (month = pixel index mod months)
     */
    public static List<Path> write(Path folder, String prefix, int width, int height, int months, int bands,
                                   int[] classes, long seed, MapGeoCoding grid) throws IOException {
        return write(folder, prefix, width, height, months, bands, classes, seed, grid, 512);
    }

    /** As {@link #write(Path, String, int, int, int, int, int[], long, MapGeoCoding)} with GeoTIFF tiles of {@code tileSize}. */
    public static List<Path> write(Path folder, String prefix, int width, int height, int months, int bands,
                                   int[] classes, long seed, MapGeoCoding grid, int tileSize) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        List<Path> files = new ArrayList<>();
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(1);
        for (int t = 0; t < months; t++) {
            int year = 2017 + (8 + t) / 12, month = (8 + t) % 12 + 1;
            List<Band> bandList = new ArrayList<>();
            Block[] blocks = new Block[bands];
            for (int b = 0; b < bands; b++) {
                bandList.add(Band.of("B" + (b + 1), DataType.UINT16, 0));
                short[] v = new short[width * height];
                for (int p = 0; p < v.length; p++) {
                    int c = classes[p];
                    if (c < 0) {
                        v[p] = (short) (p % months == t ? 0 : centroid(0, t, b));
                    } else {
                        v[p] = (short) (centroid(c, t, b) + random.nextInt(-NOISE, NOISE + 1));
                    }
                }
                blocks[b] = new Block(Region.of(width, height), DataType.UINT16, v);
            }
            String name = String.format(Locale.ROOT, "%s_MC_%04d-%02d", prefix, year, month);
            Path f = folder.resolve(name + ".tif");
            new GeoTiffWriter().write(Product.of(name, new MemoryRaster(bandList, blocks, grid)), f,
                    GeoTiffWriteOptions.defaults().withTileSize(tileSize), ctx);
            files.add(f);
        }
        return files;
    }

    /** Writes a one-band uint8 GeoTIFF (e.g. a crop mask). */
    public static Path writeByte(Path file, int width, int height, byte[] values, MapGeoCoding grid) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        MemoryRaster r = new MemoryRaster(List.of(Band.of("mask", DataType.BYTE)),
                new Block[] {new Block(Region.of(width, height), DataType.BYTE, values)}, grid);
        return ProductIO.writer("GeoTIFF").write(Product.of("mask", r), file, ProcessingContext.defaults().withThreads(1));
    }
}
