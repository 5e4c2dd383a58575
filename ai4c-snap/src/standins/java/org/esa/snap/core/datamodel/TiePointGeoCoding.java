package org.esa.snap.core.datamodel;

/**
 * Test stand-in for SNAP's class (see {@link ProductNode}): the geo-coding of a scene in radar
 * geometry, by its latitude and longitude tie-point grids. Positions are not modelled.
 */
public class TiePointGeoCoding extends AbstractGeoCoding {
    private final TiePointGrid latGrid;
    private final TiePointGrid lonGrid;

    public TiePointGeoCoding(TiePointGrid latGrid, TiePointGrid lonGrid) {
        if (latGrid == null || lonGrid == null) throw new IllegalArgumentException("latGrid and lonGrid must be given");
        this.latGrid = latGrid;
        this.lonGrid = lonGrid;
    }

    public TiePointGrid getLatGrid() {
        return latGrid;
    }

    public TiePointGrid getLonGrid() {
        return lonGrid;
    }
}
