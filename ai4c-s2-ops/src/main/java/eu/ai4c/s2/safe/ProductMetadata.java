package eu.ai4c.s2.safe;

import java.util.List;
import java.util.Map;

/**
 * What S2 processing needs from the product metadata ({@code MTD_MSIL1C.xml} /
 * {@code MTD_MSIL2A.xml}): level, processing baseline, radiometric scaling and band layout.
 * Immutable; parsed by {@link ProductMetadataParser}.
 *
 * <p>Reflectance of a band is {@code (DN + offset(band)) / quantification}, where
 * {@code offset(band)} is {@code RADIO_ADD_OFFSET} (L1C) or {@code BOA_ADD_OFFSET} (L2A) of the
 * band's {@code band_id} when the baseline is 04.00 or later, and 0 before (see
 * {@link ProcessingBaseline#hasRadiometricOffset()}).</p>
 *
 * @param level            L1C or L2A
 * @param productUri       {@code PRODUCT_URI} (the SAFE name), may be empty
 * @param baseline         {@code PROCESSING_BASELINE}
 * @param spacecraft       {@code SPACECRAFT_NAME}, e.g. {@code Sentinel-2A}
 * @param sensingStart     {@code PRODUCT_START_TIME} as written (ISO 8601 UTC)
 * @param quantification   {@code QUANTIFICATION_VALUE} (L1C) or {@code BOA_QUANTIFICATION_VALUE} (L2A)
 * @param addOffsets       the additive offset per {@code band_id} (13 entries) as written in the
 *                         metadata; all 0 when the metadata has none
 * @param noDataValue      DN of {@code SPECIAL_VALUE_TEXT NODATA} (0)
 * @param saturatedValue   DN of {@code SATURATED} (65535)
 * @param resolutions      native resolution in metres per band, from {@code Spectral_Information}
 * @param imageFiles       the {@code IMAGE_FILE} / {@code IMAGE_ID} entries (paths without extension)
 * @param imageFormat      the granule's {@code imageFormat}: {@code JPEG2000} or {@code GeoTIFF}
 * @param footprint        where the product has data: the rings of {@code Global_Footprint/EXT_POS_LIST}
 *                         as {@code lon, lat, …} (the file lists latitude first), as written (a ring
 *                         crossing the antimeridian jumps between 180 and -180); empty when absent
 */
public record ProductMetadata(S2Level level, String productUri, ProcessingBaseline baseline, String spacecraft,
                              String sensingStart, double quantification, double[] addOffsets, int noDataValue,
                              int saturatedValue, Map<S2Band, Integer> resolutions, List<String> imageFiles,
                              String imageFormat, List<double[]> footprint) {

    public ProductMetadata {
        addOffsets = addOffsets.clone();
        resolutions = Map.copyOf(resolutions);
        imageFiles = List.copyOf(imageFiles);
        footprint = footprint.stream().map(double[]::clone).toList();
    }

    /** The offset added to the DNs of {@code band} before dividing by the quantification (0 before baseline 04.00). */
    public double offset(S2Band band) {
        return baseline.hasRadiometricOffset() ? addOffsets[band.bandId()] : 0.0;
    }

    /** A copy of the offsets as written in the metadata, per {@code band_id}. */
    @Override
    public double[] addOffsets() {
        return addOffsets.clone();
    }
}
