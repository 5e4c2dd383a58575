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
 * The labelled tiles of an input folder in layout (a): {@code images/NAME.tif} (one GeoTIFF per
 * tile, the bands of {@code -bands}) with {@code labels/NAME.tif} (one integer band, 0 =
 * background/unknown, 1…255 classes) on the same grid. Pure listing; the tiles are checked when
 * read ({@link PatchExtractor}).
 */
public final class LabelledTiles {
    public static final String IMAGES = "images";
    public static final String LABELS = "labels";

    /** One image tile and its label tile. */
    public record Tile(String name, Path image, Path label) {
    }

    private LabelledTiles() {
    }

    /** The tiles of {@code inputDir}, sorted by name; a folder without any, or an image without labels, is refused. */
    public static List<Tile> list(Path inputDir) throws IOException {
        Path images = inputDir.resolve(IMAGES);
        Path labels = inputDir.resolve(LABELS);
        if (!Files.isDirectory(images) || !Files.isDirectory(labels)) {
            throw Ai4cException.usage("unet: --input_dir " + inputDir + " has no " + IMAGES + "/ and " + LABELS
                    + "/ folders; put each image tile in " + IMAGES + "/NAME.tif and its labels (uint8, 0 = background,"
                    + " 1..N classes) in " + LABELS + "/NAME.tif.");
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
