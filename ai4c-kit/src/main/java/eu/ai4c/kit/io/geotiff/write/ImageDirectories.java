package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.raster.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the directory of each level of a {@link TiffPlan}: baseline tags (tiled, planar
 * configuration 2 for several bands, MinIsBlack with unspecified extra samples), compression,
 * predictor, sample format, and on the full-resolution level the georeferencing and GDAL tags.
 * Overview directories are marked NewSubfileType = 1 (reduced resolution). Stateless.
 */
public final class ImageDirectories {

    private ImageDirectories() {
    }

    /**
     * The georeferencing fields of a map grid: ModelPixelScale + ModelTiepoint for north-up grids
     * (positive pixel width and height), ModelTransformation otherwise, and the GeoKeys of its CRS.
     * Empty for a raster without map geocoding.
     */
    public static List<TiffField> georeferencing(GeoCoding geoCoding) {
        List<TiffField> fields = new ArrayList<>();
        if (!(geoCoding instanceof MapGeoCoding map)) return fields;
        double[] gt = map.geoTransform();
        if (map.isNorthUp() && gt[1] > 0 && gt[5] < 0) {
            fields.add(TiffField.doubles(TiffTags.MODEL_PIXEL_SCALE, gt[1], -gt[5], 0));
            fields.add(TiffField.doubles(TiffTags.MODEL_TIEPOINT, 0, 0, 0, gt[0], gt[3], 0));
        } else {
            fields.add(TiffField.doubles(TiffTags.MODEL_TRANSFORMATION,
                    gt[1], gt[2], 0, gt[0],
                    gt[4], gt[5], 0, gt[3],
                    0, 0, 0, 0,
                    0, 0, 0, 1));
        }
        fields.addAll(CrsGeoKeys.of(map.crs()).toFields());
        return fields;
    }

    /**
     * The directory of {@code level}.
     *
     * @param extra      fields of the full-resolution level only (georeferencing, GDAL tags); ignored for overviews
     * @param offsets    tile offsets by TIFF tile index
     * @param byteCounts tile byte counts by TIFF tile index
     */
    public static TiffDirectory level(TiffPlan plan, int level, List<TiffField> extra, long[] offsets,
                                      long[] byteCounts) {
        int[] size = plan.levels().get(level);
        int bands = plan.bands().size();
        DataType type = plan.fileType();
        TiffDirectory d = new TiffDirectory(plan.bigTiff());
        if (level > 0) d.add(TiffField.longValue(TiffTags.NEW_SUBFILE_TYPE, 1));
        d.add(TiffField.longValue(TiffTags.IMAGE_WIDTH, size[0]));
        d.add(TiffField.longValue(TiffTags.IMAGE_LENGTH, size[1]));
        d.add(TiffField.shorts(TiffTags.BITS_PER_SAMPLE, repeat(8 * type.bytesPerSample(), bands)));
        d.add(TiffField.shorts(TiffTags.COMPRESSION, plan.compression()));
        d.add(TiffField.shorts(TiffTags.PHOTOMETRIC, plan.rgb() ? 2 : 1)); // RGB or MinIsBlack
        d.add(TiffField.shorts(TiffTags.SAMPLES_PER_PIXEL, bands));
        d.add(TiffField.shorts(TiffTags.PLANAR_CONFIGURATION, bands > 1 ? 2 : 1));
        if (plan.predictor() != TiffPlan.PREDICTOR_NONE) d.add(TiffField.shorts(TiffTags.PREDICTOR, plan.predictor()));
        d.add(TiffField.longValue(TiffTags.TILE_WIDTH, plan.tileSize()));
        d.add(TiffField.longValue(TiffTags.TILE_LENGTH, plan.tileSize()));
        d.add(TiffField.offsets(TiffTags.TILE_OFFSETS, offsets, plan.bigTiff()));
        d.add(TiffField.offsets(TiffTags.TILE_BYTE_COUNTS, byteCounts, plan.bigTiff()));
        int extraSamples = plan.rgb() ? 0 : bands - 1;
        if (extraSamples > 0) d.add(TiffField.shorts(TiffTags.EXTRA_SAMPLES, repeat(0, extraSamples)));
        d.add(TiffField.shorts(TiffTags.SAMPLE_FORMAT, repeat(sampleFormat(type), bands)));
        if (plan.hasNoData()) d.add(GdalTags.noData(plan.noData(), type));
        if (level == 0) d.addAll(extra);
        return d;
    }

    private static int sampleFormat(DataType type) {
        return switch (type) {
            case BYTE, UINT16 -> TiffTags.SAMPLE_FORMAT_UINT;
            case INT16, INT32 -> TiffTags.SAMPLE_FORMAT_INT;
            case FLOAT32, FLOAT64 -> TiffTags.SAMPLE_FORMAT_IEEEFP;
            case CFLOAT32 -> TiffTags.SAMPLE_FORMAT_COMPLEX_IEEEFP;
        };
    }

    private static int[] repeat(int value, int n) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }
}
