package eu.ai4c.snap;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.Operator;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.Tile;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.operation.MathTransform;

/**
 * An engine {@link Raster} view over the bands of a SNAP source product: each read asks GPF for
 * the source tile ({@link Operator#getSourceTile}), so SNAP operators upstream compute only what
 * the engine operator pulls and nothing is written to disk. Integer and float bands without
 * scaling keep their type and raw samples; scaled bands (and SNAP types the engine lacks: int8,
 * uint32, 64-bit integers) are read as geophysical float32/float64. A {@code CrsGeoCoding}
 * becomes a {@link MapGeoCoding}; other geo-codings (tie-point grids) are not carried over.
 *
 * <p>A band with a valid-pixel expression (e.g. a Sentinel-2 band's {@code B4.raw > 0} or a
 * reader's swath mask) has invalid pixels that carry ordinary-looking values; SNAP's own
 * operators skip them through {@link Tile#isSampleValid}. This view does the same: such pixels
 * read as the band's no-data value, and a band that has none is read as geophysical float with
 * NaN as no-data, so the engine never takes them for data.</p>
 *
 * <p>Thread-safe as GPF's {@code getSourceTile} is; every block is a fresh copy.</p>
 */
final class SnapSourceRaster implements Raster {
    private static final int RAW = 0;
    private static final int GEOPHYSICAL_FLOAT = 1;
    private static final int GEOPHYSICAL_DOUBLE = 2;

    private final Operator operator;
    private final Band[] snapBands;
    private final int[] mode;
    /** Per band: whether it has a valid-pixel expression, so tiles are masked pixel by pixel. */
    private final boolean[] masked;
    /** Per band: the sample written into invalid pixels, in the type the view delivers. */
    private final double[] fill;
    private final List<eu.ai4c.kit.raster.Band> bands;
    private final int width;
    private final int height;
    private final GeoCoding geoCoding;

    private SnapSourceRaster(Operator operator, Product product) {
        this.operator = operator;
        this.width = product.getSceneRasterWidth();
        this.height = product.getSceneRasterHeight();
        this.snapBands = product.getBands();
        this.mode = new int[snapBands.length];
        this.masked = new boolean[snapBands.length];
        this.fill = new double[snapBands.length];
        List<eu.ai4c.kit.raster.Band> list = new ArrayList<>();
        for (int i = 0; i < snapBands.length; i++) {
            Band b = snapBands[i];
            if (b.getRasterWidth() != width || b.getRasterHeight() != height) {
                throw new OperatorException("Source product " + product.getName() + ": band " + b.getName() + " is "
                        + b.getRasterWidth() + "x" + b.getRasterHeight() + " pixels but the scene is " + width + "x"
                        + height + ". Resample the product to one resolution first (S2Resampling or Resample).");
            }
            String validExpression = b.getValidPixelExpression();
            masked[i] = validExpression != null && !validExpression.isBlank();
            // without a no-data value, invalid pixels need NaN and hence a geophysical float view
            boolean nanForInvalid = masked[i] && !b.isNoDataValueUsed();
            DataType type = nanForInvalid && engineType(b) != DataType.FLOAT64 ? DataType.FLOAT32 : engineType(b);
            mode[i] = !nanForInvalid && !b.isScalingApplied() && rawType(b.getDataType()) != null ? RAW
                    : type == DataType.FLOAT64 ? GEOPHYSICAL_DOUBLE : GEOPHYSICAL_FLOAT;
            eu.ai4c.kit.raster.Band band = eu.ai4c.kit.raster.Band.of(b.getName(), type)
                    .withUnit(b.getUnit()).withDescription(b.getDescription());
            if (b.isNoDataValueUsed()) {
                double nd = b.getNoDataValue();
                fill[i] = mode[i] == RAW ? nd : nd * b.getScalingFactor() + b.getScalingOffset();
                band = band.withNoData(b.isScalingApplied() ? nd * b.getScalingFactor() + b.getScalingOffset() : nd);
            } else if (nanForInvalid) {
                fill[i] = Double.NaN;
                band = band.withNoData(Double.NaN);
            }
            list.add(band);
        }
        this.bands = List.copyOf(list);
        this.geoCoding = mapGeoCoding(product);
    }

