package eu.ai4c.s1.grd;

import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.noise.BorderNoise;
import eu.ai4c.s1.noise.NoisePowerLut;
import java.io.IOException;

/**
 * The GRD border-noise extents of one image, found lazily: per block of {@value #BLOCK} lines the
 * near and far range strips ({@code borderLimit} samples wide) are read, thermal-noise corrected
 * and scanned inward ({@link BorderNoise#leadingTrim}); per block of columns the same for the first
 * and last {@code borderLimit} lines. So an area of interest in the middle of the scene reads
 * nothing extra, and a full scene reads only the four edge strips once.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: each block is computed once under its own lock.
 */
final class BorderTrims implements eu.ai4c.s1.radiometry.RadiometricRaster.BorderMask {
    static final int BLOCK = 512;

    private final Raster dn;
    private final int band;
    private final NoisePowerLut noise;
    private final int limitX;
    private final int limitY;
    private final double threshold;
    private final int width;
    private final int height;
    private final int[] near;
    private final int[] far;
    private final int[] top;
    private final int[] bottom;
    private final Object[] lineLocks;
    private final Object[] columnLocks;
    private final boolean[] linesDone;
    private final boolean[] columnsDone;

    /**
     * @param dn        the DN raster (uint16 amplitude)
     * @param band      band index in {@code dn}
     * @param noise     noise power LUT, or null when noise removal is off (the scan then uses |DN|²)
     * @param limit     SNAP's {@code borderLimit}, samples
     * @param threshold SNAP's {@code trimThreshold}, in |DN|² units
     */
    BorderTrims(Raster dn, int band, NoisePowerLut noise, int limit, double threshold) {
        this.dn = dn;
        this.band = band;
        this.noise = noise;
        this.width = dn.width();
        this.height = dn.height();
        this.limitX = Math.min(limit, width);
        this.limitY = Math.min(limit, height);
        this.threshold = threshold;
        this.near = new int[height];
        this.far = new int[height];
        this.top = new int[width];
        this.bottom = new int[width];
        int lb = (height + BLOCK - 1) / BLOCK, cb = (width + BLOCK - 1) / BLOCK;
        this.lineLocks = locks(lb);
        this.columnLocks = locks(cb);
        this.linesDone = new boolean[lb];
        this.columnsDone = new boolean[cb];
    }

    private static Object[] locks(int n) {
        Object[] l = new Object[n];
        for (int i = 0; i < n; i++) l[i] = new Object();
        return l;
    }

    /** Sets the border noise of a tile (image position x0, y0) to {@code fill}. */
    @Override
    public void apply(float[] tile, Region r, float fill) throws IOException {
        if (limitX == 0 || limitY == 0) return;
        boolean touchesNear = r.x() < limitX, touchesFar = r.maxX() > width - limitX;
        boolean touchesTop = r.y() < limitY, touchesBottom = r.maxY() > height - limitY;
        if (!(touchesNear || touchesFar || touchesTop || touchesBottom)) return;
        for (int b = r.y() / BLOCK; b <= (r.maxY() - 1) / BLOCK; b++) ensureLines(b);
        for (int b = r.x() / BLOCK; b <= (r.maxX() - 1) / BLOCK; b++) ensureColumns(b);
        BorderNoise.apply(tile, r.x(), r.y(), r.width(), r.height(), width, height, near, far, top, bottom, fill);
    }

    private void ensureLines(int block) throws IOException {
        synchronized (lineLocks[block]) {
            if (linesDone[block]) return;
            int y0 = block * BLOCK, h = Math.min(BLOCK, height - y0);
            int[] out = new int[h];
            float[] strip = intensity(new Region(0, y0, limitX, h));
            BorderNoise.leadingTrim(strip, 0, limitX, 1, limitX, h, threshold, out);
            System.arraycopy(out, 0, near, y0, h);
            strip = intensity(new Region(width - limitX, y0, limitX, h));
            BorderNoise.leadingTrim(strip, limitX - 1, limitX, -1, limitX, h, threshold, out);
            System.arraycopy(out, 0, far, y0, h);
            linesDone[block] = true;
        }
    }

    private void ensureColumns(int block) throws IOException {
        synchronized (columnLocks[block]) {
            if (columnsDone[block]) return;
            int x0 = block * BLOCK, w = Math.min(BLOCK, width - x0);
            int[] out = new int[w];
            float[] strip = intensity(new Region(x0, 0, w, limitY));
            BorderNoise.leadingTrim(strip, 0, 1, w, limitY, w, threshold, out);
            System.arraycopy(out, 0, top, x0, w);
            strip = intensity(new Region(x0, height - limitY, w, limitY));
            BorderNoise.leadingTrim(strip, (limitY - 1) * w, 1, -w, limitY, w, threshold, out);
            System.arraycopy(out, 0, bottom, x0, w);
            columnsDone[block] = true;
        }
    }

    /** max(|DN|² − N, 0) over a strip, row-major. */
    private float[] intensity(Region r) throws IOException {
        Block b = dn.read(band, r);
        int n = Math.toIntExact(r.area());
        short[] d = b.shorts();
        float[] out = new float[n];
        if (noise == null) {
            for (int i = 0; i < n; i++) {
                double v = d[i] & 0xFFFF;
                out[i] = (float) (v * v);
            }
        } else {
            float[] nz = new float[n];
            noise.interpolate(r.x(), r.y(), r.width(), r.height(), nz);
            eu.ai4c.s1.noise.ThermalNoise.denoiseDetected(d, nz, out, n);
        }
        return out;
    }
}
