package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * The Sentinel-2 model of a product, attached to the kit {@link eu.ai4c.kit.raster.Product} read
 * by {@link S2ProductReader} ({@code product.attachment(S2Product.class)}): each spectral band and
 * mask on its own native grid (10/20/60 m), with the radiometric scaling, so that S2 operators
 * resample from the native data instead of from the product's common-grid raster. Immutable
 * (images open lazily, see {@link BandImage}).
 *
 * @param name             product name (SAFE name without extension, or the folder name)
 * @param level            L1C or L2A
 * @param baseline         processing baseline (decides whether {@code offsets} apply)
 * @param quantification   DN per unit reflectance
 * @param offsets          additive offset per {@code bandId}, as in the metadata (applied only
 *                         when the baseline is 04.00 or later, see {@link #offset(S2Band)})
 * @param noDataValue      the NODATA DN (0)
 * @param tileName         MGRS tile, e.g. {@code T33XWJ}; empty when unknown
 * @param crs              the CRS of the band grids (easting first)
 * @param bands            the spectral bands present
 * @param scl              L2A scene classification (20 m), if present
 * @param cloudClassification L1C {@code MSK_CLASSI_B00} (60 m; components opaque, cirrus, snow), baseline 04.00+
 * @param cloudProbability {@code MSK_CLDPRB_20m} (percent), if present
 * @param gmlClouds        the L1C vector cloud mask before baseline 04.00, if present
 * @param productMetadata  the parsed product metadata (SAFE only)
 * @param tileMetadata     the parsed tile metadata (SAFE only)
 * @param location         the file or folder read
 */
public record S2Product(String name, S2Level level, ProcessingBaseline baseline, double quantification,
                        double[] offsets, int noDataValue, String tileName, CoordinateReferenceSystem crs,
                        Map<S2Band, BandImage> bands, Optional<BandImage> scl, Optional<BandImage> cloudClassification,
                        Optional<BandImage> cloudProbability, Optional<GmlCloudMask> gmlClouds,
                        Optional<ProductMetadata> productMetadata, Optional<TileMetadata> tileMetadata, Path location) {

    public S2Product {
        offsets = offsets.clone();
        bands = Map.copyOf(bands);
    }

    /** The offset to add to the DNs of {@code band}: the metadata's from baseline 04.00 on, else 0. */
    public double offset(S2Band band) {
        return baseline.hasRadiometricOffset() ? offsets[band.bandId()] : 0.0;
    }

    @Override
    public double[] offsets() {
        return offsets.clone();
    }

    /**
     * The image of a band.
     *
     * @throws Ai4cException (usage error) naming the product, the band and the bands it has
     */
    public BandImage band(S2Band band) {
        BandImage b = bands.get(band);
        if (b == null) {
            throw Ai4cException.usage("Product " + name + " (" + location + ") has no band " + band + "; it has "
                    + bands.keySet().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))
                    + ". Choose --bands among those.");
        }
        return b;
    }
}
