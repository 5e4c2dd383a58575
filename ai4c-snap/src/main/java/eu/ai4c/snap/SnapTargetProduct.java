package eu.ai4c.snap;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Raster;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.util.Map;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.CrsGeoCoding;
import org.esa.snap.core.datamodel.MetadataElement;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.util.ProductUtils;
import org.opengis.referencing.FactoryException;
import org.opengis.referencing.operation.TransformException;

/**
 * Builds the SNAP target product that mirrors an engine product: one band per engine band
 * (same name, type, no-data, unit, description), the preferred tile size of the engine raster,
 * and the engine's metadata tree as an {@code AI4C} element under the metadata root.
 *
 * <p>When the engine product lies on the first source's pixel grid (a filter such as
 * Speckle-Filter), the target is a product of the same kind as that source, as SNAP's own
 * filters make it ({@code SpeckleFilterOp}: source product type plus
 * {@code ProductUtils.copyProductNodes}): product type, tie-point grids, scene geo-coding,
 * metadata with {@code Abstracted_Metadata}, masks, vector data, start and end time. SNAP's SAR
 * operators downstream (Terrain-Correction needs the geo-coding, {@code incident_angle} and
 * {@code Abstracted_Metadata}) then accept it. Otherwise (a new grid, e.g. Warp) the target has
 * the operator alias as product type, a {@code CrsGeoCoding} from the engine's
 * {@link MapGeoCoding}, and the first source's metadata and time information. Stateless.</p>
 */
final class SnapTargetProduct {

    private SnapTargetProduct() {
    }

    /**
     * @param result       the engine operator's product
     * @param productType  SNAP product type of a target on a new grid
     * @param firstSource  SNAP source whose metadata and times are copied, or null
     * @param engineSource the engine's view of {@code firstSource} (its grid decides whether the
     *                     target keeps the source geometry), or null
     * @param bandIndex    filled with target band name → engine band index
     */
    static Product build(eu.ai4c.kit.raster.Product result, String productType, Product firstSource,
                         eu.ai4c.kit.raster.Product engineSource, Map<String, Integer> bandIndex) {
        Raster raster = result.raster();
        boolean sameGrid = firstSource != null && engineSource != null && onSourceGrid(raster, engineSource.raster());
        Product target = new Product(result.name(), sameGrid ? firstSource.getProductType() : productType,
                raster.width(), raster.height());
        if (sameGrid) ProductUtils.copyProductNodes(firstSource, target);
        for (int i = 0; i < raster.bands().size(); i++) {
            eu.ai4c.kit.raster.Band b = raster.bands().get(i);
            Band band = target.addBand(b.name(), snapType(b.type(), b.name()));
            if (b.hasNoData()) {
                band.setNoDataValue(b.noData());
                band.setNoDataValueUsed(true);
            }
            if (!b.unit().isEmpty()) band.setUnit(b.unit());
            if (!b.description().isEmpty()) band.setDescription(b.description());
            bandIndex.put(b.name(), i);
        }
        int[] tile = raster.preferredTileSize();
        target.setPreferredTileSize(Math.min(tile[0], raster.width()), Math.min(tile[1], raster.height()));
        if (!sameGrid && raster.geoCoding() instanceof MapGeoCoding map) {
            target.setSceneGeoCoding(crsGeoCoding(map, raster.width(), raster.height(), result.name()));
        }
        if (firstSource != null && !sameGrid) {
            ProductUtils.copyMetadata(firstSource, target);
            ProductUtils.copyTimeInformation(firstSource, target);
        }
        target.getMetadataRoot().addElement(element(result.metadata(), "AI4C"));
        return target;
    }

    /**
     * Whether an engine result covers its source pixel for pixel: same size and the same map grid
     * (or none on both sides, as for a SAR scene in radar geometry).
     */
    static boolean onSourceGrid(Raster result, Raster source) {
        return result.width() == source.width() && result.height() == source.height()
                && java.util.Objects.equals(result.geoCoding(), source.geoCoding());
    }

    /** SNAP data type of an engine type; complex bands have no single SNAP type. */
    static int snapType(DataType type, String bandName) {
        return switch (type) {
            case BYTE -> ProductData.TYPE_UINT8;
            case INT16 -> ProductData.TYPE_INT16;
            case UINT16 -> ProductData.TYPE_UINT16;
            case INT32 -> ProductData.TYPE_INT32;
            case FLOAT32 -> ProductData.TYPE_FLOAT32;
            case FLOAT64 -> ProductData.TYPE_FLOAT64;
            case CFLOAT32 -> throw new OperatorException("Band " + bandName + " is complex; the SNAP binding passes "
                    + "real bands only. Choose an intensity or amplitude output of the operator.");
        };
    }

    /** SNAP geo-coding of an engine map grid: same CRS, image-to-map = the geotransform (pixel corners). */
    static CrsGeoCoding crsGeoCoding(MapGeoCoding map, int width, int height, String productName) {
        double[] gt = map.geoTransform();
        // AffineTransform(m00, m10, m01, m11, m02, m12): X = m00*col + m01*row + m02, Y = m10*col + m11*row + m12
        AffineTransform imageToMap = new AffineTransform(gt[1], gt[4], gt[2], gt[5], gt[0], gt[3]);
        try {
            return new CrsGeoCoding(SnapCrs.toSnap(map), new Rectangle(width, height), imageToMap);
        } catch (FactoryException | TransformException e) {
            throw new OperatorException("Product " + productName + ": SNAP cannot use its map CRS "
                    + map.crsName() + " (" + e.getMessage() + "). Choose an EPSG projection.", e);
        }
    }

    /** The engine metadata tree as a SNAP element (attributes as strings), named {@code fallbackName} if generic. */
    static MetadataElement element(Metadata md, String fallbackName) {
        String name = md.name() == null || md.name().isEmpty() || md.name().equals("metadata") ? fallbackName : md.name();
        MetadataElement e = new MetadataElement(name);
        for (Map.Entry<String, String> a : md.attributes().entrySet()) e.setAttributeString(a.getKey(), a.getValue());
        for (Metadata child : md.children()) e.addElement(element(child, child.name()));
        return e;
    }
}
