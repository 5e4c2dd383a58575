package eu.ai4c.agri.composite;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import org.apache.sis.util.Utilities;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The validated time series of a {@code monthlycomposite} run: the REFBOA and LAI GeoTIFFs of
 * {@code input_dir} (specification 3.2.3.2), filtered by tile and agronomic year, matched by
 * date (see {@link AcquisitionName} for the naming rule) and checked to share one grid.
 *
 * <p>Rules: both folders must exist ({@code REFBOA}, {@code LAI}; case-insensitive); every
 * {@code .tif}/{@code .tiff} file must have a date in its name, else the run fails naming it;
 * with {@code --tile}, files named for another tile are skipped (names without a tile are kept);
 * without it, the files must all be of one tile; dates outside the agronomic year are skipped;
 * a date with REFBOA but no LAI (or the reverse) is skipped with a warning; two files of one date
 * in a folder, or rasters of a different size, band count or map grid (CRS and geotransform) than
 * the first REFBOA file fail the run naming the file.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable after {@link #open}; the rasters allow concurrent reads. {@link #close()} closes the files.
 */
public final class CompositeInputs implements Closeable {
    /** Per-file decoded-chunk cache: enough for a few tiles of a tiled file, bounded for 2 × 70+ open files. */
    private static final long READER_CACHE_BYTES = 2L << 20;
    private static final String ALIAS = MonthlyCompositeOp.ALIAS;

    private final List<Acquisition> acquisitions;
    private final Raster reference;
    private final String tile;

    private CompositeInputs(List<Acquisition> acquisitions, Raster reference, String tile) {
        this.acquisitions = List.copyOf(acquisitions);
        this.reference = reference;
        this.tile = tile;
    }

    /**
     * Scans, matches and opens the inputs.
     *
     * @param inputDir the folder holding {@code REFBOA/} and {@code LAI/}
     * @param tile     the tile wanted ({@code 32TQR} or {@code T32TQR}), or null/empty for "the only one"
     * @param year     the agronomic year
     * @param warnings receives skipped dates
     * @throws Ai4cException naming the folder or file and the fix when the inputs do not fit
     */
    public static CompositeInputs open(Path inputDir, String tile, AgronomicYear year, WarningListener warnings)
            throws IOException {
        if (!Files.isDirectory(inputDir)) {
            throw Ai4cException.usage(ALIAS + ": --input_dir " + inputDir + " is not a folder; give the folder "
                    + "that holds the REFBOA and LAI folders.");
        }
        String wanted = tile == null || tile.isBlank() ? "" : AcquisitionName.normaliseTile(tile);
        Map<LocalDate, Path> boa = dated(folder(inputDir, "REFBOA"), wanted, year);
        Map<LocalDate, Path> lai = dated(folder(inputDir, "LAI"), wanted, year);
        String theTile = wanted.isEmpty() ? onlyTile(inputDir, boa, lai) : wanted;
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d : boa.keySet()) {
            if (lai.containsKey(d)) {
                dates.add(d);
            } else {
                warnings.warning(ALIAS + ": " + boa.get(d) + " has no LAI image of " + d + " in " + inputDir.resolve("LAI")
                        + "; the date is left out (its clouds cannot be masked).");
            }
        }
        for (LocalDate d : lai.keySet()) {
            if (!boa.containsKey(d)) {
                warnings.warning(ALIAS + ": " + lai.get(d) + " has no REFBOA image of " + d + "; the date is left out.");
            }
        }
        if (dates.isEmpty()) {
            throw new Ai4cException(ALIAS + ": " + inputDir + " has no pair of REFBOA and LAI images of the same date"
                    + (theTile.isEmpty() ? "" : " for tile " + theTile) + " in the agronomic year " + year
                    + " (REFBOA dates " + boa.keySet() + ", LAI dates " + lai.keySet() + "); check --season_start"
                    + " and --tile against the dates and tiles in the file names.");
        }
        GeoTiffReader reader = new GeoTiffReader(READER_CACHE_BYTES, warnings);
        List<Acquisition> list = new ArrayList<>();
        CompositeInputs inputs = null;
        try {
            Raster reference = null;
            for (LocalDate d : dates) {
                Path bf = boa.get(d);
                Path lf = lai.get(d);
                Raster b = open(reader, bf, list);
                Raster l = open(reader, lf, list);
                if (reference == null) reference = b;
                checkGrid(reference, boa.get(dates.get(0)), b, bf, true);
                checkGrid(reference, boa.get(dates.get(0)), l, lf, false);
                list.add(new Acquisition(d, year.monthIndex(d), bf, lf, b, l));
            }
            inputs = new CompositeInputs(list, reference, theTile);
            return inputs;
        } finally {
            if (inputs == null) closeAll(list);
        }
    }

    private static Raster open(GeoTiffReader reader, Path file, List<Acquisition> opened) throws IOException {
        try {
            Product p = reader.read(file);
            return p.raster();
        } catch (IOException | RuntimeException e) {
            closeAll(opened);
            opened.clear();
            if (e instanceof Ai4cException a) throw a;
            throw new Ai4cException(ALIAS + ": cannot read " + file + " as GeoTIFF (" + e.getMessage()
                    + "); replace or remove the file.", e);
        }
    }

    private static void checkGrid(Raster ref, Path refFile, Raster r, Path file, boolean boa) {
        String problem = null;
        if (r.width() != ref.width() || r.height() != ref.height()) {
            problem = "is " + r.width() + "x" + r.height() + " pixels, " + refFile.getFileName() + " is "
                    + ref.width() + "x" + ref.height();
        } else if (boa && r.bands().size() != ref.bands().size()) {
            problem = "has " + r.bands().size() + " bands, " + refFile.getFileName() + " has " + ref.bands().size();
        } else if (!sameGrid(ref.geoCoding(), r.geoCoding())) {
            problem = "is on another map grid (" + r.geoCoding() + ") than " + refFile.getFileName() + " ("
                    + ref.geoCoding() + ")";
        }
        if (problem != null) {
            throw new Ai4cException(ALIAS + ": " + file + " " + problem + "; all REFBOA and LAI images must share one"
                    + " grid (size, CRS, geotransform) and the REFBOA images one band count: resample it onto the"
                    + " tile grid (e.g. with S2-preprocess) or remove it.");
        }
    }

    private static boolean sameGrid(GeoCoding a, GeoCoding b) {
        if (a == null || b == null) return a == b;
        if (a instanceof MapGeoCoding ma && b instanceof MapGeoCoding mb) {
            double[] ga = ma.geoTransform();
            double[] gb = mb.geoTransform();
            double tol = 1e-6 * Math.max(Math.abs(ga[1]), Math.abs(ga[5]));
            for (int i = 0; i < 6; i++) if (Math.abs(ga[i] - gb[i]) > tol) return false;
            return Utilities.equalsIgnoreMetadata(ma.crs(), mb.crs());
        }
        return a.equals(b);
    }

    private static Path folder(Path inputDir, String name) throws IOException {
        Path exact = inputDir.resolve(name);
        if (Files.isDirectory(exact)) return exact;
        try (Stream<Path> s = Files.list(inputDir)) {
            Optional<Path> any = s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
            return any.orElseThrow(() -> new Ai4cException(ALIAS + ": " + inputDir + " has no " + name + " folder;"
                    + " --input_dir must contain the folders REFBOA (reflectance GeoTIFFs) and LAI (LAI GeoTIFFs of"
                    + " the same dates)."));
        }
    }

    /** The dated GeoTIFFs of a folder for the tile and year, keyed by date. */
    private static Map<LocalDate, Path> dated(Path folder, String tile, AgronomicYear year) throws IOException {
        Map<LocalDate, Path> byDate = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".tif") || n.endsWith(".tiff")) && !n.startsWith(".");
            }).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new Ai4cException(ALIAS + ": " + folder + " holds no GeoTIFF (.tif) images; put the "
                    + folder.getFileName() + " images of the time series there.");
        }
        for (Path f : files) {
            AcquisitionName name = AcquisitionName.parse(f.getFileName().toString()).orElseThrow(() ->
                    new Ai4cException(ALIAS + ": " + f + " has no acquisition date in its name; name the images with"
                            + " the date as YYYYMMDD or YYYY-MM-DD (e.g. T32TQR_20180105_REFBOA.tif)."));
            if (!tile.isEmpty() && !name.tile().isEmpty() && !name.tile().equals(tile)) continue;
            if (year.monthIndex(name.date()) < 0) continue;
            Path previous = byDate.put(name.date(), f);
            if (previous != null) {
                throw new Ai4cException(ALIAS + ": " + folder + " has two images of " + name.date() + " ("
                        + previous.getFileName() + ", " + f.getFileName() + "); keep one per date"
                        + (tile.isEmpty() ? " or choose the tile with --tile." : "."));
            }
        }
        return byDate;
    }

    private static String onlyTile(Path inputDir, Map<LocalDate, Path> boa, Map<LocalDate, Path> lai) {
        TreeSet<String> tiles = new TreeSet<>();
        for (Path p : boa.values()) AcquisitionName.parse(p.getFileName().toString()).ifPresent(a -> tiles.add(a.tile()));
        tiles.remove("");
        if (tiles.size() > 1) {
            throw Ai4cException.usage(ALIAS + ": " + inputDir + " holds images of several tiles " + tiles
                    + "; choose one with --tile.");
        }
        return tiles.isEmpty() ? "" : tiles.first();
    }

    private static void closeAll(List<Acquisition> list) {
        for (Acquisition a : list) {
            closeQuietly(a.boa());
            closeQuietly(a.lai());
        }
    }

    private static void closeQuietly(Raster r) {
        if (r instanceof Closeable c) {
            try {
                c.close();
            } catch (IOException ignored) {
                // read-only file: nothing to lose
            }
        }
    }

    /** The acquisitions in date order. */
    public List<Acquisition> acquisitions() {
        return acquisitions;
    }

    /** The first REFBOA raster: size, bands and grid of the outputs. */
    public Raster reference() {
        return reference;
    }

    /** The REFBOA bands. */
    public List<Band> bands() {
        return reference.bands();
    }

    /** The tile id (e.g. {@code 32TQR}), or empty when the names hold none and none was asked for. */
    public String tile() {
        return tile;
    }

    @Override
    public void close() {
        closeAll(acquisitions);
    }
}
