package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The unlabeled image patches of {@code -action pretrain}, normalised per band, in memory.
 * {@code --input_dir} is one of:
 * <ul>
 * <li>a patch set folder of {@code -action extract_data} ({@value PatchSetFiles#DESCRIPTION}):
 * its training and validation patches with their normalisation, labels unused;</li>
 * <li>a folder of image tiles, searched recursively (only its {@code images/} subfolder when it
 * has one, as layout (a)): a GeoTIFF holds the bands of one tile, as for {@code extract_data};
 * a folder whose GeoTIFFs are named after Sentinel-2 bands ({@code B2.tif}, {@code B8A.tif},
 * also {@code B02.tif}) is one tile with one band per file, the layout of SSL4EO-S12. Bands of a
 * coarser grid there (20 m, 60 m) are repeated onto the finest grid of the selected bands
 * (nearest neighbour), which must be an integer multiple of theirs.</li>
 * </ul>
 * Tiles are checked before anything is cut: at least {@value PatchExtractor#MIN_TILE} px and
 * {@code -patch_size} on each side, the bands of {@code -bands} present (default: those of the
 * first tile), the same bands in every tile. Patches, statistics and invalid pixels as
 * {@link PatchExtractor}: a grid from the upper-left corner plus a last row and column flush
 * with the edges; mean and standard deviation of each band over the valid pixels (no band
 * no-data or NaN) of all tiles; invalid pixels 0 after normalisation; patches without a valid
 * pixel left out. Stateless.
 */
public final class UnlabeledPatches {
    private static final int STRIP = 256;
    /** Sentinel-2 band names in spectral order (the {@code -bands} value set). */
    static final List<String> S2_BANDS = List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10",
            "B11", "B12");

    /**
     * Normalised patches {@code x[((i·bands + b)·size + r)·size + c]}.
     *
     * @param source what was read (for logs and the summary)
     */
    public record Patches(float[] x, int count, int bands, int size, List<String> bandNames, float[] mean, float[] std,
                          int tiles, String source) {
        public int patchValues() {
            return bands * size * size;
        }
    }

    private UnlabeledPatches() {
    }

    /** Reads and cuts {@code input} (see the class comment). */
    public static Patches read(Path input, List<String> wantedBands, int patchSize) throws IOException {
        if (Files.isRegularFile(input.resolve(PatchSetFiles.DESCRIPTION))) return fromPatchSet(input, wantedBands);
        List<TileRef> tiles = list(input);
        return cut(tiles, wantedBands, patchSize, input);
    }

    private static Patches fromPatchSet(Path dir, List<String> wantedBands) throws IOException {
        PatchSetFiles.Loaded set = PatchSetFiles.read(dir);
        if (!wantedBands.isEmpty() && !wantedBands.equals(set.bandNames())) {
            throw Ai4cException.usage("unet: the patch set " + dir + " holds the bands " + set.bandNames() + ", not"
                    + " those of -bands " + wantedBands + "; leave -bands out or extract the patches again.");
        }
        PatchSet t = set.train();
        PatchSet v = set.validation();
        float[] x = new float[t.x().length + v.x().length];
        System.arraycopy(t.x(), 0, x, 0, t.x().length);
        System.arraycopy(v.x(), 0, x, t.x().length, v.x().length);
        if (t.count() + v.count() == 0) {
            throw Ai4cException.usage("unet: the patch set " + dir + " holds no patch; extract it again from more tiles.");
        }
        return new Patches(x, t.count() + v.count(), t.bands(), t.size(), set.bandNames(), set.mean(), set.std(), 0,
                "patch set " + dir);
    }

    /** A tile: one multi-band GeoTIFF, or a folder of one GeoTIFF per band (name → file). */
    record TileRef(Path path, Map<String, Path> bandFiles) {
        boolean perBand() {
            return bandFiles != null;
        }
    }

    /** The tiles under {@code input}, sorted by path; none is an error naming the folder and the layouts. */
    static List<TileRef> list(Path input) throws IOException {
        List<TileRef> tiles = new ArrayList<>();
        if (Files.isRegularFile(input)) {
            if (LabelledTiles.isTiff(input)) tiles.add(new TileRef(input, null));
        } else {
            Path images = input.resolve(LabelledTiles.IMAGES);
            Path root = Files.isDirectory(images) ? images : input;
            List<Path> dirs;
            try (Stream<Path> s = Files.walk(root)) {
                dirs = s.filter(Files::isDirectory).sorted().toList();
            }
            for (Path dir : dirs) {
                List<Path> tiffs = LabelledTiles.tiffs(dir);
                Map<String, Path> bandFiles = new TreeMap<>((a, b) -> Integer.compare(S2_BANDS.indexOf(a),
                        S2_BANDS.indexOf(b)));
                for (Path t : tiffs) {
                    String band = s2Band(t);
                    if (band != null) bandFiles.put(band, t);
                }
                if (!bandFiles.isEmpty()) {
                    tiles.add(new TileRef(dir, bandFiles));
                } else {
                    for (Path t : tiffs) tiles.add(new TileRef(t, null));
                }
            }
        }
        if (tiles.isEmpty()) {
            throw Ai4cException.usage("unet: --input_dir " + input + " holds no image tile: give a folder of GeoTIFF"
                    + " tiles (one file per tile, or one folder per tile with a file per band named B2.tif, B8A.tif,"
                    + " ...) or a patch set folder of -action extract_data.");
        }
        return tiles;
    }

    /** The Sentinel-2 band a file is named after ({@code B8A.tif}, {@code B02.tif} → {@code B2}), or null. */
    static String s2Band(Path file) {
        String n = file.getFileName().toString();
        String stem = n.substring(0, n.lastIndexOf('.')).toUpperCase(Locale.ROOT);
        if (stem.matches("B0[1-9]")) stem = "B" + stem.charAt(2);
        return S2_BANDS.contains(stem) ? stem : null;
    }

    private static Patches cut(List<TileRef> tiles, List<String> wanted, int size, Path input) throws IOException {
        List<String> bandNames = null;
        double[] sum = null;
        double[] sumSq = null;
        long valid = 0;
        for (TileRef t : tiles) {
            try (OpenTile o = OpenTile.of(t, wanted, size)) {
                if (bandNames == null) {
                    bandNames = o.names;
                    sum = new double[bandNames.size()];
                    sumSq = new double[bandNames.size()];
                } else if (o.names.size() != bandNames.size() || (t.perBand() && !o.names.equals(bandNames))) {
                    throw Ai4cException.usage("unet: image tile " + t.path() + " has the bands " + o.names + ", the"
                            + " first tile " + bandNames + "; give -bands, or tiles with the same bands.");
                }
                valid += o.statistics(sum, sumSq);
            }
        }
        if (valid == 0) throw Ai4cException.usage("unet: the image tiles of " + input + " hold no valid pixel (all no-data).");
        int nb = bandNames.size();
        float[] mean = new float[nb];
        float[] std = new float[nb];
        for (int b = 0; b < nb; b++) {
            double m = sum[b] / valid;
            mean[b] = (float) m;
            double var = Math.max(0, sumSq[b] / valid - m * m);
            std[b] = var > 0 ? (float) Math.sqrt(var) : 1f; // a constant band normalises to 0
        }
        List<float[]> patches = new ArrayList<>();
        for (TileRef t : tiles) {
            try (OpenTile o = OpenTile.of(t, wanted, size)) {
                for (int y0 : PatchExtractor.origins(o.height, size)) {
                    for (int x0 : PatchExtractor.origins(o.width, size)) {
                        float[] x = new float[nb * size * size];
                        if (o.patch(new Region(x0, y0, size, size), mean, std, x)) patches.add(x);
                    }
                }
            }
        }
        int pv = nb * size * size;
        if ((long) patches.size() * pv > Integer.MAX_VALUE - 8) {
            throw Ai4cException.usage("unet: " + patches.size() + " patches of " + nb + "×" + size + "² do not fit one"
                    + " array; pre-train on fewer or smaller tiles per run.");
        }
        float[] x = new float[patches.size() * pv];
        for (int i = 0; i < patches.size(); i++) System.arraycopy(patches.get(i), 0, x, i * pv, pv);
        return new Patches(x, patches.size(), nb, size, bandNames, mean, std, tiles.size(), input.toString());
    }

    /** An open, checked tile: its selected bands on the finest grid. */
    private static final class OpenTile implements AutoCloseable {
        final List<Raster> rasters = new ArrayList<>();
        /** Per selected band: its raster, band index there, and grid factor (1 on the finest grid). */
        int[] raster;
        int[] index;
        int[] factor;
        List<String> names;
        int width;
        int height;

        static OpenTile of(TileRef t, List<String> wanted, int size) throws IOException {
            OpenTile o = new OpenTile();
            try {
                if (t.perBand()) o.openBandFiles(t, wanted);
                else o.openMultiBand(t.path(), wanted);
                if (o.width < PatchExtractor.MIN_TILE || o.height < PatchExtractor.MIN_TILE) {
                    throw Ai4cException.usage("unet: image tile " + t.path() + " is " + o.width + "×" + o.height
                            + " px; tiles must be at least " + PatchExtractor.MIN_TILE + "×" + PatchExtractor.MIN_TILE
                            + ". Leave it out or merge it with its neighbours.");
                }
                if (size > o.width || size > o.height) {
                    throw Ai4cException.usage("unet: image tile " + t.path() + " (" + o.width + "×" + o.height
                            + ") is smaller than -patch_size " + size + "; use -patch_size 64.");
                }
                return o;
            } catch (IOException | RuntimeException e) {
                o.close();
                throw e;
            }
        }

        private void openMultiBand(Path file, List<String> wanted) throws IOException {
            Raster r = new GeoTiffReader().read(file).raster();
            rasters.add(r);
            width = r.width();
            height = r.height();
            if (width < PatchExtractor.MIN_TILE || height < PatchExtractor.MIN_TILE) {
                names = List.of();
                raster = index = factor = new int[0];
                return;
            }
            index = ImageBands.select(r, wanted, file, "image tile");
            names = ImageBands.names(r, index, wanted);
            raster = new int[index.length];
            factor = new int[index.length];
            java.util.Arrays.fill(factor, 1);
        }

        private void openBandFiles(TileRef t, List<String> wanted) throws IOException {
            List<String> bands = wanted.isEmpty() ? List.copyOf(t.bandFiles().keySet()) : wanted;
            List<String> missing = new ArrayList<>();
            for (String b : bands) if (!t.bandFiles().containsKey(b)) missing.add(b);
            if (!missing.isEmpty()) {
                throw Ai4cException.usage("unet: image tile " + t.path() + " has the band files "
                        + t.bandFiles().keySet() + " but -bands wants " + bands + "; " + missing + " are missing. Add"
                        + " them (e.g. " + missing.get(0) + ".tif), leave the tile out, or change -bands.");
            }
            names = List.copyOf(bands);
            raster = new int[bands.size()];
            index = new int[bands.size()];
            factor = new int[bands.size()];
            for (int i = 0; i < bands.size(); i++) {
                Raster r = new GeoTiffReader().read(t.bandFiles().get(bands.get(i))).raster();
                rasters.add(r);
                raster[i] = i;
                width = Math.max(width, r.width());
                height = Math.max(height, r.height());
            }
            for (int i = 0; i < bands.size(); i++) {
                Raster r = rasters.get(i);
                int f = width / r.width();
                if (f * r.width() != width || f * r.height() != height) {
                    throw Ai4cException.usage("unet: band file " + t.bandFiles().get(bands.get(i)) + " (" + r.width()
                            + "×" + r.height() + ") is not on a grid the " + width + "×" + height + " grid of the tile's"
                            + " finest band divides by a whole factor; resample it, or leave the band out of -bands.");
                }
                factor[i] = f;
            }
        }

        /** Band {@code b} over {@code r} (finest grid), no-data as NaN. */
        float[] read(int b, Region r) throws IOException {
            Raster src = rasters.get(raster[b]);
            Band band = src.bands().get(index[b]);
            int f = factor[b];
            float[] out;
            if (f == 1) {
                out = src.read(index[b], r).toFloats();
            } else {
                int cx0 = r.x() / f;
                int cy0 = r.y() / f;
                int cw = (r.x() + r.width() - 1) / f - cx0 + 1;
                int ch = (r.y() + r.height() - 1) / f - cy0 + 1;
                float[] coarse = src.read(index[b], new Region(cx0, cy0, cw, ch)).toFloats();
                out = new float[r.width() * r.height()];
                for (int y = 0; y < r.height(); y++) {
                    int row = ((r.y() + y) / f - cy0) * cw;
                    for (int x = 0; x < r.width(); x++) out[y * r.width() + x] = coarse[row + (r.x() + x) / f - cx0];
                }
            }
            if (band.hasNoData()) {
                float nd = (float) band.noData();
                for (int i = 0; i < out.length; i++) if (out[i] == nd) out[i] = Float.NaN;
            }
            return out;
        }

        private float[][] readAll(Region r) throws IOException {
            float[][] v = new float[names.size()][];
            for (int b = 0; b < v.length; b++) v[b] = read(b, r);
            return v;
        }

        long statistics(double[] sum, double[] sumSq) throws IOException {
            long valid = 0;
            for (int y0 = 0; y0 < height; y0 += STRIP) {
                float[][] v = readAll(new Region(0, y0, width, Math.min(STRIP, height - y0)));
                valid += BandPixels.accumulate(v, BandPixels.validMask(v), sum, sumSq);
            }
            return valid;
        }

        boolean patch(Region r, float[] mean, float[] std, float[] x) throws IOException {
            float[][] v = readAll(r);
            return BandPixels.normalise(v, BandPixels.validMask(v), mean, std, x);
        }

        @Override
        public void close() {
            for (Raster r : rasters) {
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
}
