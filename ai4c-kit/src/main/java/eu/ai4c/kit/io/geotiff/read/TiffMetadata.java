package eu.ai4c.kit.io.geotiff.read;

import static eu.ai4c.kit.io.geotiff.TiffTags.*;

import eu.ai4c.kit.raster.Metadata;
import java.util.Map;

/**
 * Builds the metadata tree of a GeoTIFF product: element {@code TIFF} (tags by name, chunk
 * tables left out), {@code GeoKeys} (by key id) and {@code GDAL_METADATA} (dataset items, and one
 * {@code band_N} child per band). Stateless; thread-safe.
 */
final class TiffMetadata {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NEW_SUBFILE_TYPE, "NewSubfileType"), Map.entry(IMAGE_WIDTH, "ImageWidth"),
            Map.entry(IMAGE_LENGTH, "ImageLength"), Map.entry(BITS_PER_SAMPLE, "BitsPerSample"),
            Map.entry(COMPRESSION, "Compression"), Map.entry(PHOTOMETRIC, "PhotometricInterpretation"),
            Map.entry(IMAGE_DESCRIPTION, "ImageDescription"), Map.entry(SAMPLES_PER_PIXEL, "SamplesPerPixel"),
            Map.entry(ROWS_PER_STRIP, "RowsPerStrip"), Map.entry(PLANAR_CONFIGURATION, "PlanarConfiguration"),
            Map.entry(SOFTWARE, "Software"), Map.entry(DATE_TIME, "DateTime"), Map.entry(PREDICTOR, "Predictor"),
            Map.entry(TILE_WIDTH, "TileWidth"), Map.entry(TILE_LENGTH, "TileLength"),
            Map.entry(EXTRA_SAMPLES, "ExtraSamples"), Map.entry(SAMPLE_FORMAT, "SampleFormat"),
            Map.entry(MODEL_PIXEL_SCALE, "ModelPixelScale"), Map.entry(MODEL_TIEPOINT, "ModelTiepoint"),
            Map.entry(MODEL_TRANSFORMATION, "ModelTransformation"), Map.entry(GDAL_NODATA, "GDAL_NODATA"),
            Map.entry(315, "Artist"), Map.entry(33432, "Copyright"), Map.entry(282, "XResolution"),
            Map.entry(283, "YResolution"), Map.entry(296, "ResolutionUnit"), Map.entry(COLOR_MAP, "ColorMap"));
    /** Tags shown elsewhere or too bulky to be useful in the tree. */
    private static final java.util.Set<Integer> SKIPPED = java.util.Set.of(STRIP_OFFSETS, STRIP_BYTE_COUNTS,
            TILE_OFFSETS, TILE_BYTE_COUNTS, GEO_KEY_DIRECTORY, GEO_DOUBLE_PARAMS, GEO_ASCII_PARAMS, GDAL_METADATA);

    private TiffMetadata() {
    }

    static Metadata build(TiffDirectory dir, GeoKeys keys, GdalMetadata gdal, int bands) {
        Metadata root = new Metadata("metadata");
        Metadata tiff = root.addChild("TIFF");
        tiff.set("format", dir.isBigTiff() ? "BigTIFF" : "TIFF");
        tiff.set("byteOrder", dir.order().toString());
        dir.fields().forEach((tag, field) -> {
            if (!SKIPPED.contains(tag)) tiff.set(NAMES.getOrDefault(tag, "tag_" + tag), field.display());
        });
        if (!keys.isEmpty()) {
            Metadata geo = root.addChild("GeoKeys");
            keys.printable().forEach((k, v) -> geo.set(String.valueOf(k), v));
        }
        if (dir.field(GDAL_METADATA).isPresent()) {
            Metadata g = root.addChild("GDAL_METADATA");
            gdal.dataset().forEach(g::set);
            for (int b = 0; b < bands; b++) {
                Map<String, String> items = gdal.band(b);
                if (!items.isEmpty()) {
                    Metadata bm = g.addChild("band_" + (b + 1));
                    items.forEach(bm::set);
                }
            }
        }
        return root;
    }
}
