package eu.ai4c.agri.timesen2crop;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads the TimeSen2Crop folder layout (specification section 3.2.2, figure 9):
 * {@code <root>/<tile>/dates.csv} lists the acquisition dates ({@code YYYYMMDD} or
 * {@code YYYY-MM-DD}, one a line), and {@code <root>/<tile>/<class id 0–15>/<sample>.csv} holds one
 * row per date with the columns B2, B3, B4, B5, B6, B7, B8A, B11, B12 (surface reflectance × 10000)
 * and the pixel condition (0 clear, 1 cloud, 2 shadow, 3 snow).
 *
 * <p>Tolerated: a header row in any .csv, blank lines, spaces around values, comma, semicolon or
 * whitespace separators, a first column of dates.csv before the date (an index). Refused, with the
 * file, line, problem and fix: a wrong column count, a non-numeric value, a condition outside 0–3,
 * a sample with another number of rows than dates.csv has dates, a class folder that is not 0–15.
 * Files at tile level other than dates.csv, non-.csv files in class folders and hidden entries
 * (names starting with a dot) are ignored.
 * Samples of a tile are read in parallel. Stateless and thread-safe.</p>
 */
public final class TimeSen2CropReader {
    /** The nine Sentinel-2 bands of every sample, in column order. */
    public static final List<String> BANDS = List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8A", "B11", "B12");
    /** Columns of a sample row: the bands and the pixel condition. */
    public static final int COLUMNS = 10;
    /** The dates file in each tile folder. */
    public static final String DATES_FILE = "dates.csv";

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    /** Comma, semicolon or whitespace separators, with spaces around them. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;\\s]\\s*");

    private TimeSen2CropReader() {
    }

    /** The tile folders under {@code root} (those holding a dates.csv), sorted by name. */
    public static List<String> tiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw Ai4cException.usage(root + ": no such folder. Give --input_dir the TimeSen2Crop root folder"
                    + " (the one holding the tile folders such as 33UVP).");
        }
        try (Stream<Path> s = Files.list(root)) {
            List<String> tiles = s.filter(p -> Files.isRegularFile(p.resolve(DATES_FILE)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            if (tiles.isEmpty()) {
                throw Ai4cException.usage(root + ": no tile folder with a " + DATES_FILE + " found. Give --input_dir"
                        + " the TimeSen2Crop root folder (<root>/<tile>/dates.csv, <root>/<tile>/<class>/<sample>.csv).");
            }
            return tiles;
        } catch (IOException e) {
            throw new Ai4cException(root + ": cannot list the folder (" + e.getMessage() + ").", e);
        }
    }

    /** Reads the acquisition dates of {@code <root>/<tile>/dates.csv}, in file order. */
    public static List<LocalDate> readDates(Path datesFile) {
        List<String> lines = lines(datesFile);
        List<LocalDate> dates = new ArrayList<>();
        boolean seenData = false;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty()) continue;
            String[] fields = split(line);
            String token = fields[fields.length - 1];
            LocalDate date = parseDate(token);
            if (date == null) {
                if (!seenData) {
                    seenData = true; // a header row
                    continue;
                }
                throw new Ai4cException(datesFile + ", line " + (ln + 1) + ": \"" + token + "\" is not a date."
                        + " Write one acquisition date a line as YYYYMMDD or YYYY-MM-DD.");
            }
            seenData = true;
            dates.add(date);
        }
        if (dates.isEmpty()) {
            throw new Ai4cException(datesFile + ": no acquisition dates. List one date a line (YYYYMMDD).");
        }
        return dates;
    }

    /** Reads all samples of one tile (class folders 0–15, samples sorted by file name). */
    public static TileSamples readTile(Path root, String tile) {
        Path dir = root.resolve(tile);
        Path datesFile = dir.resolve(DATES_FILE);
        if (!Files.isRegularFile(datesFile)) {
            throw Ai4cException.usage(dir + ": no " + DATES_FILE + " here, so it is not a TimeSen2Crop tile folder."
                    + " Check the tile name given to --tiles (tiles found: " + tilesOrNone(root) + ").");
        }
        List<LocalDate> dates = readDates(datesFile);
        List<Path> files = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Path classDir : sortedChildren(dir)) {
            if (!Files.isDirectory(classDir)) continue;
            int id = classId(classDir);
            for (Path f : sortedChildren(classDir)) {
                if (Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    files.add(f);
                    classes.add(id);
                }
            }
        }
        int n = files.size(), ts = dates.size(), b = BANDS.size();
        float[] values = new float[n * ts * b];
        byte[] conditions = new byte[n * ts];
        int[] labels = new int[n];
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            labels[i] = classes.get(i);
            names.add(labels[i] + "/" + files.get(i).getFileName());
        }
        IntStream.range(0, n).parallel().forEach(i -> readSample(files.get(i), ts, values, conditions, i));
        return new TileSamples(tile, dates, values, conditions, labels, names);
    }

    /**
     * Reads one sample file into {@code values}/{@code conditions} at sample index {@code i}
     * ({@code ts} rows expected).
     */
    static void readSample(Path file, int ts, float[] values, byte[] conditions, int i) {
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Ai4cException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
        SampleCsv.parse(text, file, ts, values, conditions, i);
    }

    private static int classId(Path classDir) {
        String name = classDir.getFileName().toString();
        int id;
        try {
            id = Integer.parseInt(name);
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (id < 0 || id >= CropClass.COUNT) {
            throw new Ai4cException(classDir + ": class folder \"" + name + "\" is not a TimeSen2Crop class id."
                    + " Class folders are named 0 to 15 (table 8); rename or move the folder.");
        }
        return id;
    }

    private static LocalDate parseDate(String token) {
        try {
            return token.indexOf('-') > 0 ? LocalDate.parse(token) : LocalDate.parse(token, BASIC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String[] split(String line) {
        return SEPARATOR.split(line);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Ai4cException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** Visible children sorted by name, numerically when both names are numbers (2 before 10). */
    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")) // hidden: .DS_Store, partial copies
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString(), TimeSen2CropReader::compareNames))
                    .toList();
        } catch (IOException e) {
            throw new Ai4cException(dir + ": cannot list the folder (" + e.getMessage() + ").", e);
        }
    }

    private static int compareNames(String a, String b) {
        String sa = a.endsWith(".csv") ? a.substring(0, a.length() - 4) : a;
        String sb = b.endsWith(".csv") ? b.substring(0, b.length() - 4) : b;
        if (sa.matches("\\d{1,18}") && sb.matches("\\d{1,18}")) return Long.compare(Long.parseLong(sa), Long.parseLong(sb));
        return a.compareTo(b);
    }

    private static String tilesOrNone(Path root) {
        try {
            return String.join(", ", tiles(root));
        } catch (Ai4cException e) {
            return "none";
        }
    }
}
