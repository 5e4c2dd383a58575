package eu.ai4c.kit.io.geotiff;

/**
 * Tag numbers and field types of TIFF 6.0, BigTIFF and GeoTIFF 1.1 used by the reader and the
 * writer (values from the TIFF 6.0 specification, the BigTIFF proposal, OGC GeoTIFF 1.1 and
 * GDAL's private tags).
 */
public final class TiffTags {
    private TiffTags() {
    }

    // Field types (TIFF 6.0 section 2; 16-18 from BigTIFF)
    public static final int BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, SBYTE = 6, UNDEFINED = 7,
            SSHORT = 8, SLONG = 9, SRATIONAL = 10, FLOAT = 11, DOUBLE = 12, LONG8 = 16, SLONG8 = 17, IFD8 = 18;

    // Baseline and extension tags
    public static final int NEW_SUBFILE_TYPE = 254;
    public static final int IMAGE_WIDTH = 256;
    public static final int IMAGE_LENGTH = 257;
    public static final int BITS_PER_SAMPLE = 258;
    public static final int COMPRESSION = 259;
    public static final int PHOTOMETRIC = 262;
    public static final int IMAGE_DESCRIPTION = 270;
    public static final int STRIP_OFFSETS = 273;
    public static final int SAMPLES_PER_PIXEL = 277;
    public static final int ROWS_PER_STRIP = 278;
    public static final int STRIP_BYTE_COUNTS = 279;
    public static final int PLANAR_CONFIGURATION = 284;
    public static final int SOFTWARE = 305;
    public static final int DATE_TIME = 306;
    public static final int PREDICTOR = 317;
    public static final int COLOR_MAP = 320;
    public static final int TILE_WIDTH = 322;
    public static final int TILE_LENGTH = 323;
    public static final int TILE_OFFSETS = 324;
    public static final int TILE_BYTE_COUNTS = 325;
    public static final int EXTRA_SAMPLES = 338;
    public static final int SAMPLE_FORMAT = 339;

    // GeoTIFF
    public static final int MODEL_PIXEL_SCALE = 33550;
    public static final int MODEL_TIEPOINT = 33922;
    public static final int MODEL_TRANSFORMATION = 34264;
    public static final int GEO_KEY_DIRECTORY = 34735;
    public static final int GEO_DOUBLE_PARAMS = 34736;
    public static final int GEO_ASCII_PARAMS = 34737;

    // GDAL private tags
    public static final int GDAL_METADATA = 42112;
    public static final int GDAL_NODATA = 42113;

    // Compression codes
    public static final int COMPRESSION_NONE = 1, COMPRESSION_LZW = 5, COMPRESSION_DEFLATE = 8,
            COMPRESSION_ADOBE_DEFLATE = 8, COMPRESSION_OLD_DEFLATE = 32946, COMPRESSION_PACKBITS = 32773;

    // Predictor codes
    public static final int PREDICTOR_NONE = 1, PREDICTOR_HORIZONTAL = 2, PREDICTOR_FLOATING_POINT = 3;

    // Sample formats
    public static final int SAMPLE_FORMAT_UINT = 1, SAMPLE_FORMAT_INT = 2, SAMPLE_FORMAT_IEEEFP = 3,
            SAMPLE_FORMAT_COMPLEX_INT = 5, SAMPLE_FORMAT_COMPLEX_IEEEFP = 6;

    // GeoKey ids (GeoTIFF 1.1, Annex)
    public static final int GT_MODEL_TYPE = 1024, GT_RASTER_TYPE = 1025, GT_CITATION = 1026,
            GEOGRAPHIC_TYPE = 2048, GEOG_CITATION = 2049, GEOG_GEODETIC_DATUM = 2050, GEOG_ANGULAR_UNITS = 2054,
            GEOG_ELLIPSOID = 2056, GEOG_SEMI_MAJOR_AXIS = 2057, GEOG_INV_FLATTENING = 2059,
            PROJECTED_CS_TYPE = 3072, PROJ_CITATION = 3073, PROJECTION = 3074, PROJ_COORD_TRANS = 3075,
            PROJ_LINEAR_UNITS = 3076, VERTICAL_CS_TYPE = 4096;

    public static final int MODEL_TYPE_PROJECTED = 1, MODEL_TYPE_GEOGRAPHIC = 2, MODEL_TYPE_GEOCENTRIC = 3;
    public static final int RASTER_PIXEL_IS_AREA = 1, RASTER_PIXEL_IS_POINT = 2;
    public static final int USER_DEFINED = 32767;
}