    /** The engine product for a SNAP source: this view, the product name and its file location. */
    static eu.ai4c.kit.raster.Product product(Operator operator, Product product) {
        Metadata md = new Metadata("metadata");
        md.set("snapProductType", product.getProductType());
        Path location = product.getFileLocation() == null ? null : product.getFileLocation().toPath();
        return new eu.ai4c.kit.raster.Product(product.getName(), new SnapSourceRaster(operator, product), md, location);
    }

    /** Engine type of a SNAP band as this view delivers it. */
    static DataType engineType(Band b) {
        DataType raw = rawType(b.getDataType());
        if (raw != null && !b.isScalingApplied()) return raw;
        return b.getDataType() == ProductData.TYPE_FLOAT64 || b.getDataType() == ProductData.TYPE_INT64
                || b.getDataType() == ProductData.TYPE_UINT64 || b.getDataType() == ProductData.TYPE_UINT32
                || b.getDataType() == ProductData.TYPE_INT32 ? DataType.FLOAT64 : DataType.FLOAT32;
    }

    /** The engine type holding a SNAP type's raw samples unchanged, or null. */
    static DataType rawType(int snapType) {
        return switch (snapType) {
            case ProductData.TYPE_UINT8 -> DataType.BYTE;
            case ProductData.TYPE_INT16 -> DataType.INT16;
            case ProductData.TYPE_UINT16 -> DataType.UINT16;
            case ProductData.TYPE_INT32 -> DataType.INT32;
            case ProductData.TYPE_FLOAT32 -> DataType.FLOAT32;
            case ProductData.TYPE_FLOAT64 -> DataType.FLOAT64;
            default -> null;
        };
    }

    private static GeoCoding mapGeoCoding(Product product) {
        org.esa.snap.core.datamodel.GeoCoding gc = product.getSceneGeoCoding();
        if (!(gc instanceof CrsGeoCoding)) return null;
        MathTransform imageToMap = gc.getImageToMapTransform();
        if (!(imageToMap instanceof AffineTransform at)) return null;
        try {
            // SNAP image coordinates put pixel corners at integers, as the engine's geotransform does
            return SnapCrs.toEngine(gc.getMapCRS(), new double[] {
                    at.getTranslateX(), at.getScaleX(), at.getShearX(),
                    at.getTranslateY(), at.getShearY(), at.getScaleY()});
        } catch (FactoryException e) {
            throw new OperatorException("Source product " + product.getName() + ": its map CRS cannot be read ("
                    + e.getMessage() + "). Reproject it to an EPSG projection first (Raster > Geometric > Reprojection).", e);
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public List<eu.ai4c.kit.raster.Band> bands() {
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return geoCoding;
    }

    @Override
    public Block read(int band, Region region) {
        Tile tile = operator.getSourceTile(snapBands[band], new Rectangle(region.x(), region.y(), region.width(), region.height()));
        DataType type = bands.get(band).type();
        Object samples = switch (mode[band]) {
            case RAW -> copy(tile.getRawSamples().getElems());
            case GEOPHYSICAL_DOUBLE -> tile.getSamplesDouble();
            default -> tile.getSamplesFloat();
        };
        if (masked[band]) maskInvalid(tile, samples, fill[band]);
        return new Block(region, type, samples);
    }

    /** Writes {@code fill} where SNAP's valid mask (valid-pixel expression and no-data) says invalid. */
    private static void maskInvalid(Tile tile, Object samples, double fill) {
        int x0 = tile.getMinX(), y0 = tile.getMinY(), w = tile.getWidth(), h = tile.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (tile.isSampleValid(x0 + x, y0 + y)) continue;
                int i = y * w + x;
                if (samples instanceof float[] a) a[i] = (float) fill;
                else if (samples instanceof double[] a) a[i] = fill;
                else if (samples instanceof short[] a) a[i] = (short) fill;
                else if (samples instanceof int[] a) a[i] = (int) (long) fill;
                else if (samples instanceof byte[] a) a[i] = (byte) fill;
            }
        }
    }

    /** A copy of a raw sample array (GPF may hand out the tile's own buffer). */
    private static Object copy(Object array) {
        if (array instanceof byte[] a) return a.clone();
        if (array instanceof short[] a) return a.clone();
        if (array instanceof int[] a) return a.clone();
        if (array instanceof float[] a) return a.clone();
        if (array instanceof double[] a) return a.clone();
        throw new IllegalStateException("Unexpected sample array " + array.getClass().getName());
    }
}
