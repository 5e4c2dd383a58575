package eu.ai4c.agri.cropmap;

import eu.ai4c.agri.npy.Npy;
import eu.ai4c.agri.npy.NpyArray;
import eu.ai4c.agri.timeseries.TimeSeriesSet;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads pixel time series to classify one by one ({@code ai4c predict}) from the files people
 * have at hand, as {@code [n, timesteps, bands]} reflectances in the model's layout:
 * <ul>
 * <li>{@code .csv}: one TimeSen2Crop sample (specification section 3.2.2): rows = acquisition dates,
 * columns {@code B2,B3,B4,B5,B6,B7,B8A,B11,B12} then the pixel condition. With a header the band
 * columns are taken by name (other columns ignored); without one the first {@code bands} columns.
 * The rows must number the model's time steps: a model of monthly composites needs 12 rows, so
 * give the monthly medians of the clear dates, not the raw acquisitions.</li>
 * <li>{@code .npy}: an array {@code [N, ts, b]} or one series {@code [ts, b]}.</li>
 * <li>a GeoTIFF with {@code ts × b} bands in time-major order (all bands of month 1, then month 2, …),
 * or a folder of monthly composites ({@link MonthlyCompositeStack}): each pixel is a series; pixels with
 * a band's no-data value are marked invalid.</li>
 * </ul>
 * Stateless.
 */
public final class SeriesFiles {
    /** Largest number of pixels read from an image (a crop map of a tile is {@code tile_classifier}'s job). */
    public static final long MAX_PIXELS = 1L << 18;
    /** TimeSen2Crop band columns, in the order the models use. */
    public static final List<String> TIMESEN2CROP_BANDS = List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12");

    /**
     * Series read from a file.
     *
     * @param series the values (unlabelled)
     * @param x      pixel column per series, or null when the input is not an image
     * @param y      pixel row per series, or null
     * @param valid  whether each series is free of no-data
     */
    public record Input(TimeSeriesSet series, int[] x, int[] y, boolean[] valid) {
    }

    private SeriesFiles() {
    }

