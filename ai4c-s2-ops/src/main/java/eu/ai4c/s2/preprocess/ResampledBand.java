package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.warp.ResampleKernels;
import eu.ai4c.kit.warp.SourceWindow;
import eu.ai4c.s2.safe.BandImage;
import eu.ai4c.s2.safe.Radiometry;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One Sentinel-2 band as reflectance on a target grid of the same CRS (the S2Resampling step):
 * the native DNs of the needed window are converted to reflectance ({@link Radiometry}), then
 * downsampled by {@link Aggregation} when the target is coarser, or upsampled with the kit's
 * {@link ResampleKernels} at the target pixel centres otherwise; identical grids are copied.
 * Float32, NaN for no-data and outside the band's grid.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (stateless reads; the source image is thread-safe).
 */
public final class ResampledBand implements Raster {
    /** Source pixels around the window needed by the widest kernel (bicubic 4×4). */
    private static final int HALO = 2;

    private final BandImage image;
    private final double offset;
    private final double quantification;
    private final int noData;
    private final MapGeoCoding target;
    private final int width;
    private final int height;
    private final Upsampling upsampling;
    private final Downsampling downsampling;
    private final GridMapping mapping;
    private final List<Band> bands;

    /**
     * @param image          the native band image (DNs)
     * @param offset         DN offset to add (see {@link eu.ai4c.s2.safe.S2Product#offset})
     * @param quantification DN per unit reflectance
     * @param noData         NODATA DN
     * @param target         target grid, same CRS as the image, north-up
     */
    public ResampledBand(BandImage image, double offset, double quantification, int noData, MapGeoCoding target,
                         int width, int height, Upsampling upsampling, Downsampling downsampling) {
        this.image = image;
        this.offset = offset;
        this.quantification = quantification;
        this.noData = noData;
        this.target = target;
        this.width = width;
        this.height = height;
        this.upsampling = upsampling;
        this.downsampling = downsampling;
        this.mapping = GridMapping.between(target, image.grid());
        this.bands = List.of(Band.of(image.name(), DataType.FLOAT32, Double.NaN).withUnit("reflectance"));
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
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return target;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int tw = region.width(), th = region.height();
        float[] out = new float[tw * th];
        boolean down = mapping.downsampling();
        boolean same = mapping.identity();
        Region win = mapping.sourceWindow(region, down || same ? 0 : HALO, image.width(), image.height());
        if (win.isEmpty()) {
            Arrays.fill(out, Float.NaN);
            return new Block(region, DataType.FLOAT32, out);
        }
        float[] refl = reflectance(win);
        double u0 = mapping.u0() + region.x() * mapping.sx(), v0 = mapping.v0() + region.y() * mapping.sy();
        if (same) {
            copy(refl, win, (int) Math.rint(u0), (int) Math.rint(v0), out, tw, th);
        } else if (down) {
            // geometry relative to the window; isotropic ratio (square pixels on both grids)
            Aggregation.downsample(refl, win.width(), win.height(), u0 - win.x(), v0 - win.y(), mapping.sx(),
                    out, tw, th, downsampling);
        } else {
            upsample(refl, win, u0, v0, out, tw, th);
        }
        return new Block(region, DataType.FLOAT32, out);
    }

    private float[] reflectance(Region win) throws IOException {
        Block dn = image.raster().read(0, win);
        int n = Math.toIntExact(win.area());
        float[] refl = new float[n];
        if (dn.type() == DataType.UINT16) {
            Radiometry.toReflectance(dn.shorts(), refl, n, offset, quantification, noData);
        } else {
            Radiometry.toReflectance(dn.toFloats(), refl, n, offset, quantification, noData);
        }
        return refl;
    }

    private static void copy(float[] refl, Region win, int sx0, int sy0, float[] out, int tw, int th) {
        Arrays.fill(out, Float.NaN);
        for (int j = 0; j < th; j++) {
            int sy = sy0 + j - win.y();
            if (sy < 0 || sy >= win.height()) continue;
            int i0 = Math.max(0, win.x() - sx0), i1 = Math.min(tw, win.maxX() - sx0);
            if (i1 > i0) System.arraycopy(refl, sy * win.width() + sx0 + i0 - win.x(), out, j * tw + i0, i1 - i0);
        }
    }

    private void upsample(float[] refl, Region win, double u0, double v0, float[] out, int tw, int th) {
        int n = tw * th;
        double[] values = new double[refl.length];
        boolean invalid = false;
        for (int i = 0; i < refl.length; i++) {
            values[i] = refl[i];
            invalid |= Float.isNaN(refl[i]);
        }
        SourceWindow src = new SourceWindow(values, win.x(), win.y(), win.width(), win.height(), image.width(),
                image.height(), invalid);
        double[] sx = new double[n], sy = new double[n], res = new double[n];
        for (int j = 0; j < th; j++) {
            double y = v0 + (j + 0.5) * mapping.sy();
            for (int i = 0; i < tw; i++) {
                sx[j * tw + i] = u0 + (i + 0.5) * mapping.sx();
                sy[j * tw + i] = y;
            }
        }
        ResampleKernels.resample(upsampling.kernel(), src, sx, sy, n, res);
        for (int i = 0; i < n; i++) out[i] = (float) res[i];
    }
}
