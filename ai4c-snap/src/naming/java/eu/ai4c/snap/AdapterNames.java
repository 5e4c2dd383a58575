package eu.ai4c.snap;

import eu.ai4c.kit.op.MenuPaths;

import eu.ai4c.kit.op.ParameterType;
import java.io.File;
import java.util.Locale;

/**
 * How an engine operator is named and placed in SNAP: the GPF alias ({@code S1-GRD-preprocess} →
 * {@code AI4C-S1-GRD-Preprocess}), the adapter class, the GPF category and menu folder, the
 * help id, and the Java field type of each parameter kind. One place, read by the adapters, the
 * layer, the help pages and the tests. Stateless.
 */
public final class AdapterNames {
    /** Prefix of every AI4C operator alias in SNAP (avoids clashes with toolbox aliases such as Warp). */
    public static final String PREFIX = "AI4C-";
    /** Sub-menu of Menu/Radar and Menu/Optical holding the AI4C operators. */
    public static final String SUBMENU = "AI4Copernicus";
    /** Name of the output-folder parameter every file-operator adapter declares. */
    public static final String OUTPUT_DIR = "outputDir";
    /** Band of a file operator's summary target: the number of files written. */
    public static final String SUMMARY_BAND = "files_written";
    /** Metadata element of a file operator's summary target: the output folder and the files written. */
    public static final String SUMMARY_ELEMENT = "AI4C_Output";

    private AdapterNames() {
    }

    /** {@code S1-GRD-preprocess} → {@code AI4C-S1-GRD-Preprocess}: each dash-separated word capitalised. */
    public static String snapAlias(String engineAlias) {
        StringBuilder sb = new StringBuilder(PREFIX);
        String[] words = engineAlias.split("-");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(capitalise(words[i]));
        }
        return sb.toString();
    }

    /** {@code S1-GRD-preprocess} → {@code Ai4cS1GrdPreprocessOp}. */
    public static String className(String engineAlias) {
        StringBuilder sb = new StringBuilder("Ai4c");
        for (String w : engineAlias.split("[-_ ]")) {
            if (w.isEmpty()) continue;
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.append("Op").toString();
    }

    /**
     * GPF category (also the menu folder under {@code Menu/}): Radar and Optical operators go to
     * their AI4Copernicus sub-menu, raster operators keep their Raster sub-menu
     * ({@code Raster/Change Detection}, {@code Raster/Geometric}).
     */
    public static String snapCategory(String engineCategory) {
        return MenuPaths.forCategory(engineCategory);
    }

    /** JavaHelp id of the operator's page (the map.jhm target and the action's helpId). */
    public static String helpId(String engineAlias) {
        return snapAlias(engineAlias);
    }

    /** Java type of a {@code @Parameter} field for a parameter kind (boxed, so "no value" is null). */
    public static Class<?> javaType(ParameterType type) {
        return switch (type) {
            case STRING, CHOICE, GEOMETRY, PROJECTION -> String.class;
            case INTEGER -> Integer.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case STRING_LIST -> String[].class;
            case DOUBLE_LIST -> double[].class;
            case PATH -> File.class;
        };
    }

    private static String capitalise(String word) {
        if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT))) return word;
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
