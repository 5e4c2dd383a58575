package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The labelled tiles of an input folder, in one of two layouts recognised by their folders:
 * (a) {@code images/NAME.tif} (one GeoTIFF per tile, the bands of {@code -bands}) with
 * {@code labels/NAME.tif} (one integer band, 0 = background/unknown, 1…255 classes) on the same
 * grid; (b) SEN12MS ({@link Sen12ms}: {@code ROIs…/s2_K/…_s2_K_pN.tif} with
 * {@code ROIs…/lc_K/…_lc_K_pN.tif}, IGBP in the first label band). Pure listing; the tiles are
 * checked when read ({@link PatchExtractor}).
 */
public final class LabelledTiles {
    public static final String IMAGES = "images";
    public static final String LABELS = "labels";

    /** How a tile's files are laid out, which decides its band names and label scheme. */
    public enum Layout {
        /** {@code images/NAME.tif} + {@code labels/NAME.tif}: bands by name or in the order of {@code -bands}. */
        IMAGES_LABELS,
        /** SEN12MS: 13 bands in the order {@link Sen12ms#S2_BANDS}, IGBP labels. */
        SEN12MS,
        /** DFC2020 (the SEN12MS layout with {@code dfc_K} label folders): labels already in the simplified scheme. */
        DFC2020
    }

    /** One image tile and its label tile (the label is the label tile's first band). */
    public record Tile(String name, Path image, Path label, Layout layout) {
        /** A tile of layout (a). */
        public Tile(String name, Path image, Path label) {
            this(name, image, label, Layout.IMAGES_LABELS);
        }

        /** The names of the image's bands by position when the file does not name them; empty when unknown. */
        public List<String> bandOrder() {
            return layout == Layout.IMAGES_LABELS ? List.of() : Sen12ms.S2_BANDS;
        }
    }

    private LabelledTiles() {
    }

    /** The tiles of {@code inputDir}, sorted by name; a folder without any, or an image without labels, is refused. */
    public static List<Tile> list(Path inputDir) throws IOException {
        Path images = inputDir.resolve(IMAGES);
        Path labels = inputDir.resolve(LABELS);
        if ((!Files.isDirectory(images) || !Files.isDirectory(labels)) && Files.isDirectory(inputDir)
                && Sen12ms.holdsPatches(inputDir)) {
            return Sen12ms.list(inputDir);
        }
        if (!Files.isDirectory(images) || !Files.isDirectory(labels)) {
            throw Ai4cException.usage("unet: --input_dir " + inputDir + " has no " + IMAGES + "/ and " + LABELS
                    + "/ folders and no SEN12MS patches; put each image tile in " + IMAGES + "/NAME.tif and its labels"
                    + " (uint8, 0 = background, 1..N classes) in " + LABELS + "/NAME.tif, or give the SEN12MS folder"
                    + " holding ROIs<season>/s2_K/ROIs<season>_s2_K_pN.tif with ROIs<season>/lc_K/ROIs<season>_lc_K_pN.tif.");
        }
        List<Tile> tiles = new ArrayList<>();
        for (Path image : tiffs(images)) {
            String file = image.getFileName().toString();
            Path label = labels.resolve(file);
            if (!Files.isRegularFile(label)) {
                throw Ai4cException.usage("unet: image tile " + image + " has no label tile " + label
                        + "; add it (same name, same grid) or move the image out of " + IMAGES + "/.");
            }
            tiles.add(new Tile(file.substring(0, file.lastIndexOf('.')), image, label));
        }
        if (tiles.isEmpty()) {
            throw Ai4cException.usage("unet: " + images + " holds no GeoTIFF (.tif) image tiles.");
        }
        return tiles;
    }

    /** The GeoTIFFs of a folder, sorted. */
    static List<Path> tiffs(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(LabelledTiles::isTiff).sorted().toList();
        }
    }

    static boolean isTiff(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff");
    }
}
