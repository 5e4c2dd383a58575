package eu.ai4c.agri.unet.synthetic;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
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
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic labelled Sentinel-2 tiles for the U-Net (tests, demo, benchmark): four bands B2, B3,
 * B4, B8 (reflectance × 10000, uint16, no-data 0) on a 10 m UTM 32N grid, and labels
 * {@value #FIELDS} cultivated fields (rectangular parcels, vegetation spectrum, each parcel its
 * own vigour and a row texture), {@value #ROADS} roads (straight 3–4 px lines, bright in the
 * visible, dark in the near infrared), {@value #WATER} water (round ponds, dark, darkest in the
 * near infrared), 0 background (bare soil / grass with speckle). Spectra follow the typical
 * shapes of those covers; noise makes single pixels ambiguous near class edges. Deterministic
 * for a seed. Stateless.
 */
public final class SyntheticLandscape {
    public static final int FIELDS = 1;
    public static final int ROADS = 2;
    public static final int WATER = 3;
    public static final List<String> BANDS = List.of("B2", "B3", "B4", "B8");
    /** The classes' names as {@code unet --class_names} takes them. */
    public static final String CLASS_NAMES = FIELDS + "=fields," + ROADS + "=roads," + WATER + "=water";

    /** Mean reflectance × 10000 of each class (rows 0–3) in B2, B3, B4, B8. */
    private static final int[][] SPECTRA = {
            {900, 1200, 1500, 2400},   // background: bare soil / dry grass
            {400, 800, 500, 3800},     // fields: green vegetation
            {1700, 1800, 1900, 2000},  // roads: asphalt / gravel
            {600, 550, 350, 150}};     // water

    private SyntheticLandscape() {
    }

    /** An image tile and its labels: uint16 {@code [band][y·w+x]} and uint8 {@code [y·w+x]}. */
    public record Scene(int width, int height, short[][] bands, byte[] labels) {
    }

    /** Draws a scene of {@code width × height} px. */
    public static Scene draw(int width, int height, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] labels = new byte[width * height];
        float[] vigour = new float[width * height];
        java.util.Arrays.fill(vigour, 1f);
        // parcels of 12–40 px, about half cultivated
        for (int y = 0; y < height; ) {
            int ph = 12 + rng.nextInt(29);
            for (int x = 0; x < width; ) {
                int pw = 12 + rng.nextInt(29);
                if (rng.nextDouble() < 0.5) {
                    float v = 0.75f + 0.5f * (float) rng.nextDouble();
                    boolean rowsAlongX = rng.nextBoolean();
                    for (int yy = y + 1; yy < Math.min(height, y + ph - 1); yy++) {
                        for (int xx = x + 1; xx < Math.min(width, x + pw - 1); xx++) {
                            labels[yy * width + xx] = FIELDS;
                            // crop rows: every third line a little weaker
                            vigour[yy * width + xx] = v * ((rowsAlongX ? yy : xx) % 3 == 0 ? 0.85f : 1f);
                        }
                    }
                }
                x += pw;
            }
            y += ph;
        }
        // ponds
        int ponds = 1 + rng.nextInt(2 + width * height / 20000);
        for (int i = 0; i < ponds; i++) {
            int cx = rng.nextInt(width);
            int cy = rng.nextInt(height);
            int r = 5 + rng.nextInt(12);
            for (int yy = Math.max(0, cy - r); yy < Math.min(height, cy + r + 1); yy++) {
                for (int xx = Math.max(0, cx - r); xx < Math.min(width, cx + r + 1); xx++) {
                    if ((xx - cx) * (xx - cx) + (yy - cy) * (yy - cy) <= r * r) labels[yy * width + xx] = WATER;
                }
            }
        }
        // roads across the tile, over everything else
        int roads = 1 + rng.nextInt(2 + (width + height) / 256);
        for (int i = 0; i < roads; i++) {
            boolean horizontal = rng.nextBoolean();
            int at = rng.nextInt(horizontal ? height : width);
            int thickness = 3 + rng.nextInt(2);
            int along = horizontal ? width : height;
            for (int a = 0; a < along; a++) {
                for (int t = 0; t < thickness; t++) {
                    int x = horizontal ? a : at + t;
                    int y = horizontal ? at + t : a;
                    if (x < width && y < height) labels[y * width + x] = ROADS;
                }
            }
        }
        short[][] bands = new short[BANDS.size()][width * height];
        for (int p = 0; p < labels.length; p++) {
            int c = labels[p];
            float v = c == FIELDS ? vigour[p] : 1f;
            for (int b = 0; b < bands.length; b++) {
                double mean = SPECTRA[c][b];
                // vegetation vigour raises NIR and lowers red
                if (c == FIELDS) mean = b == 3 ? mean * v : b == 2 ? mean / v : mean;
                double value = mean * (1 + 0.06 * rng.nextGaussian()) + 60 * rng.nextGaussian();
                bands[b][p] = (short) Math.max(1, Math.min(10000, Math.round(value)));
            }
        }
        return new Scene(width, height, bands, labels);
    }

    /** Writes {@code images/NAME.tif} and {@code labels/NAME.tif} of a drawn scene into {@code root}. */
    public static void write(Path root, String name, Scene s) throws IOException {
        MapGeoCoding grid = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499980, 5200020, 10, 10);
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(1);
        Block[] blocks = new Block[s.bands().length];
        Band[] bandList = new Band[s.bands().length];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = new Block(Region.of(s.width(), s.height()), DataType.UINT16, s.bands()[b]);
            bandList[b] = Band.of(BANDS.get(b), DataType.UINT16, 0);
        }
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("labels"));
        GeoTiffWriteOptions options = GeoTiffWriteOptions.defaults().withTileSize(256);
        new GeoTiffWriter().write(Product.of(name, new MemoryRaster(List.of(bandList), blocks, grid)),
                root.resolve("images").resolve(name + ".tif"), options, ctx);
        MemoryRaster labels = new MemoryRaster(List.of(Band.of("label", DataType.BYTE)),
                new Block[] {new Block(Region.of(s.width(), s.height()), DataType.BYTE, s.labels())}, grid);
        new GeoTiffWriter().write(Product.of(name + "_labels", labels), root.resolve("labels").resolve(name + ".tif"),
                options, ctx);
    }
}
