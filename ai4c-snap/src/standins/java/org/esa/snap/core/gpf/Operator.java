package org.esa.snap.core.gpf;

import com.bc.ceres.core.ProgressMonitor;
import java.awt.Rectangle;
import java.util.Map;
import java.util.logging.Logger;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.RasterDataNode;

/**
 * Test stand-in for GPF's {@code Operator} (shadows the throwing stub on the test class path):
 * source tiles are cut from the in-memory data of the source band.
 */
public abstract class Operator {
    private Product targetProduct;
    private boolean initialised;

    protected Operator() {
    }

    public abstract void initialize() throws OperatorException;

    public void computeTile(Band targetBand, Tile targetTile, ProgressMonitor pm) throws OperatorException {
        throw new UnsupportedOperationException();
    }

    public void computeTileStack(Map<Band, Tile> targetTiles, Rectangle targetRectangle, ProgressMonitor pm)
            throws OperatorException {
        throw new UnsupportedOperationException();
    }

    /** As SNAP's: the default does nothing but report progress. */
    public void doExecute(ProgressMonitor pm) throws OperatorException {
    }

    /** As SNAP 13.0.2's: the target product is created (initialize) before the operator executes. */
    public final void execute(ProgressMonitor pm) {
        getTargetProduct();
        doExecute(pm);
    }

    public void dispose() {
    }

    public final Tile getSourceTile(RasterDataNode rasterDataNode, Rectangle region) throws OperatorException {
        return MemoryTile.cut(rasterDataNode, region);
    }

    /** As GPF's: the operator is initialised on the first request for its target product. */
    public final Product getTargetProduct() throws OperatorException {
        if (targetProduct == null && !initialised) {
            initialised = true;
            initialize();
            if (targetProduct == null) targetProduct = annotatedTarget();
        }
        return targetProduct;
    }

    public final void setTargetProduct(Product targetProduct) {
        this.initialised = true;
        this.targetProduct = targetProduct;
    }

    public final Product[] getSourceProducts() {
        throw new UnsupportedOperationException();
    }

    protected final void checkForCancellation() throws OperatorException {
    }

    /** As GPF's: SNAP's logger, {@code snap.logger.name} (default "org.esa.snap", EngineConfig 13.0.2). */
    public final Logger getLogger() {
        return Logger.getLogger(System.getProperty("snap.logger.name", "org.esa.snap"));
    }

    public final OperatorSpi getSpi() {
        throw new UnsupportedOperationException();
    }

    public final String getId() {
        return getClass().getSimpleName();
    }

    /** As GPF's OperatorContext: an operator may set its {@code @TargetProduct} field instead of calling setTargetProduct. */
    private Product annotatedTarget() {
        for (Class<?> c = getClass(); c != Operator.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getAnnotation(org.esa.snap.core.gpf.annotations.TargetProduct.class) == null) continue;
                try {
                    f.setAccessible(true);
                    return (Product) f.get(this);
                } catch (IllegalAccessException e) {
                    throw new OperatorException(e);
                }
            }
        }
        return null;
    }
}
