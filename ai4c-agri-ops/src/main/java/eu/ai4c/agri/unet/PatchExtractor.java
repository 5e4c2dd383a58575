package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * {@code -action extract_data}: cuts labelled tiles ({@link LabelledTiles}, layout (a) or SEN12MS) into patches of
 * {@code -patch_size}, normalises them per band and splits them into training and validation
 * sets stratified by class presence.
 *
 * <ul>
 * <li>Checks, before anything is cut: every tile at least {@value #MIN_TILE}×{@value #MIN_TILE};
 * its label tile of the same size and georeferencing, with one integer band of values 0–255;
 * the bands of {@code -bands} present ({@link ImageBands}).</li>
 * <li>Patches: a grid of {@code patch_size} steps from the upper-left corner, plus a last row and
 * column flush with the lower and right edges so every pixel is in a patch.</li>
 * <li>Valid pixels: every selected band holds data (not the band's no-data value, not NaN).
 * Normalisation {@code (x - mean) / std} per band with the mean and standard deviation of all
 * valid pixels of all tiles; invalid pixels become 0 (the mean) and label 0. Patches without a
 * valid pixel are left out.</li>
 * <li>Labels: the label tile's first band; SEN12MS tiles' IGBP ids first go through the
 * simplified scheme when asked ({@link Sen12ms}). The classes of {@code -selected-classes} keep their id, every other label becomes
 * 0 (background); class index {@code k} of the network is id {@code classIds[k]}, index 0 the
 * background.</li>
 * <li>Split: each patch's stratum is its rarest present class (by number of patches holding it;
 * background-only patches form their own stratum); each stratum is shuffled with the seed and
 * {@code round(fraction · n)} of its patches go to validation (at least one of a stratum of two
 * or more when the fraction is positive).</li>
 * </ul>
 * All patches are held in memory ({@code 4 · bands · patch_size²} bytes each). Stateless.
 */
public final class PatchExtractor {
    /** Smallest tile side (px) the specification allows. */
    public static final int MIN_TILE = 64;
    private static final int STRIP = 256;

    /** The extracted sets and their description. */
    public record Extracted(PatchSet train, PatchSet validation, List<String> bandNames, int[] classIds, float[] mean,
                            float[] std, long[][] pixelsPerClass, int tiles, ClassNames classNames) {
        public Extracted {
            classNames = classNames == null ? ClassNames.NONE : classNames.restrictedTo(classIds);
        }

        /** A set whose classes have no names of their own. */
        public Extracted(PatchSet train, PatchSet validation, List<String> bandNames, int[] classIds, float[] mean,
                         float[] std, long[][] pixelsPerClass, int tiles) {
            this(train, validation, bandNames, classIds, mean, std, pixelsPerClass, tiles, ClassNames.NONE);
        }

        /** This set with {@code names} for its classes. */
        public Extracted withClassNames(ClassNames names) {
            return new Extracted(train, validation, bandNames, classIds, mean, std, pixelsPerClass, tiles, names);
        }
    }

    private PatchExtractor() {
    }

    /**
     * @param wantedBands     band names of {@code -bands} (empty: all bands of the tiles)
     * @param selectedClasses label ids kept (1–255)
     * @param valFraction     share of patches for validation, 0 ≤ f < 1
     */
    public static Extracted extract(List<LabelledTiles.Tile> tiles, List<String> wantedBands, int patchSize,
                                    int[] selectedClasses, double valFraction, long seed) throws IOException {
        return extract(tiles, wantedBands, patchSize, selectedClasses, valFraction, seed, false);
    }

    /**
     * As {@link #extract(List, List, int, int[], double, long)}; SEN12MS tiles' IGBP labels are
     * mapped to the simplified 10-class scheme first when {@code simplified} ({@link Sen12ms}).
     * Layout (a) tiles keep their labels.
     */
    public static Extracted extract(List<LabelledTiles.Tile> tiles, List<String> wantedBands, int patchSize,
                                    int[] selectedClasses, double valFraction, long seed, boolean simplified)
            throws IOException {
        int[] classIds = classIds(selectedClasses);
        int[] indexOfLabel = new int[256];
        for (int k = 0; k < classIds.length; k++) indexOfLabel[classIds[k]] = k;
        // pass 1: checks and band statistics over all tiles
        List<String> bandNames = null;
        double[] sum = null;
        double[] sumSq = null;
        long valid = 0;
        for (LabelledTiles.Tile t : tiles) {
            try (Opened o = Opened.of(t, wantedBands, patchSize, simplified)) {
                if (bandNames == null) {
                    bandNames = ImageBands.names(o.image, o.bands, wantedBands, t.bandOrder());
                    sum = new double[o.bands.length];
                    sumSq = new double[o.bands.length];
                } else if (o.bands.length != bandNames.size()) {
                    throw Ai4cException.usage("unet: image tile " + t.image() + " has " + o.bands.length + " bands, the"
                            + " first tile " + bandNames.size() + "; give -bands, or tiles with the same bands.");
                }
                valid += o.statistics(sum, sumSq);
            }
        }
        if (valid == 0) throw Ai4cException.usage("unet: the image tiles hold no valid pixel (all no-data).");
        int nb = bandNames.size();
        float[] mean = new float[nb];
        float[] std = new float[nb];
        for (int b = 0; b < nb; b++) {
            double m = sum[b] / valid;
            mean[b] = (float) m;
            // a constant band gets std 1 so that it normalises to 0 instead of dividing by zero
            double var = Math.max(0, sumSq[b] / valid - m * m);
            std[b] = var > 0 ? (float) Math.sqrt(var) : 1f;
        }
        // pass 2: cut and normalise
        List<float[]> xs = new ArrayList<>();
        List<byte[]> ys = new ArrayList<>();
        for (LabelledTiles.Tile t : tiles) {
            try (Opened o = Opened.of(t, wantedBands, patchSize, simplified)) {
                for (int y0 : origins(o.image.height(), patchSize)) {
                    for (int x0 : origins(o.image.width(), patchSize)) {
                        float[] x = new float[nb * patchSize * patchSize];
                        byte[] y = new byte[patchSize * patchSize];
                        if (o.patch(new Region(x0, y0, patchSize, patchSize), mean, std, indexOfLabel, x, y)) {
                            xs.add(x);
                            ys.add(y);
                        }
                    }
                }
            }
        }
        int k = classIds.length;
        boolean[][] present = new boolean[xs.size()][k];
        for (int i = 0; i < ys.size(); i++) for (byte v : ys.get(i)) present[i][v] = true;
        boolean[] toValidation = split(present, k, valFraction, seed);
        long[][] pixels = new long[2][k];
        PatchSet train = collect(xs, ys, toValidation, false, nb, patchSize, pixels[0]);
        PatchSet val = collect(xs, ys, toValidation, true, nb, patchSize, pixels[1]);
        return new Extracted(train, val, bandNames, classIds, mean, std, pixels, tiles.size());
    }

    /** {@code [0, selected…]} sorted, duplicates removed; ids outside 1–255 are refused. */
    static int[] classIds(int[] selected) {
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        for (int c : selected) {
            if (c < 1 || c > 255) {
                throw Ai4cException.usage("unet: -selected-classes holds " + c + "; class ids are 1-255 (0 is the"
                        + " background).");
            }
            ids.add(c);
        }
        int[] out = new int[ids.size() + 1];
        int i = 1;
        for (int c : ids) out[i++] = c;
        return out;
    }

    /** Patch origins along an axis of {@code length} px: steps of {@code size}, the last one flush with the end. */
    static int[] origins(int length, int size) {
        int n = Math.max(1, (length - size) / size + 1);
        boolean flush = (length - size) % size != 0;
        int[] o = new int[n + (flush ? 1 : 0)];
        for (int i = 0; i < n; i++) o[i] = i * size;
        if (flush) o[n] = length - size;
        return o;
    }

    /** Stratified split (see the class comment): true for patches going to validation. */
    static boolean[] split(boolean[][] present, int classes, double fraction, long seed) {
        int n = present.length;
        int[] patchesWith = new int[classes];
        for (boolean[] p : present) for (int c = 1; c < classes; c++) if (p[c]) patchesWith[c]++;
        List<List<Integer>> strata = new ArrayList<>();
        for (int c = 0; c < classes; c++) strata.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int stratum = 0;
            for (int c = 1; c < classes; c++) {
                if (present[i][c] && (stratum == 0 || patchesWith[c] < patchesWith[stratum])) stratum = c;
            }
            strata.get(stratum).add(i);
        }
        boolean[] val = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed);
        for (List<Integer> s : strata) {
            for (int i = s.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = s.get(i);
                s.set(i, s.get(j));
                s.set(j, t);
            }
            int take = (int) Math.round(fraction * s.size());
            if (fraction > 0 && take == 0 && s.size() >= 2) take = 1;
            for (int i = 0; i < take; i++) val[s.get(i)] = true;
        }
        return val;
    }

    private static PatchSet collect(List<float[]> xs, List<byte[]> ys, boolean[] toValidation, boolean validation,
                                    int bands, int size, long[] pixels) {
        int count = 0;
        for (boolean v : toValidation) if (v == validation) count++;
        int pv = bands * size * size;
        int pp = size * size;
        if ((long) count * pv > Integer.MAX_VALUE - 8) {
            throw Ai4cException.usage("unet: " + count + " patches of " + bands + "×" + size + "² do not fit one"
                    + " array; use fewer or smaller tiles per run.");
        }
        float[] x = new float[count * pv];
        byte[] y = new byte[count * pp];
        int j = 0;
        for (int i = 0; i < toValidation.length; i++) {
            if (toValidation[i] != validation) continue;
            System.arraycopy(xs.get(i), 0, x, j * pv, pv);
            System.arraycopy(ys.get(i), 0, y, j * pp, pp);
            for (byte v : ys.get(i)) pixels[v]++;
            j++;
        }
        return new PatchSet(x, y, count, bands, size);
    }

    /** An image tile and its label tile, checked and open. */
    private static final class Opened implements AutoCloseable {
        final LabelledTiles.Tile tile;
        final Raster image;
        final Raster label;
        final int[] bands;
        /** Label id of each stored value 0–255, −1 for values the tile's scheme has no class for. */
        final int[] labelMap;

        private Opened(LabelledTiles.Tile tile, Raster image, Raster label, int[] bands, int[] labelMap) {
            this.tile = tile;
            this.image = image;
            this.label = label;
            this.bands = bands;
            this.labelMap = labelMap;
        }

        static Opened of(LabelledTiles.Tile t, List<String> wanted, int patchSize, boolean simplified)
                throws IOException {
            Raster image = new GeoTiffReader().read(t.image()).raster();
            Raster label = null;
            try {
                if (image.width() < MIN_TILE || image.height() < MIN_TILE) {
                    throw Ai4cException.usage("unet: image tile " + t.image() + " is " + image.width() + "×"
                            + image.height() + " px; tiles must be at least " + MIN_TILE + "×" + MIN_TILE
                            + ". Leave it out or merge it with its neighbours.");
                }
                label = new GeoTiffReader().read(t.label()).raster();
                if (label.width() != image.width() || label.height() != image.height()
                        || !Objects.equals(label.geoCoding(), image.geoCoding())) {
                    throw Ai4cException.usage("unet: label tile " + t.label() + " (" + label.width() + "×"
                            + label.height() + ") is not on the grid of its image " + t.image() + " (" + image.width()
                            + "×" + image.height() + "); resample the labels to the image grid (same size, pixel "
                            + "spacing, origin and projection).");
                }
                Band lb = label.bands().get(0);
                if (lb.type().isFloating()) {
                    throw Ai4cException.usage("unet: label tile " + t.label() + " holds " + lb.type() + " values; labels"
                            + " are class ids 0-255 in an integer band (uint8).");
                }
                int[] bands = ImageBands.select(image, wanted, t.bandOrder(), t.image(), "image tile");
                if (patchSize > image.width() || patchSize > image.height()) {
                    throw Ai4cException.usage("unet: image tile " + t.image() + " (" + image.width() + "×"
                            + image.height() + ") is smaller than -patch_size " + patchSize + "; use -patch_size 64.");
                }
                int[] labelMap = new int[256];
                if (t.layout() == LabelledTiles.Layout.SEN12MS) {
                    labelMap = Sen12ms.labelMap(simplified);
                } else if (t.layout() == LabelledTiles.Layout.DFC2020) {
                    labelMap = Sen12ms.dfcLabelMap();
                } else {
                    for (int v = 0; v < 256; v++) labelMap[v] = v;
                }
                return new Opened(t, image, label, bands, labelMap);
            } catch (IOException | RuntimeException e) {
                closeQuietly(image);
                closeQuietly(label);
                throw e;
            }
        }

        /** Adds the valid pixels' sums to {@code sum}/{@code sumSq}; checks label values; returns the valid count. */
        long statistics(double[] sum, double[] sumSq) throws IOException {
            long valid = 0;
            int w = image.width();
            for (int y0 = 0; y0 < image.height(); y0 += STRIP) {
                Region r = new Region(0, y0, w, Math.min(STRIP, image.height() - y0));
                float[][] v = read(r);
                checkLabels(label.read(0, r), r);
                valid += BandPixels.accumulate(v, BandPixels.validMask(v), sum, sumSq);
            }
            return valid;
        }

        private void checkLabels(Block block, Region r) {
            int n = block.width() * block.height();
            for (int i = 0; i < n; i++) {
                double v = block.getDouble(i);
                if (v < 0 || v > 255) {
                    throw Ai4cException.usage("unet: label tile " + tile.label() + " holds " + (long) v + " at pixel ("
                            + (r.x() + i % block.width()) + ", " + (r.y() + i / block.width()) + "); class ids are 0-255"
                            + " (0 = background). Renumber the classes.");
                }
                if (labelMap[(int) v] < 0 && tile.layout() == LabelledTiles.Layout.DFC2020) {
                    throw Ai4cException.usage("unet: DFC2020 label patch " + tile.label() + " holds " + (long) v
                            + " at pixel (" + (r.x() + i % block.width()) + ", " + (r.y() + i / block.width())
                            + "); DFC2020 classes are the simplified ones, 1-10 (0 = no label). Use the dfc patch"
                            + " as distributed.");
                }
                if (labelMap[(int) v] < 0) {
                    throw Ai4cException.usage("unet: SEN12MS land-cover patch " + tile.label() + " holds " + (long) v
                            + " in its first (IGBP) band at pixel (" + (r.x() + i % block.width()) + ", "
                            + (r.y() + i / block.width()) + "); IGBP classes are 1-17 (0 = no label). Use the lc patch"
                            + " as distributed.");
                }
            }
        }

        private float[][] read(Region r) throws IOException {
            float[][] v = new float[bands.length][];
            for (int b = 0; b < bands.length; b++) {
                Block block = image.read(bands[b], r);
                float[] f = block.toFloats();
                Band band = image.bands().get(bands[b]);
                if (band.hasNoData()) {
                    float nd = (float) band.noData();
                    for (int i = 0; i < f.length; i++) if (f[i] == nd) f[i] = Float.NaN;
                }
                v[b] = f;
            }
            return v;
        }

        /** Fills one normalised patch and its class indices; false when it has no valid pixel. */
        boolean patch(Region r, float[] mean, float[] std, int[] indexOfLabel, float[] x, byte[] y) throws IOException {
            float[][] v = read(r);
            boolean[] ok = BandPixels.validMask(v);
            Block lb = label.read(0, r);
            for (int i = 0; i < ok.length; i++) {
                if (ok[i]) y[i] = (byte) indexOfLabel[labelMap[(int) lb.getDouble(i)]];
            }
            return BandPixels.normalise(v, ok, mean, std, x);
        }

        @Override
        public void close() {
            closeQuietly(image);
            closeQuietly(label);
        }

        private static void closeQuietly(Raster r) {
            if (r instanceof Closeable c) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // read-only file: nothing is lost
                }
            }
        }
    }
}
