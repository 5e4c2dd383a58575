package eu.ai4c.agri.unet;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which bands of an image tile feed the network, in the model's order: by name when the tile
 * names all the wanted bands ({@code B2}, {@code B8A}, … as S2-preprocess writes them), else by
 * position when the tile has exactly as many bands as wanted (layout (a): "bands in the order of
 * {@code -bands}"); anything else is refused naming the tile, its bands and the fix. Pure functions.
 */
final class ImageBands {
    private ImageBands() {
    }

    /** Band indices of {@code image} for {@code wanted} (empty: all bands of the tile). */
    static int[] select(Raster image, List<String> wanted, Path file, String what) {
        return select(image, wanted, List.of(), file, what);
    }

    /**
     * As {@link #select(Raster, List, Path, String)} for a tile whose layout fixes its band order
     * ({@code bandOrder}, e.g. SEN12MS's 13 bands; empty when it does not): the tile must have
     * exactly those bands, and a wanted band the file does not name is taken at its position there.
     */
    static int[] select(Raster image, List<String> wanted, List<String> bandOrder, Path file, String what) {
        List<Band> bands = image.bands();
        if (!bandOrder.isEmpty() && bands.size() != bandOrder.size()) {
            throw Ai4cException.usage("unet: " + what + " " + file + " has " + bands.size() + " bands; its layout has "
                    + bandOrder.size() + " " + bandOrder + ". Give the complete patch as distributed.");
        }
        if (wanted.isEmpty()) {
            int[] all = new int[bands.size()];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return all;
        }
        int[] byName = new int[wanted.size()];
        boolean allNamed = true;
        for (int i = 0; i < wanted.size(); i++) {
            byName[i] = image.bandIndex(wanted.get(i));
            if (byName[i] < 0) allNamed = false;
        }
        if (allNamed) return byName;
        if (!bandOrder.isEmpty()) {
            boolean allKnown = true;
            for (int i = 0; i < wanted.size(); i++) {
                byName[i] = bandOrder.indexOf(wanted.get(i));
                if (byName[i] < 0) allKnown = false;
            }
            if (allKnown) return byName;
        }
        if (bands.size() == wanted.size()) {
            int[] inOrder = new int[wanted.size()];
            for (int i = 0; i < inOrder.length; i++) inOrder[i] = i;
            return inOrder;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) if (byName[i] < 0) missing.add(wanted.get(i));
        throw Ai4cException.usage("unet: " + what + " " + file + " has " + bands.size() + " bands "
                + bands.stream().map(Band::name).toList() + " but " + wanted.size() + " are wanted " + wanted
                + "; bands " + missing + " are missing. Give tiles holding exactly the bands of -bands in that order"
                + " (or named like them), or change -bands.");
    }

    /** Names for the model: {@code wanted}, or the tile's band names when none were given. */
    static List<String> names(Raster image, int[] selected, List<String> wanted) {
        return names(image, selected, wanted, List.of());
    }

    /** As {@link #names(Raster, int[], List)}; the layout's {@code bandOrder} names the bands when not empty. */
    static List<String> names(Raster image, int[] selected, List<String> wanted, List<String> bandOrder) {
        if (!wanted.isEmpty()) return List.copyOf(wanted);
        if (!bandOrder.isEmpty()) return List.copyOf(bandOrder);
        List<String> names = new ArrayList<>();
        for (int i : selected) names.add(image.bands().get(i).name());
        return names;
    }
}
