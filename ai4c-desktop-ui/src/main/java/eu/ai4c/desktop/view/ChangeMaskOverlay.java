package eu.ai4c.desktop.view;

import eu.ai4c.kit.io.ProductIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The binary change mask of an S1-CD result drawn over its images: for a file named
 * {@code <name>.tif}, {@code <name>_ACD.tif}, {@code <name>_MTC.tif} or
 * {@code <name>_coherence.tif}, the mask is {@code <name>_change_mask.tif} beside it (same grid).
 * Changed pixels (value 1) are blended with {@link #COLOUR}; no change (0) and no-data (255) leave the
 * image as it is. Immutable; {@link #blend} is a pure kernel.
 */
public final class ChangeMaskOverlay {
    /** Overlay colour, opaque yellow, blended at {@link #OPACITY}. */
    public static final int COLOUR = 0xFFFFD000;
    public static final double OPACITY = 0.6;
    private static final String[] SUFFIXES = {"_ACD", "_MTC", "_coherence", ""};

    private final Path mask;

    private ChangeMaskOverlay(Path mask) {
        this.mask = mask;
    }

    /** The mask of the S1-CD result {@code file} belongs to, when it exists. */
    public static Optional<ChangeMaskOverlay> find(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        if (base.endsWith("_change_mask")) return Optional.empty();
        for (String suffix : SUFFIXES) {
            if (!base.endsWith(suffix)) continue;
            Path m = file.toAbsolutePath().resolveSibling(base.substring(0, base.length() - suffix.length()) + "_change_mask.tif");
            if (Files.isRegularFile(m)) return Optional.of(new ChangeMaskOverlay(m));
        }
        return Optional.empty();
    }

    public Path file() {
        return mask;
    }

    /** The mask's overview of at most {@code maxSize} pixels, as the image's overviews are made. */
    Overview overview(int maxSize) throws IOException {
        return OverviewReader.read(ProductIO.read(mask).raster(), 0, maxSize);
    }

    /** Blends {@link #COLOUR} into {@code argb} where {@code mask} is 1; the arrays have one entry per pixel. */
    public static void blend(float[] mask, int[] argb) {
        int cr = COLOUR >> 16 & 255, cg = COLOUR >> 8 & 255, cb = COLOUR & 255;
        for (int i = 0; i < argb.length; i++) {
            if (mask[i] != 1f) continue;
            int p = argb[i];
            int r = (int) Math.round((p >> 16 & 255) * (1 - OPACITY) + cr * OPACITY);
            int g = (int) Math.round((p >> 8 & 255) * (1 - OPACITY) + cg * OPACITY);
            int b = (int) Math.round((p & 255) * (1 - OPACITY) + cb * OPACITY);
            argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
    }
}
