package org.esa.snap.core.datamodel;

/**
 * SNAP API stub of {@code ProductData}: the type codes (SNAP 13 values, inlined by the
 * compiler) and the members the AI4C adapters use.
 */
public abstract class ProductData {
    public static final int TYPE_INT8 = 10;
    public static final int TYPE_INT16 = 11;
    public static final int TYPE_INT32 = 12;
    public static final int TYPE_INT64 = 13;
    public static final int TYPE_UINT8 = 20;
    public static final int TYPE_UINT16 = 21;
    public static final int TYPE_UINT32 = 22;
    public static final int TYPE_UINT64 = 23;
    public static final int TYPE_FLOAT32 = 30;
    public static final int TYPE_FLOAT64 = 31;
    public static final int TYPE_ASCII = 41;
    public static final int TYPE_UTC = 51;

    protected ProductData(int type) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static ProductData createInstance(int type, Object data) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public abstract Object getElems();

    public int getType() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
