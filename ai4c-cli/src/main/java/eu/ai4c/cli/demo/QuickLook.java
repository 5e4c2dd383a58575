package eu.ai4c.cli.demo;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.render.ArgbKernels;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.render.Stretch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders one band of a {@link Raster} as a PNG quick-look: the band is decimated (nearest
 * sample, every {@code step}-th pixel) to at most {@code maxSize} pixels on its long side, stretched
 * linearly between its 2nd and 98th percentiles and coloured with a {@link ColourRamp}; no-data
 * and NaN samples are transparent. The stretch, ramps and colouring are the kit's
 * ({@code kit.render}), the same the desktop's quick-look viewer uses. Complex bands show their magnitude. Stateless.
 */
public final class QuickLook {
    /** Chunk read at once: bounded memory whatever the raster size. */
    private static final int CHUNK_W = 2048, CHUNK_H = 512;

    private QuickLook() {
    }

    /** Writes the quick-look of {@code band} to {@code png} (atomically) and returns the path. */
    public static Path write(Raster raster, int band, Path png, ColourRamp ramp, int maxSize) throws IOException {
        BufferedImage img = render(raster, band, ramp, maxSize);
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(png);
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IllegalStateException("No PNG writer in ImageIO");
            out.commit();
        }
        return png;
    }

    /** The quick-look image (ARGB). */
    public static BufferedImage render(Raster raster, int band, ColourRamp ramp, int maxSize) throws IOException {
        if (maxSize < 1) throw new IllegalArgumentException("maxSize must be ≥ 1, got " + maxSize);
        checkBand(raster, band);
        int step = Math.max(1, (Math.max(raster.width(), raster.height()) + maxSize - 1) / maxSize);
        int ow = (raster.width() + step - 1) / step, oh = (raster.height() + step - 1) / step;
        float[] samples = sample(raster, band, step, ow, oh);
        Stretch stretch = Stretch.ofSamples(samples, 0.02, 0.98);
        int[] argb = new int[samples.length];
        ArgbKernels.ramp(samples, stretch, ramp.table(), argb); // no-data (NaN) transparent
        BufferedImage img = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, ow, oh, argb, 0, ow);
        return img;
    }

    /** Every {@code step}-th sample of the band, row-major {@code ow × oh}, NaN for no-data. */
    static float[] sample(Raster raster, int band, int step, int ow, int oh) throws IOException {
        Band b = raster.bands().get(band);
        boolean hasNoData = b.hasNoData();
        float noData = (float) b.noData();
        float[] out = new float[ow * oh];
        for (int cy = 0; cy < raster.height(); cy += CHUNK_H) {
            int ch = Math.min(CHUNK_H, raster.height() - cy);
            int y0 = (cy + step - 1) / step * step; // first sampled row in the chunk
            if (y0 >= cy + ch) continue;
            for (int cx = 0; cx < raster.width(); cx += CHUNK_W) {
                int cw = Math.min(CHUNK_W, raster.width() - cx);
                int x0 = (cx + step - 1) / step * step;
                if (x0 >= cx + cw) continue;
                // read only the rows and columns that hold samples
                Region r = new Region(x0, y0, cx + cw - x0, cy + ch - y0);
                float[] v = raster.read(band, r).toFloats();
                copySamples(v, r, step, hasNoData, noData, out, ow);
            }
        }
        return out;
    }

    private static void copySamples(float[] v, Region r, int step, boolean hasNoData, float noData,
                                    float[] out, int ow) {
        for (int y = 0; y < r.height(); y += step) {
            int o = (r.y() + y) / step * ow + r.x() / step;
            int s = y * r.width();
            for (int x = 0; x < r.width(); x += step, o++) {
                float f = v[s + x];
                out[o] = hasNoData && f == noData ? Float.NaN : f;
            }
        }
    }

    /** Fails early, naming the index, when the band does not exist. */
    static void checkBand(Raster raster, int band) {
        if (band < 0 || band >= raster.bands().size()) {
            throw new Ai4cException("Quick-look: band index " + band + " out of range 0.." + (raster.bands().size() - 1));
        }
    }
}
