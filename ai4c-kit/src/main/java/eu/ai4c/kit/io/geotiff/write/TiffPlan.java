package eu.ai4c.kit.io.geotiff.write;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.tile.TileGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything decided before the first byte is written: sample type of the file, tiling,
 * compression and predictor codes, classic or BigTIFF, the no-data value and the sizes of the
 * overview levels. Immutable.
 *
 * @param width          image width in pixels
 * @param height         image height in pixels
 * @param bands          the product's bands (names, no-data, units)
 * @param fileType       the one sample type of the file (bands of other types are converted)
 * @param tileSize       tile width and height
 * @param compression    TIFF compression code (1, 5 or 8)
 * @param predictor      TIFF predictor code (1, 2 or 3)
 * @param deflateLevel   DEFLATE level 1..9
 * @param bigTiff        BigTIFF (64-bit offsets) rather than classic TIFF
 * @param cog            Cloud Optimized GeoTIFF layout with overviews
 * @param averageOverviews overviews by 2×2 mean (else nearest: upper-left pixel)
 * @param hasNoData      whether GDAL_NODATA is written
 * @param noData         the no-data value of the file (the first band's)
 * @param levels         {width, height} of level 0 (full resolution) and of each overview
 */
public record TiffPlan(int width, int height, List<Band> bands, DataType fileType, int tileSize, int compression,
                       int predictor, int deflateLevel, boolean bigTiff, boolean cog, boolean averageOverviews,
                       boolean hasNoData, double noData, List<int[]> levels) {

    /**
     * True for a colour image: three byte bands named {@code red}, {@code green}, {@code blue} (in
     * that order, any case), written with PhotometricInterpretation RGB so that GDAL, QGIS and image
     * viewers show it in colour.
     */
    public boolean rgb() {
        return fileType == DataType.BYTE && bands.size() == 3 && bands.get(0).name().equalsIgnoreCase("red")
                && bands.get(1).name().equalsIgnoreCase("green") && bands.get(2).name().equalsIgnoreCase("blue");
    }

    public static final int NONE = TiffTags.COMPRESSION_NONE, LZW = TiffTags.COMPRESSION_LZW,
            DEFLATE = TiffTags.COMPRESSION_DEFLATE;
    public static final int PREDICTOR_NONE = TiffTags.PREDICTOR_NONE,
            PREDICTOR_HORIZONTAL = TiffTags.PREDICTOR_HORIZONTAL,
            PREDICTOR_FLOATING_POINT = TiffTags.PREDICTOR_FLOATING_POINT;

    /** Largest classic TIFF file, with a margin for the directories. */
    private static final long CLASSIC_LIMIT = 0xFFFF_FFFFL - (64L << 20);

    /**
     * Decides the layout of {@code raster} written with {@code options}.
     *
     * @param target   the output, for messages
     * @param warnings receives conversions the user should know about
     * @throws Ai4cException (usage) when an option does not fit the data, e.g. a floating-point predictor on integers
     */
    public static TiffPlan of(Raster raster, GeoTiffWriteOptions options, String target, WarningListener warnings) {
        List<Band> bands = raster.bands();
        if (bands.isEmpty()) {
            throw new Ai4cException("Cannot write " + target + ": the product has no bands to write.");
        }
        if (raster.width() <= 0 || raster.height() <= 0) {
            throw new Ai4cException("Cannot write " + target + ": the raster is empty (" + raster.width() + "x"
                    + raster.height() + ").");
        }
        DataType type = commonType(bands);
        if (bands.stream().anyMatch(b -> b.type() != type)) {
            warnings.warning(target + ": bands of different sample types are all written as " + type
                    + " (a GeoTIFF has one sample type).");
        }
        Band first = bands.get(0);
        for (Band b : bands) {
            if (b.hasNoData() != first.hasNoData() || (b.hasNoData() && Double.compare(b.noData(), first.noData()) != 0)) {
                warnings.warning(target + ": GeoTIFF has one no-data value for all bands; band " + b.name()
                        + " gets that of band " + first.name() + ".");
                break;
            }
        }
        int compression = switch (options.compression()) {
            case NONE -> NONE;
            case LZW -> LZW;
            case DEFLATE -> DEFLATE;
        };
        int predictor = predictor(options.predictor(), type, compression);
        int tile = options.tileSize();
        List<int[]> levels = new ArrayList<>();
        levels.add(new int[] {raster.width(), raster.height()});
        if (options.cog()) {
            int w = raster.width(), h = raster.height();
            while (Math.max(w, h) > tile) {
                w = (w + 1) / 2;
                h = (h + 1) / 2;
                levels.add(new int[] {w, h});
            }
        }
        boolean average = switch (options.overviewResampling()) {
            case AVERAGE -> true;
            case NEAREST -> false;
            case AUTO -> type != DataType.BYTE;
        };
        TiffPlan plan = new TiffPlan(raster.width(), raster.height(), List.copyOf(bands), type, tile, compression,
                predictor, options.deflateLevel(), false, options.cog(), average, first.hasNoData(),
                first.noData(), List.copyOf(levels));
        boolean big = options.forceBigTiff() || plan.estimatedBytes() > CLASSIC_LIMIT;
        return big ? plan.withBigTiff() : plan;
    }

    private TiffPlan withBigTiff() {
        return new TiffPlan(width, height, bands, fileType, tileSize, compression, predictor, deflateLevel, true, cog,
                averageOverviews, hasNoData, noData, levels);
    }

    /** Upper estimate of the file size: padded tiles of all levels, with LZW's worst-case growth. */
    public long estimatedBytes() {
        long bytes = 0;
        for (int level = 0; level < levels.size(); level++) {
            bytes += (long) grid(level).tileCount() * tileSize * tileSize * fileType.bytesPerSample() * bands.size();
        }
        double growth = compression == LZW ? 1.5 : compression == DEFLATE ? 1.01 : 1.0;
        return (long) (bytes * growth) + (1L << 20);
    }

    /** The tile grid of a level. */
    public TileGrid grid(int level) {
        int[] size = levels.get(level);
        return new TileGrid(size[0], size[1], tileSize, tileSize);
    }

    /** Tiles of one level, all bands (PlanarConfiguration 2: band after band). */
    public int tileCount(int level) {
        return grid(level).tileCount() * bands.size();
    }

    /** TIFF tile index of tile (col, row) of {@code band}: planes band after band, rows top-down. */
    public int tileIndex(int level, int band, int col, int row) {
        TileGrid g = grid(level);
        return (band * g.tilesDown() + row) * g.tilesAcross() + col;
    }

    private static int predictor(GeoTiffWriteOptions.Predictor asked, DataType type, int compression) {
        boolean integer = !type.isFloating();
        boolean real = type == DataType.FLOAT32 || type == DataType.FLOAT64;
        return switch (asked) {
            case NONE -> PREDICTOR_NONE;
            case AUTO -> compression == NONE ? PREDICTOR_NONE
                    : integer ? PREDICTOR_HORIZONTAL : real ? PREDICTOR_FLOATING_POINT : PREDICTOR_NONE;
            case HORIZONTAL -> {
                if (!integer) {
                    throw Ai4cException.usage("GeoTIFF predictor HORIZONTAL applies to integer bands, not " + type
                            + ": use FLOATING_POINT (float32/float64), NONE or AUTO.");
                }
                yield PREDICTOR_HORIZONTAL;
            }
            case FLOATING_POINT -> {
                if (!real) {
                    throw Ai4cException.usage("GeoTIFF predictor FLOATING_POINT applies to float32/float64 bands, not "
                            + type + ": use HORIZONTAL (integers), NONE or AUTO.");
                }
                yield PREDICTOR_FLOATING_POINT;
            }
        };
    }

    /**
     * The smallest type that holds every band's values: complex if any band is, then float64 when
     * int32 or float64 meets a floating type, float32 for float32 with ≤16-bit integers, int32 for
     * mixed signed/unsigned 16-bit.
     */
    static DataType commonType(List<Band> bands) {
        DataType t = bands.get(0).type();
        for (Band b : bands) t = widen(t, b.type());
        return t;
    }

    private static DataType widen(DataType a, DataType b) {
        if (a == b) return a;
        if (a == DataType.CFLOAT32 || b == DataType.CFLOAT32) return DataType.CFLOAT32;
        if (a == DataType.FLOAT64 || b == DataType.FLOAT64) return DataType.FLOAT64;
        if (a == DataType.FLOAT32 || b == DataType.FLOAT32) {
            DataType other = a == DataType.FLOAT32 ? b : a;
            return other == DataType.INT32 ? DataType.FLOAT64 : DataType.FLOAT32;
        }
        if (a == DataType.INT32 || b == DataType.INT32) return DataType.INT32;
        if (a == DataType.BYTE) return b;
        if (b == DataType.BYTE) return a;
        return DataType.INT32; // INT16 with UINT16
    }
}
