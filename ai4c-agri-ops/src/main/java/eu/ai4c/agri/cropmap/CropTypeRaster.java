package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The crop-type map computed block-wise from monthly composites (specification section 3.2.5):
 * one uint8 band {@code crop_type} with the model's class ids and {@link CropTypeLegend#NO_DATA}
 * (255) where no class was computed. A pixel is classified when the crop mask (if any) is 0 there
 * and no composite holds its band's no-data value at that pixel in any band; otherwise it is 255.
 * Strips without a pixel to classify are not read from the composites at all.
 * Composites without a declared no-data value have no no-data pixels.
 *
 * <p>A requested region is processed in row strips of at most {@value #STRIP_SAMPLES} composite
 * samples, so memory per call is bounded whatever the region size. The pixels to classify in a
 * strip are gathered into series {@code [n, months, bands]} (raw reflectances as float) in batches
 * of {@code batchSize}, and each batch goes to the model at once.</p>
 *
 * <h2>Thread-safety</h2>
 * {@link #read} may run on many threads: each thread has its own batch buffers and borrows its own
 * model instance from the {@link ClassifierPool}.
 */
final class CropTypeRaster implements Raster {
    /** Largest number of composite samples (pixels × months × bands) read at once per call. */
    static final int STRIP_SAMPLES = 1 << 21;

    private final Raster[] months;
    private final Raster mask;
    private final ClassifierPool classifier;
    private final int batchSize;
    private final int bands;
    private final List<Band> outBands = List.of(Band.of("crop_type", DataType.BYTE, CropTypeLegend.NO_DATA)
            .withDescription("crop type (TimeSen2Crop class id), 255 not classified"));
    private final ThreadLocal<SeriesBatch> buffers;

    /** Per-thread work arrays, reused across calls. */
    private static final class SeriesBatch {
        final float[] series;
        final int[] pixel;
        final int[] labels;

        SeriesBatch(int batchSize, int seriesLength) {
            series = new float[batchSize * seriesLength];
            pixel = new int[batchSize];
            labels = new int[batchSize];
        }
    }

    /**
     * @param months     the composites, oldest first, on one grid with the model's band count
     * @param mask       crop mask on the same grid (band 0; 0 = classify), or null to classify every pixel
     * @param classifier the model instances
     * @param batchSize  series per model call
     */
    CropTypeRaster(Raster[] months, Raster mask, ClassifierPool classifier, int batchSize) {
        this.months = months.clone();
        this.mask = mask;
        this.classifier = classifier;
        this.batchSize = batchSize;
        this.bands = classifier.bands();
        int length = months.length * bands;
        this.buffers = ThreadLocal.withInitial(() -> new SeriesBatch(batchSize, length));
    }

    @Override
    public int width() {
        return months[0].width();
    }

    @Override
    public int height() {
        return months[0].height();
    }

    @Override
    public List<Band> bands() {
        return outBands;
    }

    @Override
    public GeoCoding geoCoding() {
        return months[0].geoCoding();
    }

    @Override
    public int[] preferredTileSize() {
        return months[0].preferredTileSize();
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        byte[] out = new byte[Math.toIntExact(region.area())];
        Arrays.fill(out, (byte) CropTypeLegend.NO_DATA);
        int perRow = Math.max(1, region.width() * months.length * bands);
        int stripRows = Math.max(1, Math.min(region.height(), STRIP_SAMPLES / perRow));
        SeriesBatch batch = buffers.get();
        for (int y = region.y(); y < region.maxY(); y += stripRows) {
            Region strip = new Region(region.x(), y, region.width(), Math.min(stripRows, region.maxY() - y));
            classifyStrip(strip, batch, out, (y - region.y()) * region.width());
        }
        return new Block(region, DataType.BYTE, out);
    }

    private void classifyStrip(Region strip, SeriesBatch batch, byte[] out, int outOffset) throws IOException {
        int area = Math.toIntExact(strip.area());
        byte[] classify = maskFlags(strip, area);
        if (mask != null && allZero(classify)) return; // nothing to classify: the composites are not read at all
        Object[] samples = new Object[months.length * bands]; // short[] (uint16, the composites' type) or float[]
        for (int t = 0; t < months.length; t++) {
            for (int b = 0; b < bands; b++) {
                Block block = months[t].read(b, strip);
                Band desc = months[t].bands().get(b);
                samples[t * bands + b] = block.type() == DataType.UINT16 ? block.shorts() : block.toFloats();
                if (desc.hasNoData()) clearNoData(block, desc, classify);
            }
        }
        int n = 0;
        for (int p = 0; p < area; p++) {
            if (classify[p] == 0) continue;
            batch.pixel[n++] = p;
            if (n == batchSize) {
                classifyBatch(samples, batch, n, out, outOffset);
                n = 0;
            }
        }
        if (n > 0) classifyBatch(samples, batch, n, out, outOffset);
    }

    /** 1 where the pixel is to be classified: crop mask 0 (or no mask). */
    private byte[] maskFlags(Region strip, int area) throws IOException {
        byte[] flags = new byte[area];
        if (mask == null) {
            Arrays.fill(flags, (byte) 1);
            return flags;
        }
        Block m = mask.read(0, strip);
        switch (m.type()) {
            case BYTE -> {
                byte[] a = m.bytes();
                for (int i = 0; i < area; i++) flags[i] = (byte) (a[i] == 0 ? 1 : 0);
            }
            case INT16, UINT16 -> {
                short[] a = m.shorts();
                for (int i = 0; i < area; i++) flags[i] = (byte) (a[i] == 0 ? 1 : 0);
            }
            default -> {
                float[] a = m.toFloats();
                for (int i = 0; i < area; i++) flags[i] = (byte) (a[i] == 0f ? 1 : 0);
            }
        }
        return flags;
    }

    private static boolean allZero(byte[] flags) {
        for (byte f : flags) if (f != 0) return false;
        return true;
    }

    private static void clearNoData(Block block, Band desc, byte[] classify) {
        int n = classify.length;
        switch (block.type()) {
            case UINT16, INT16 -> {
                short nd = (short) (long) desc.noData();
                short[] a = block.shorts();
                for (int i = 0; i < n; i++) if (a[i] == nd) classify[i] = 0;
            }
            default -> {
                for (int i = 0; i < n; i++) if (desc.isNoData(block.getDouble(i))) classify[i] = 0;
            }
        }
    }

    /** Gathers the series of {@code n} pixels (time-major within a series), classifies them and stores the labels. */
    private void classifyBatch(Object[] samples, SeriesBatch batch, int n, byte[] out, int outOffset) {
        int length = samples.length;
        float[] x = batch.series;
        int[] pixel = batch.pixel;
        for (int k = 0; k < length; k++) {
            if (samples[k] instanceof short[] s) {
                for (int i = 0; i < n; i++) x[i * length + k] = s[pixel[i]] & 0xFFFF;
            } else {
                float[] f = (float[]) samples[k];
                for (int i = 0; i < n; i++) x[i * length + k] = f[pixel[i]];
            }
        }
        int[] labels = batch.labels;
        classifier.classify(x, n, labels);
        int classes = classifier.classes();
        for (int i = 0; i < n; i++) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new Ai4cException("tile_classifier: the model returned class " + c + " outside 0…"
                        + (classes - 1) + "; the model file is inconsistent, re-export it.");
            }
            out[outOffset + pixel[i]] = (byte) c;
        }
    }
}