    /** Reads {@code file} for a model of {@code timesteps × bands}. */
    public static Input read(Path file, int timesteps, int bands) throws IOException {
        if (!Files.exists(file)) {
            throw Ai4cException.usage(file + ": no such file or folder. Give a .csv series, a .npy array, a GeoTIFF "
                    + "or a folder of monthly composites.");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(file)) return composites(file, timesteps, bands);
        if (name.endsWith(".csv")) return csv(file, timesteps, bands);
        if (name.endsWith(".npy")) return npy(file, timesteps, bands);
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            Raster r = new GeoTiffReader().read(file).raster();
            try {
                if (r.bands().size() != timesteps * bands) {
                    throw Ai4cException.usage(file + " has " + r.bands().size() + " bands but the model takes "
                            + timesteps + " time steps × " + bands + " bands = " + timesteps * bands + "; give a stack "
                            + "with all bands of month 1, then of month 2, …, or a folder of monthly composites.");
                }
                Raster[] one = {r};
                return pixels(file, one, timesteps, bands);
            } finally {
                MonthlyCompositeStack.closeAll(r);
            }
        }
        throw Ai4cException.usage(file + ": not a series file ai4c predict reads; give a .csv (TimeSen2Crop sample), "
                + ".npy ([N, ts, b] or [ts, b]), a GeoTIFF stack or a folder of monthly composites.");
    }

    private static Input composites(Path folder, int timesteps, int bands) throws IOException {
        try (MonthlyCompositeStack stack = MonthlyCompositeStack.open(folder, "FILE", timesteps, bands, 1,
                WarningListener.LOG)) {
            return pixels(folder, stack.rasters(), timesteps, bands);
        }
    }

    /** Pixel series of one time-major stack ({@code rasters.length == 1}) or of one raster per time step. */
    private static Input pixels(Path source, Raster[] rasters, int timesteps, int bands) throws IOException {
        Raster first = rasters[0];
        long n = (long) first.width() * first.height();
        if (n > MAX_PIXELS) {
            throw Ai4cException.usage(source + " has " + n + " pixels; ai4c predict classifies at most " + MAX_PIXELS
                    + ". Use tile_classifier for crop maps of whole images, or cut a window with gdal_translate -srcwin.");
        }
        int count = (int) n, length = timesteps * bands;
        float[] values = new float[count * length];
        boolean[] valid = new boolean[count];
        Arrays.fill(valid, true);
        for (int t = 0; t < timesteps; t++) {
            for (int b = 0; b < bands; b++) {
                Raster r = rasters.length == 1 ? first : rasters[t];
                int band = rasters.length == 1 ? t * bands + b : b;
                Band desc = r.bands().get(band);
                Block block = r.read(band, r.bounds());
                float[] v = block.toFloats();
                for (int p = 0; p < count; p++) {
                    values[p * length + t * bands + b] = v[p];
                    if (desc.isNoData(v[p])) valid[p] = false;
                }
            }
        }
        int[] x = new int[count], y = new int[count];
        for (int p = 0; p < count; p++) {
            x[p] = p % first.width();
            y[p] = p / first.width();
        }
        return new Input(new TimeSeriesSet(values, null, count, timesteps, bands), x, y, valid);
    }

    private static Input npy(Path file, int timesteps, int bands) {
        NpyArray a = Npy.read(file);
        int[] s = a.shape();
        int n = s.length == 3 ? s[0] : 1;
        boolean fits = (s.length == 3 && s[1] == timesteps && s[2] == bands) || (s.length == 2 && s[0] == timesteps
                && s[1] == bands);
        if (!fits) {
            throw Ai4cException.usage(file + " has shape " + Arrays.toString(s) + " but the model takes [N, " + timesteps
                    + ", " + bands + "] or [" + timesteps + ", " + bands + "] (series, time steps, bands).");
        }
        boolean[] valid = new boolean[n];
        Arrays.fill(valid, true);
        return new Input(new TimeSeriesSet(a.toFloats(), null, n, timesteps, bands), null, null, valid);
    }

    private static Input csv(Path file, int timesteps, int bands) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) if (!l.isBlank()) lines.add(l.trim());
        if (lines.isEmpty()) throw Ai4cException.usage(file + " is empty; give a TimeSen2Crop sample .csv.");
        int[] columns = new int[bands];
        for (int b = 0; b < bands; b++) columns[b] = b;
        String[] head = lines.get(0).split("[,;]");
        boolean header = !isNumber(head[0]);
        if (header && bands == TIMESEN2CROP_BANDS.size()) {
            for (int b = 0; b < bands; b++) {
                columns[b] = -1;
                for (int c = 0; c < head.length; c++) {
                    if (head[c].trim().replace("\"", "").equalsIgnoreCase(TIMESEN2CROP_BANDS.get(b))) columns[b] = c;
                }
                if (columns[b] < 0) {
                    throw Ai4cException.usage(file + ": no column " + TIMESEN2CROP_BANDS.get(b) + " in the header "
                            + Arrays.toString(head) + "; a TimeSen2Crop sample has the columns "
                            + String.join(",", TIMESEN2CROP_BANDS) + ",condition.");
                }
            }
        }
        List<String> rows = header ? lines.subList(1, lines.size()) : lines;
        if (rows.size() != timesteps) {
            throw Ai4cException.usage(file + " has " + rows.size() + " dates (rows) but the model takes " + timesteps
                    + " time steps. A model trained on monthly composites needs one row per month: give the monthly "
                    + "medians of the clear (condition 0) dates, in chronological order.");
        }
        float[] values = new float[timesteps * bands];
        for (int t = 0; t < timesteps; t++) {
            String[] f = rows.get(t).split("[,;]");
            for (int b = 0; b < bands; b++) {
                int c = columns[b];
                if (c >= f.length || !isNumber(f[c])) {
                    throw Ai4cException.usage(file + ": row " + (t + 1 + (header ? 1 : 0)) + " has no number in column "
                            + (c + 1) + " (" + (header ? head[c].trim() : "band " + (b + 1)) + "); every date needs "
                            + bands + " band values.");
                }
                values[t * bands + b] = Float.parseFloat(f[c].trim());
            }
        }
        return new Input(new TimeSeriesSet(values, null, 1, timesteps, bands), null, null, new boolean[] {true});
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
