package eu.ai4c.agri.cropmap;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Raster;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The monthly composites of a {@code --mc_dir} folder (output of {@code monthlycomposite},
 * specification section 3.2.3: 12 uint16 GeoTIFFs of one agronomic year), opened and put in
 * chronological order.
 *
 * <h2>Naming rule</h2>
 * Every {@code .tif}/{@code .tiff} file of the folder is a composite; its month is the first
 * {@code YYYY-MM} or {@code YYYYMM} in its name (year 1900–2099, month 01–12, optionally followed by a
 * day {@code -DD}/{@code DD}; not part of a longer digit run), e.g. {@code T32TNT_MC_2017-09.tif},
 * {@code MC_201709.tif}, {@code S2_20170915_median.tif}. Files are ordered by that month; two files
 * of the same month, a file without a month, or a count other than the model's time steps stop
 * with an {@link Ai4cException}. Months need not be consecutive (a warning says so when they are not).
 *
 * <h2>Thread-safety</h2>
 * Immutable; the rasters allow concurrent reads. {@link #close()} releases the files.
 */
public final class MonthlyCompositeStack implements Closeable {
    private static final Pattern MONTH = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})-?(0[1-9]|1[0-2])(?:-?(?:0[1-9]|[12]\\d|3[01]))?(?!\\d)");

    /** One composite file and its month. */
    public record Composite(Path file, int year, int month) {
        /** {@code YYYY-MM}. */
        public String label() {
            return String.format(Locale.ROOT, "%04d-%02d", year, month);
        }
    }

    private final List<Composite> composites;
    private final Raster[] rasters;

    private MonthlyCompositeStack(List<Composite> composites, Raster[] rasters) {
        this.composites = List.copyOf(composites);
        this.rasters = rasters;
    }

    /** The month of a composite file name, or null when the name holds none. */
    static int[] monthOf(String fileName) {
        Matcher m = MONTH.matcher(fileName);
        if (!m.find()) return null;
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** The composites of {@code folder} in chronological order (files only listed, not opened). */
    public static List<Composite> list(Path folder, String option) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw Ai4cException.usage(option + " " + folder + ": no such folder. Give the folder of the monthly "
                    + "composites written by monthlycomposite.");
        }
        List<Composite> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(f) || !(lower.endsWith(".tif") || lower.endsWith(".tiff"))) continue;
                int[] ym = monthOf(name);
                if (ym == null) {
                    throw Ai4cException.usage(option + " " + folder + ": cannot tell the month of " + name
                            + "; name each composite with its month as YYYY-MM or YYYYMM (e.g. T32TNT_MC_2017-09.tif)"
                            + " or move other GeoTIFFs out of the folder.");
                }
                out.add(new Composite(f, ym[0], ym[1]));
            }
        }
        out.sort(Comparator.comparingInt((Composite c) -> c.year * 12 + c.month));
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i).year == out.get(i - 1).year && out.get(i).month == out.get(i - 1).month) {
                throw Ai4cException.usage(option + " " + folder + ": " + out.get(i - 1).file.getFileName() + " and "
                        + out.get(i).file.getFileName() + " are both of " + out.get(i).label()
                        + "; keep one composite per month.");
            }
        }
        return out;
    }

    /**
     * Lists and opens the composites of {@code folder}.
     *
     * @param months     number of composites required (the model's time steps)
     * @param bands      bands each composite must have (the model's bands)
     * @param readers    threads that read the stack at once (sizes each file's decoded-chunk cache)
     */
    public static MonthlyCompositeStack open(Path folder, String option, int months, int bands, int readers,
                                             WarningListener warnings) throws IOException {
        List<Composite> list = list(folder, option);
        if (list.size() != months) {
            throw Ai4cException.usage(option + " " + folder + ": found " + list.size() + " monthly composite"
                    + (list.size() == 1 ? "" : "s") + " " + list.stream().map(Composite::label).toList()
                    + " but the model expects " + months + " time steps; give one composite per month of the "
                    + "agronomic year (" + months + " GeoTIFFs).");
        }
        for (int i = 1; i < list.size(); i++) {
            Composite a = list.get(i - 1), b = list.get(i);
            if (b.year * 12 + b.month != a.year * 12 + a.month + 1) {
                warnings.warning(option + " " + folder + ": the composites are not of consecutive months (" + a.label()
                        + " then " + b.label() + "); they are given to the model in chronological order.");
                break;
            }
        }
        Raster[] rasters = new Raster[list.size()];
        try {
            for (int i = 0; i < list.size(); i++) {
                Path f = list.get(i).file;
                rasters[i] = openComposite(f, readers, warnings);
                Raster r = rasters[i], first = rasters[0];
                if (r.bands().size() != bands) {
                    throw Ai4cException.usage(option + ": " + f.getFileName() + " has " + r.bands().size() + " band"
                            + (r.bands().size() == 1 ? "" : "s") + " but the model expects " + bands + " per month (the"
                            + " TimeSen2Crop bands B2, B3, B4, B5, B6, B7, B8A, B11, B12); give composites of the bands"
                            + " the model was trained on.");
                }
                if (r.bands().stream().anyMatch(bd -> bd.type().isComplex())) {
                    throw Ai4cException.usage(option + ": " + f.getFileName() + " holds complex samples; give "
                            + "uint16 reflectance composites.");
                }
                if (r.width() != first.width() || r.height() != first.height()
                        || !Objects.equals(r.geoCoding(), first.geoCoding())) {
                    throw Ai4cException.usage(option + ": " + f.getFileName() + " (" + r.width() + "x" + r.height()
                            + ") is not on the grid of " + list.get(0).file.getFileName() + " (" + first.width() + "x"
                            + first.height() + "); all composites must share one grid (same tile, resolution and "
                            + "projection).");
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(rasters);
            throw e;
        }
        return new MonthlyCompositeStack(list, rasters);
    }

    /**
     * Opens one composite with a decoded-chunk cache for the chunks that {@code readers} threads
     * work on at once (two chunks of every band each): reads go tile by tile in row strips, so each
     * chunk's area is read once while it is cached, and the kit's adaptive budget (two chunk rows
     * of every band, up to 256 MiB per file) would multiply by 12 files. Striped files keep the
     * adaptive budget: their strips span the image width and are shared by a whole row of tiles.
     */
    private static Raster openComposite(Path file, int readers, WarningListener warnings) throws IOException {
        Raster r = new GeoTiffReader(0, warnings).read(file).raster();
        int[] tile = r.preferredTileSize();
        boolean striped = tile[0] >= r.width() && r.width() > 2048;
        long chunkBytes = (long) tile[0] * tile[1] * r.bands().get(0).type().bytesPerSample();
        long budget = Math.max(4L << 20, 2L * Math.max(1, readers) * r.bands().size() * chunkBytes);
        closeAll(r);
        GeoTiffReader reader = striped ? new GeoTiffReader(budget, warnings)
                : GeoTiffReader.withFixedCache(budget, warnings);
        return reader.read(file).raster();
    }

    /** The composites, oldest first. */
    public List<Composite> composites() {
        return composites;
    }

    /** The composite rasters, oldest first (the array is a copy). */
    public Raster[] rasters() {
        return rasters.clone();
    }

    /** Name of the first file before its month, without a trailing {@code _MC} ({@code T32TNT}), or {@code crop}. */
    public String namePrefix() {
        String name = composites.get(0).file.getFileName().toString();
        Matcher m = MONTH.matcher(name);
        String prefix = m.find() ? name.substring(0, m.start()) : "";
        prefix = prefix.replaceAll("(?i)([_\\-. ]+MC)?[_\\-. ]*$", ""); // T32TNT_MC_ → T32TNT
        return prefix.isEmpty() ? "crop" : prefix;
    }

    @Override
    public void close() throws IOException {
        closeAll(rasters);
    }

    static void closeAll(Raster... rasters) throws IOException {
        IOException first = null;
        for (Raster r : rasters) {
            if (r instanceof Closeable c) {
                try {
                    c.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
        }
        if (first != null) throw first;
    }
}
