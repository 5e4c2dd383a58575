package org.esa.snap.core.gpf;

import java.awt.Rectangle;
import java.util.Iterator;
import org.esa.snap.core.datamodel.ProductData;
import org.esa.snap.core.datamodel.RasterDataNode;

/** Test helper: a {@link Tile} holding a copy of a rectangle of an in-memory band. */
public final class MemoryTile implements Tile {
    private final RasterDataNode node;
    private final Rectangle rect;
    private ProductData raw;

    public MemoryTile(RasterDataNode node, Rectangle rect, ProductData raw) {
        this.node = node;
        this.rect = rect;
        this.raw = raw;
    }

    /** The part {@code region} of the node's data (float32 and int16 sources are enough for the tests). */
    static MemoryTile cut(RasterDataNode node, Rectangle r) {
        int w = node.getRasterWidth();
        Object src = node.data.getElems();
        Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), r.width * r.height);
        for (int y = 0; y < r.height; y++) System.arraycopy(src, (r.y + y) * w + r.x, dst, y * r.width, r.width);
        return new MemoryTile(node, r, ProductData.createInstance(node.getDataType(), dst));
    }

    public Rectangle getRectangle() {
        return new Rectangle(rect);
    }

    public int getMinX() {
        return rect.x;
    }

    public int getMinY() {
        return rect.y;
    }

    public int getWidth() {
        return rect.width;
    }

    public int getHeight() {
        return rect.height;
    }

    public RasterDataNode getRasterDataNode() {
        return node;
    }

    public ProductData getRawSamples() {
        return raw;
    }

    public void setRawSamples(ProductData rawSamples) {
        if (java.lang.reflect.Array.getLength(rawSamples.getElems()) != rect.width * rect.height) {
            throw new IllegalArgumentException("raw samples of the wrong length");
        }
        this.raw = rawSamples;
    }

    public float[] getSamplesFloat() {
        double f = node.getScalingFactor(), o = node.getScalingOffset();
        Object a = raw.getElems();
        int n = rect.width * rect.height;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) (((Number) java.lang.reflect.Array.get(a, i)).doubleValue() * f + o);
        return out;
    }

    public double[] getSamplesDouble() {
        float[] f = getSamplesFloat();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /** As GPF's TileImpl: delegates to the raster's {@code isPixelValid}. */
    public boolean isSampleValid(int x, int y) {
        return node.isPixelValid(x, y);
    }

    public Iterator<Pos> iterator() {
        throw new UnsupportedOperationException();
    }
}
