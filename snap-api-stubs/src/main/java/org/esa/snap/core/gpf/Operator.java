package org.esa.snap.core.gpf;

import com.bc.ceres.core.ProgressMonitor;
import java.awt.Rectangle;
import java.util.Map;
import java.util.logging.Logger;
import org.esa.snap.core.datamodel.Band;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.RasterDataNode;

/** SNAP API stub of GPF's {@code Operator}: the members the AI4C adapters use, SNAP 13 signatures. */
public abstract class Operator {

    protected Operator() {
    }

    public abstract void initialize() throws OperatorException;

    public void computeTile(Band targetBand, Tile targetTile, ProgressMonitor pm) throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void computeTileStack(Map<Band, Tile> targetTiles, Rectangle targetRectangle, ProgressMonitor pm)
            throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    /**
     * Called once by GPF before any tile is computed (snap-gpf 13.0.2 {@code Operator.execute} →
     * {@code OperatorContext.executeOperator}); operators that write files do their work here.
     */
    public void doExecute(ProgressMonitor pm) throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void dispose() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final Tile getSourceTile(RasterDataNode rasterDataNode, Rectangle region) throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final Product getTargetProduct() throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final void setTargetProduct(Product targetProduct) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final Product[] getSourceProducts() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    protected final void checkForCancellation() throws OperatorException {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final Logger getLogger() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final OperatorSpi getSpi() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final String getId() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
