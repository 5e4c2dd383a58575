package eu.ai4c.cd.cva;

import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.s2.preprocess.S2PreprocessDescriptor;
import eu.ai4c.s2.preprocess.S2PreprocessOperator;
import eu.ai4c.s2.safe.BandImage;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Product;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The L2A scene classification (SCL) on the grid of the pre-processed bands, and the invariance
 * rule of the radiometric normalisation. The SCL image is passed through {@link S2PreprocessOperator}
 * in place of band B1 (offset 0, quantification 1, nearest-neighbour resampling, first-pixel
 * aggregation, no cloud mask), so it follows exactly the grid, reprojection and area of interest
 * of the spectral bands; values are the SCL classes as floats, NaN where SCL is 0 (no data).
 * Stateless.
 */
final class SceneClassification {
    /** SCL classes never invariant: no data, saturated, cloud shadow, water, cloud medium/high, cirrus, snow. */
    private static final boolean[] EXCLUDED = new boolean[256];

    static {
        for (int c : new int[] {0, 1, 3, 6, 8, 9, 10, 11}) EXCLUDED[c] = true;
    }

    private SceneClassification() {
    }

    /** The SCL of {@code input} on the pre-processing grid of {@code pre}, or empty when it has none. */
    static Optional<Raster> onGrid(Product input, S2Product s2, Map<String, String> pre, ProcessingContext context)
            throws IOException {
        if (s2.scl().isEmpty()) return Optional.empty();
        BandImage scl = s2.scl().get();
        Map<S2Band, BandImage> bands = new EnumMap<>(S2Band.class);
        bands.putAll(s2.bands());
        bands.put(S2Band.B1, scl);
        double[] offsets = s2.offsets();
        offsets[S2Band.B1.bandId()] = 0;
        S2Product carrier = new S2Product(s2.name(), s2.level(), s2.baseline(), 1, offsets, 0, s2.tileName(), s2.crs(),
                bands, s2.scl(), s2.cloudClassification(), s2.cloudProbability(), s2.gmlClouds(), s2.productMetadata(),
                s2.tileMetadata(), s2.location());
        Map<String, String> p = new LinkedHashMap<>(pre);
        p.put("bands", "B1");
        p.put("cloudmask", "None");
        p.put("upsampling", "Nearest");
        p.put("downsampling", "First");
        ParameterValues values = S2PreprocessDescriptor.DESCRIPTOR.validate(p);
        Product product = input.withAttachment(S2Product.class, carrier);
        return Optional.of(new S2PreprocessOperator().apply(Map.of("input", product), values, context).raster());
    }

    /**
     * Whether a pixel may serve as invariant: both classes known, equal, and none of cloud, cloud
     * shadow, cirrus, snow, water, saturated or no data.
     */
    static boolean invariant(float scl1, float scl2) {
        if (Float.isNaN(scl1) || scl1 != scl2) return false;
        int c = (int) scl1;
        return c >= 0 && c < 256 && !EXCLUDED[c];
    }
}
