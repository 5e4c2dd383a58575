package eu.ai4c.spark;

import eu.ai4c.agri.composite.AcquisitionName;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Manifest lines that stand for a series of jobs over an archive, besides plain globs
 * ({@link JobManifest#expand}):
 * <ul>
 * <li><b>Consecutive pairs</b> (change detection): one option is a glob and another is
 * {@value #NEXT}, e.g. {@code input1=/data/S2*_MSIL2A_*.zip, input2=@next}. The matches are grouped
 * by what makes two acquisitions comparable, read from their Sentinel names: the MGRS tile of a
 * Sentinel-2 product ({@code _T32TQR_}), the relative orbit of a Sentinel-1 one (from the absolute
 * orbit: S1A {@code (abs − 73) mod 175 + 1}, S1B {@code (abs − 27) mod 175 + 1}; for another
 * unit its own orbits {@code abs mod 175}, so that only its own acquisitions pair), else one group;
 * each group is ordered by sensing start, and each acquisition is paired with the next one.</li>
 * <li><b>Tiles × years</b> ({@code monthlycomposite}): {@code tile=*} is every tile named in the
 * input folder's {@code REFBOA} files ({@link AcquisitionName}), and {@code season_start=2017-2019}
 * every year of the range; one job per combination.</li>
 * </ul>
 * Every job of such a line writes into the line's {@code output_dir}. Stateless.
 */
final class SeriesExpansion {
    /** The value that pairs an option with the next acquisition of its glob. */
    static final String NEXT = "@next";
    private static final Pattern STAMP = Pattern.compile("(?<![0-9])(\\d{8}T\\d{6})(?![0-9])");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final Pattern S2_TILE = Pattern.compile("_T(\\d{2}[A-Z]{3})(?=[_.])");
    private static final Pattern S1_ORBIT = Pattern.compile("^S1([A-Z])_.*?_\\d{8}T\\d{6}_\\d{8}T\\d{6}_(\\d{6})_");
    private static final Pattern YEARS = Pattern.compile("\\s*(\\d{4})\\s*-\\s*(\\d{4})\\s*");

    private SeriesExpansion() {
    }

    /** True when the line asks for consecutive pairs. */
    static boolean pairs(JobRow job) {
        return job.options().containsValue(NEXT);
    }

    /**
     * The consecutive-pair jobs of a line: the option holding {@value #NEXT} takes the acquisition
     * after the one of the globbed option, within each comparable group.
     *
     * @param matches the files of the glob, in any order
     */
    static List<Map<String, String>> consecutivePairs(Path manifest, int lineNo, Map<String, String> options,
                                                      String globbed, List<Path> matches) {
        String next = null;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!NEXT.equals(e.getValue())) continue;
            if (next != null) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + " has " + NEXT + " in '" + next
                        + "' and '" + e.getKey() + "': give it to the second input only.");
            }
            next = e.getKey();
        }
        Map<String, List<Path>> groups = new TreeMap<>();
        for (Path m : matches) groups.computeIfAbsent(group(m.getFileName().toString()), k -> new ArrayList<>()).add(m);
        List<Map<String, String>> out = new ArrayList<>();
        for (List<Path> g : groups.values()) {
            g.sort(Comparator.comparing((Path p) -> sensingStart(manifest, lineNo, p)).thenComparing(Path::toString));
            for (int i = 0; i + 1 < g.size(); i++) {
                Map<String, String> o = new java.util.LinkedHashMap<>(options);
                o.put(globbed, g.get(i).toString());
                o.put(next, g.get(i + 1).toString());
                out.add(o);
            }
        }
        if (out.isEmpty()) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": '" + globbed + "' " + options
                    .get(globbed) + " gives no two comparable acquisitions (same Sentinel-2 tile or Sentinel-1 "
                    + "relative orbit), so there is no pair to process. Check the pattern.");
        }
        return out;
    }

    /** What makes two acquisitions comparable, from the name: {@code S2 tile}, {@code S1 relative orbit} or nothing. */
    static String group(String name) {
        Matcher t = S2_TILE.matcher(name);
        if (name.startsWith("S2") && t.find()) return "S2 tile " + t.group(1);
        Matcher o = S1_ORBIT.matcher(name);
        if (o.find()) {
            int absolute = Integer.parseInt(o.group(2));
            return switch (o.group(1)) {
                case "A" -> "S1 relative orbit " + (Math.floorMod(absolute - 73, 175) + 1);
                case "B" -> "S1 relative orbit " + (Math.floorMod(absolute - 27, 175) + 1);
                default -> "S1" + o.group(1) + " orbit cycle position " + Math.floorMod(absolute, 175);
            };
        }
        return "";
    }

    private static LocalDateTime sensingStart(Path manifest, int lineNo, Path p) {
        Matcher m = STAMP.matcher(p.getFileName().toString());
        if (m.find()) return LocalDateTime.parse(m.group(1), COMPACT);
        AcquisitionName a = AcquisitionName.parse(p.getFileName().toString()).orElseThrow(() -> Ai4cException.usage(
                "Manifest " + manifest + " line " + lineNo + ": the name of " + p + " holds no acquisition date, so"
                        + " it cannot be ordered into pairs. Name the files with their sensing time (as Sentinel"
                        + " products are) or list the pairs one per line."));
        return a.date().atStartOfDay();
    }

    /** True when the line asks for every tile ({@code tile=*}) or a range of seasons ({@code season_start=A-B}). */
    static boolean tilesOrYears(JobRow job) {
        return "*".equals(job.options().get("tile")) || (job.options().containsKey("season_start")
                && YEARS.matcher(job.options().get("season_start")).matches());
    }

    /** The tile × year jobs of a {@code monthlycomposite} line. */
    static List<Map<String, String>> tilesAndYears(Path manifest, int lineNo, Map<String, String> options) {
        List<String> tiles = new ArrayList<>();
        if ("*".equals(options.get("tile"))) {
            String input = options.getOrDefault("input_dir", options.get("input-dir"));
            if (input == null) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": tile=* needs 'input_dir', whose"
                        + " REFBOA files name the tiles.");
            }
            tiles.addAll(tilesIn(manifest, lineNo, Path.of(input)));
        } else {
            tiles.add(options.get("tile"));
        }
        List<String> years = new ArrayList<>();
        String season = options.get("season_start");
        Matcher y = season == null ? null : YEARS.matcher(season);
        if (y != null && y.matches()) {
            int from = Integer.parseInt(y.group(1));
            int to = Integer.parseInt(y.group(2));
            if (to < from || to - from > 100) {
                throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": season_start " + season
                        + " is not a range of years FIRST-LAST with FIRST <= LAST (e.g. 2017-2019).");
            }
            for (int v = from; v <= to; v++) years.add(Integer.toString(v));
        } else {
            years.add(season);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (String tile : tiles) {
            for (String year : years) {
                Map<String, String> o = new java.util.LinkedHashMap<>(options);
                if (tile == null) o.remove("tile");
                else o.put("tile", tile);
                if (year == null) o.remove("season_start");
                else o.put("season_start", year);
                out.add(o);
            }
        }
        return out;
    }

    private static List<String> tilesIn(Path manifest, int lineNo, Path input) {
        Path refboa = input.resolve("REFBOA");
        if (!Files.isDirectory(refboa)) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": tile=* but " + refboa
                    + " is not a folder. Give the input_dir that holds REFBOA/ and LAI/.");
        }
        TreeSet<String> tiles = new TreeSet<>();
        try (Stream<Path> files = Files.list(refboa)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".tif"))
                    .forEach(n -> AcquisitionName.parse(n).map(AcquisitionName::tile).filter(t -> !t.isEmpty())
                            .ifPresent(tiles::add));
        } catch (IOException e) {
            throw new Ai4cException("Cannot list " + refboa + ": " + e.getMessage(), e);
        }
        if (tiles.isEmpty()) {
            throw Ai4cException.usage("Manifest " + manifest + " line " + lineNo + ": tile=* but no file in " + refboa
                    + " names a tile (T32TQR or 32TQR in the name). Give the tile explicitly.");
        }
        return List.copyOf(tiles);
    }
}
