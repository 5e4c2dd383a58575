package eu.ai4c.s2.safe;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.util.Objects;

/**
 * One image of a Sentinel-2 product on its own grid — a spectral band's digital numbers, the
 * scene classification, a cloud mask — opened lazily on first use (opening decodes nothing but
 * reading the first window may, see {@link eu.ai4c.s2.jp2.Jp2Rasters}).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe; the raster is opened once.
 */
public final class BandImage {

    /** Opens the raster of an image. */
    @FunctionalInterface
    public interface Opener {
        Raster open() throws IOException;
    }

    private final String name;
    private final double resolution;
    private final MapGeoCoding grid;
    private final int width;
    private final int height;
    private final String location;
    private final Opener opener;
    private volatile Raster raster;

    /**
     * @param name       e.g. {@code B2}, {@code SCL}, {@code MSK_CLASSI}
     * @param resolution nominal pixel size in metres
     * @param grid       the image's map grid
     * @param width      columns
     * @param height     rows
     * @param location   the file (for messages)
     * @param opener     opens the raster when first needed
     */
    public BandImage(String name, double resolution, MapGeoCoding grid, int width, int height, String location,
                     Opener opener) {
        this.name = Objects.requireNonNull(name);
        this.resolution = resolution;
        this.grid = Objects.requireNonNull(grid);
        this.width = width;
        this.height = height;
        this.location = location;
        this.opener = opener;
    }

    public String name() {
        return name;
    }

    /** Nominal pixel size in metres (10, 20, 60 for SAFE products). */
    public double resolution() {
        return resolution;
    }

    public MapGeoCoding grid() {
        return grid;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The file, for messages. */
    public String location() {
        return location;
    }

    /** The raster (opened on first call); its size may differ from the metadata's only if the product is damaged. */
    public Raster raster() throws IOException {
        Raster r = raster;
        if (r != null) return r;
        synchronized (this) {
            if (raster == null) {
                Raster opened = opener.open();
                if (opened.width() != width || opened.height() != height) {
                    throw new eu.ai4c.kit.Ai4cException(location + " is " + opened.width() + "x" + opened.height()
                            + " pixels but the tile metadata says " + width + "x" + height + " at " + resolution
                            + " m; the product is damaged.");
                }
                raster = opened;
            }
            return raster;
        }
    }

    @Override
    public String toString() {
        return name + "@" + resolution + "m " + width + "x" + height + " (" + location + ")";
    }
}
