package org.esa.snap.core.gpf;

import java.awt.Rectangle;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.datamodel.RasterDataNode;

/**
 * SNAP API stub of GPF's {@code Tile} (an interface in SNAP, so a stub needs no bodies): the
 * members the AI4C adapters use. {@code getRawSamples}/{@code setRawSamples} are raw (unscaled)
 * and hold exactly width × height samples; {@code getSamples*} are geophysical.
 */
public interface Tile extends Iterable<Tile.Pos> {

    Rectangle getRectangle();

    int getMinX();

    int getMinY();

    int getWidth();

    int getHeight();

    RasterDataNode getRasterDataNode();

    ProductData getRawSamples();

    void setRawSamples(ProductData rawSamples);

    float[] getSamplesFloat();

    double[] getSamplesDouble();

    /** Whether the sample at image pixel (x, y) is valid: the raster's valid mask (valid-pixel expression, no-data). */
    boolean isSampleValid(int x, int y);

    /** A pixel position of a tile's iteration. */
    final class Pos {
        public final int x;
        public final int y;

        public Pos(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }
}
