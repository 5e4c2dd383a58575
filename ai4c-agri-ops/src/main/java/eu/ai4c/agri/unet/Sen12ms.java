package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SEN12MS layout of labelled tiles (layout (b) of {@code unet}) and its label schemes.
 *
 * <p>Layout: season folders {@code ROIs<id>_<season>} (SEN12MS has {@code ROIs1158_spring},
 * {@code ROIs1868_summer}, {@code ROIs1970_fall}, {@code ROIs2017_winter}) holding one folder per
 * scene for each sensor; the Sentinel-2 patch {@code ROIs1158_spring/s2_1/ROIs1158_spring_s2_1_p30.tif}
 * (13 bands in the order {@link #S2_BANDS}, 256 × 256 px at 10 m) has its land cover in
 * {@code ROIs1158_spring/lc_1/ROIs1158_spring_lc_1_p30.tif} (4 uint8 bands: IGBP, LCCS land cover,
 * LCCS land use, LCCS surface hydrology; the first, IGBP, is the label). Season folders split by
 * sensor ({@code ROIs1158_spring_s2/s2_1/…} beside {@code ROIs1158_spring_lc/lc_1/…}) are found too.
 * {@code --input_dir} is the folder holding the season folders, or one season folder.</p>
 *
 * <p>Labels: the 17 IGBP classes (ids 1–17, {@link #IGBP}); with {@code -simplified True} the
 * 10-class scheme of the SEN12MS/IEEE GRSS Data Fusion Contest 2020 papers ({@link #SIMPLIFIED}),
 * mapped by {@link #simplified(int)}:</p>
 * <table>
 * <caption>IGBP → simplified</caption>
 * <tr><th>IGBP</th><th>simplified</th></tr>
 * <tr><td>1 Evergreen Needleleaf Forests, 2 Evergreen Broadleaf Forests, 3 Deciduous Needleleaf Forests,
 * 4 Deciduous Broadleaf Forests, 5 Mixed Forests</td><td>1 Forest</td></tr>
 * <tr><td>6 Closed (Dense) Shrublands, 7 Open (Sparse) Shrublands</td><td>2 Shrubland</td></tr>
 * <tr><td>8 Woody Savannas, 9 Savannas</td><td>3 Savanna</td></tr>
 * <tr><td>10 Grasslands</td><td>4 Grassland</td></tr>
 * <tr><td>11 Permanent Wetlands</td><td>5 Wetlands</td></tr>
 * <tr><td>12 Croplands, 14 Cropland/Natural Vegetation Mosaics</td><td>6 Croplands</td></tr>
 * <tr><td>13 Urban and Built-Up Lands</td><td>7 Urban/Built-up</td></tr>
 * <tr><td>15 Permanent Snow and Ice</td><td>8 Snow/Ice</td></tr>
 * <tr><td>16 Barren</td><td>9 Barren</td></tr>
 * <tr><td>17 Water Bodies</td><td>10 Water</td></tr>
 * </table>
 * 0 (no label) stays 0 (background).
 *
 * <p>DFC2020 (the IEEE GRSS Data Fusion Contest 2020 data: {@code ROIs0000_validation},
 * {@code ROIs0000_test}) has the same layout with {@code dfc_K/…_dfc_K_pN.tif} label patches,
 * whose first band already holds the simplified classes 1–10; a Sentinel-2 patch without an
 * {@code lc_K} patch but with a {@code dfc_K} one is labelled by it ({@link LabelledTiles.Layout#DFC2020}).
 * Stateless.</p>
 */
public final class Sen12ms {
    /** The bands of a SEN12MS Sentinel-2 patch, in file order. */
    public static final List<String> S2_BANDS = List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9",
            "B10", "B11", "B12");
    /** IGBP class names, index = id − 1. */
    public static final List<String> IGBP = List.of("Evergreen Needleleaf Forests", "Evergreen Broadleaf Forests",
            "Deciduous Needleleaf Forests", "Deciduous Broadleaf Forests", "Mixed Forests", "Closed (Dense) Shrublands",
            "Open (Sparse) Shrublands", "Woody Savannas", "Savannas", "Grasslands", "Permanent Wetlands", "Croplands",
            "Urban and Built-Up Lands", "Cropland/Natural Vegetation Mosaics", "Permanent Snow and Ice", "Barren",
            "Water Bodies");
    /** Simplified class names, index = id − 1. */
    public static final List<String> SIMPLIFIED = List.of("Forest", "Shrubland", "Savanna", "Grassland", "Wetlands",
            "Croplands", "Urban/Built-up", "Snow/Ice", "Barren", "Water");
    /** Simplified id of each IGBP id 0–17 (the table of the class comment). */
    private static final int[] IGBP_TO_SIMPLIFIED = {0, 1, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 6, 8, 9, 10};
    /** {@code ROIs1158_spring_s2_1_p30.tif}: season, scene, patch. */
    private static final Pattern S2_FILE = Pattern.compile("(ROIs\\d+_[A-Za-z]+)_s2_(\\d+)_p(\\d+)\\.tif");
    /** Season folder, scene folder, file: the deepest a patch lies below {@code --input_dir}. */
    private static final int DEPTH = 3;

    private Sen12ms() {
    }

    /** The simplified class of an IGBP id 0–17. */
    public static int simplified(int igbp) {
        if (igbp < 0 || igbp >= IGBP_TO_SIMPLIFIED.length) {
            throw new IllegalArgumentException("IGBP class ids are 1-17 (0 = no label): " + igbp);
        }
        return IGBP_TO_SIMPLIFIED[igbp];
    }

    /**
     * The label translation of a scheme for all 256 uint8 values: identity for IGBP, the simplified
     * class for IGBP ids 0–17 with {@code simplified}; −1 for values that are no IGBP id.
     */
    static int[] labelMap(boolean simplified) {
        int[] map = new int[256];
        for (int v = 0; v < 256; v++) map[v] = v < IGBP_TO_SIMPLIFIED.length ? (simplified ? simplified(v) : v) : -1;
        return map;
    }

    /** The label translation of DFC2020 labels: 0–10 kept, every other value −1 (not a DFC2020 class). */
    static int[] dfcLabelMap() {
        int[] map = new int[256];
        for (int v = 0; v < 256; v++) map[v] = v <= SIMPLIFIED.size() ? v : -1;
        return map;
    }

    /** The class names of a layout's labels: IGBP, or the simplified scheme with {@code simplified} or for DFC2020. */
    static ClassNames classNames(LabelledTiles.Layout layout, boolean simplified) {
        return switch (layout) {
            case SEN12MS -> ClassNames.ofList(simplified ? SIMPLIFIED : IGBP);
            case DFC2020 -> ClassNames.ofList(SIMPLIFIED);
            case IMAGES_LABELS -> ClassNames.NONE;
        };
    }

    /** Whether {@code folder} holds SEN12MS Sentinel-2 patches (in season/scene folders or below). */
    static boolean holdsPatches(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder, DEPTH)) {
            return s.anyMatch(p -> isS2Patch(p));
        }
    }

    /**
     * The Sentinel-2 patches below {@code root} with their land-cover patches, sorted by file name.
     * A patch without land cover is refused naming both files.
     */
    static List<LabelledTiles.Tile> list(Path root) throws IOException {
        List<Path> patches = s2Patches(root);
        List<LabelledTiles.Tile> tiles = new ArrayList<>();
        for (Path s2 : patches) {
            String file = s2.getFileName().toString();
            Matcher m = S2_FILE.matcher(file);
            if (!m.matches()) throw new IllegalStateException(file);
            String season = m.group(1);
            String lcFolder = "lc_" + m.group(2);
            String lcFile = season + "_lc_" + m.group(2) + "_p" + m.group(3) + ".tif";
            Path seasonFolder = s2.getParent().getParent();
            Path label = seasonFolder.resolve(lcFolder).resolve(lcFile);
            boolean split = seasonFolder.getFileName().toString().equals(season + "_s2");
            if (!Files.isRegularFile(label) && split) {
                label = seasonFolder.resolveSibling(season + "_lc").resolve(lcFolder).resolve(lcFile);
            }
            LabelledTiles.Layout layout = LabelledTiles.Layout.SEN12MS;
            if (!Files.isRegularFile(label)) {
                String dfcFolder = "dfc_" + m.group(2);
                String dfcFile = season + "_dfc_" + m.group(2) + "_p" + m.group(3) + ".tif";
                Path dfc = (split ? seasonFolder.resolveSibling(season + "_dfc") : seasonFolder).resolve(dfcFolder)
                        .resolve(dfcFile);
                if (Files.isRegularFile(dfc)) {
                    label = dfc;
                    layout = LabelledTiles.Layout.DFC2020;
                }
            }
            if (!Files.isRegularFile(label)) {
                throw Ai4cException.usage("unet: SEN12MS Sentinel-2 patch " + s2 + " has no land-cover patch " + label
                        + " (nor a DFC2020 dfc_" + m.group(2) + " patch); add the season's lc_" + m.group(2)
                        + " folder, or move the patch out of --input_dir.");
            }
            tiles.add(new LabelledTiles.Tile(file.substring(0, file.length() - 4), s2, label, layout));
        }
        return tiles;
    }

    /** The Sentinel-2 patches below {@code root}, sorted by file name (the image tiles of predict). */
    static List<Path> s2Patches(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root, DEPTH)) {
            return s.filter(Sen12ms::isS2Patch).sorted((a, b) -> a.getFileName().compareTo(b.getFileName())).toList();
        }
    }

    /** {@link #S2_BANDS} for a file named as a SEN12MS Sentinel-2 patch, else empty (bands unknown by position). */
    static List<String> bandOrderOf(Path image) {
        return S2_FILE.matcher(image.getFileName().toString()).matches() ? S2_BANDS : List.of();
    }

    private static boolean isS2Patch(Path p) {
        Path parent = p.getParent();
        return parent != null && S2_FILE.matcher(p.getFileName().toString()).matches()
                && parent.getFileName().toString().matches("s2_\\d+") && Files.isRegularFile(p);
    }
}
