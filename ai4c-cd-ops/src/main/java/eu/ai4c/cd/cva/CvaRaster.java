package eu.ai4c.cd.cva;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.List;

/**
 * The lazily computed outputs of {@code S2-CD} for any region, from the two reflectance rasters
 * and a {@link CvaModel}. Two views: {@link #classes} — one uint8 band {@code change_class}
 * (0 no change, 1…N classes by increasing mean magnitude, 255 no-data) — and {@link #vector} —
 * float32 bands {@code magnitude} (normalised units) and {@code angle} (degrees to the reference
 * vector), NaN no-data. Both vector bands come from one computation: the band not asked for is
 * kept (at most {@link #PENDING_MAX} regions) until it is read, as writers and tile passes read
 * the bands of a region one after the other. Thread-safe.
 */
public final class CvaRaster implements Raster {
    /** Class value of pixels without data in either image. */
    public static final int NO_DATA = 255;
    /** Most regions whose other vector band waits to be read. */
    static final int PENDING_MAX = 16;
    private final Raster image1;
    private final Raster image2;
    private final CvaModel model;
    private final ChangeVector changeVector;
    private final boolean classView;
    private final List<Band> bands;
    /** (region, band) → samples computed with the other band and not yet read; access-ordered. */
    private final java.util.LinkedHashMap<Pending, float[]> pending = new java.util.LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Pending, float[]> eldest) {
            return size() > PENDING_MAX;
        }
    };

    private record Pending(Region region, int band) {
    }

    private CvaRaster(Raster image1, Raster image2, CvaModel model, boolean classView) {
        this.image1 = image1;
        this.image2 = image2;
        this.model = model;
        this.changeVector = model.changeVector();
        this.classView = classView;
        this.bands = classView
                ? List.of(Band.of("change_class", DataType.BYTE, NO_DATA).withDescription(
                        "0 no change, 1.." + (model.classes() == null ? 0 : model.classes().classCount())
                                + " change classes by increasing magnitude, 255 no-data"))
                : List.of(Band.of("magnitude", DataType.FLOAT32, Double.NaN).withDescription(
                                "change vector magnitude in units of the per-band difference std"),
                        Band.of("angle", DataType.FLOAT32, Double.NaN).withUnit("deg").withDescription(
                                "angle between the change vector and the reference vector"));
    }

    /** The change-class view. */
    public static CvaRaster classes(Raster image1, Raster image2, CvaModel model) {
        return new CvaRaster(image1, image2, model, true);
    }

    /** The magnitude/angle view. */
    public static CvaRaster vector(Raster image1, Raster image2, CvaModel model) {
        return new CvaRaster(image1, image2, model, false);
    }

    public CvaModel model() {
        return model;
    }

    /** The first-date reflectance raster (pre-processed) this view is computed from. */
    Raster image1() {
        return image1;
    }

    /** The second-date reflectance raster (pre-processed, same grid) this view is computed from. */
    Raster image2() {
        return image2;
    }

    @Override
    public int width() {
        return image1.width();
    }

    @Override
    public int height() {
        return image1.height();
    }

    @Override
    public List<Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return image1.geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return image1.preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        if (!classView) {
            synchronized (pending) {
                float[] ready = pending.remove(new Pending(region, band));
                if (ready != null) return new Block(region, DataType.FLOAT32, ready);
            }
        }
        int nb = changeVector.bandCount(), n = Math.toIntExact(region.area());
        float[][] x1 = new float[nb][], x2 = new float[nb][];
        for (int b = 0; b < nb; b++) {
            x1[b] = image1.read(b, region).toFloats();
            x2[b] = image2.read(b, region).toFloats();
        }
        float[] mag = new float[n], ang = new float[n];
        changeVector.compute(x1, x2, n, mag, ang);
        if (!classView) {
            synchronized (pending) {
                pending.put(new Pending(region, 1 - band), band == 0 ? ang : mag);
            }
            return new Block(region, DataType.FLOAT32, band == 0 ? mag : ang);
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = (byte) model.classOf(mag[i], ang[i]);
        return new Block(region, DataType.BYTE, out);
    }
}
