package eu.ai4c.kit.synthetic;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic optical scene computed on demand: agricultural parcels (a jittered grid of fields,
 * each with its own reflectance per band), a river with water reflectance, a smooth illumination
 * gradient and a little sensor noise, as uint16 digital numbers (reflectance × 10000) on a UTM
 * grid. Any size, no memory beyond the tiles asked for, and the same value for a pixel whatever
 * the tiling, so it serves as demo data and as benchmark input.
 *
 * <h2>Thread-safety</h2>
 * Immutable and thread-safe.
 */
public final class FieldScene implements Raster {
    /** Typical reflectances × 10000 of the four 10 m Sentinel-2 bands (B2, B3, B4, B8) for soil/crop/water. */
    private static final int[][] CLASS_DN = {
        {900, 1100, 1300, 2200},   // bare soil
        {400, 700, 400, 3800},     // green crop
        {600, 900, 900, 2800},     // senescent crop
        {700, 800, 600, 250},      // water
    };
    private static final String[] NAMES = {"B2", "B3", "B4", "B8"};
    private static final int FIELD = 48;

    private final int width;
    private final int height;
    private final int bands;
    private final MapGeoCoding geoCoding;
    private final List<Band> bandList;

    /**
     * @param width      pixels
     * @param height     pixels
     * @param bands      1 to 4 (B2, B3, B4, B8)
     * @param geoCoding  the map grid
     */
    public FieldScene(int width, int height, int bands, MapGeoCoding geoCoding) {
        if (bands < 1 || bands > 4) throw new IllegalArgumentException("1 to 4 bands, got " + bands);
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.geoCoding = geoCoding;
        List<Band> list = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            list.add(Band.of(NAMES[b], DataType.UINT16, 0).withUnit("reflectance x 10000"));
        }
        this.bandList = List.copyOf(list);
    }

    /** A scene on WGS 84 / UTM 33N at 10 m with its upper-left corner near Rome (12.3°E, 42.0°N). */
    public static FieldScene nearRome(int width, int height, int bands) {
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 276000, 4652000, 10, 10);
        return new FieldScene(width, height, bands, gc);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public List<Band> bands() {
        return bandList;
    }

    @Override
    public MapGeoCoding geoCoding() {
        return geoCoding;
    }

    @Override
    public Block read(int band, Region r) {
        Block block = Block.allocate(DataType.UINT16, r);
        short[] out = block.shorts();
        for (int row = 0; row < r.height(); row++) {
            int y = r.y() + row;
            // the river: a sine wave across the scene, 12 pixels wide
            double riverX = width * 0.5 + width * 0.2 * Math.sin(y * 2 * Math.PI / Math.max(1, height));
            double light = 0.9 + 0.2 * y / Math.max(1, height);
            int o = row * r.width();
            for (int col = 0; col < r.width(); col++) {
                int x = r.x() + col;
                int cls;
                if (Math.abs(x - riverX) < 6) {
                    cls = 3;
                } else {
                    int fx = Math.floorDiv(x + jitter(y / FIELD, 7), FIELD), fy = Math.floorDiv(y + jitter(x / FIELD, 13), FIELD);
                    cls = Math.floorMod(hash(fx, fy), 3);
                }
                int noise = Math.floorMod(hash(x * 31 + band, y), 61) - 30;
                int dn = (int) (CLASS_DN[cls][band] * light) + noise;
                out[o + col] = (short) Math.max(1, Math.min(65535, dn));
            }
        }
        return block;
    }

    private static int jitter(int i, int salt) {
        return Math.floorMod(hash(i, salt), FIELD / 2);
    }

    /** A small integer hash (splitmix-style), the same on every platform. */
    private static int hash(int a, int b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return (int) h;
    }
}
