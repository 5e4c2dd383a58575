package org.esa.snap.core.datamodel;

/** Test stand-in for SNAP's class (see {@link ProductNode}): a type code and a primitive array. */
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

    private final int type;

    protected ProductData(int type) {
        this.type = type;
    }

    public static ProductData createInstance(int type, Object data) {
        Class<?> expected = switch (type) {
            case TYPE_INT8, TYPE_UINT8 -> byte[].class;
            case TYPE_INT16, TYPE_UINT16 -> short[].class;
            case TYPE_INT32, TYPE_UINT32 -> int[].class;
            case TYPE_FLOAT32 -> float[].class;
            case TYPE_FLOAT64 -> double[].class;
            default -> throw new IllegalArgumentException("type " + type);
        };
        if (data.getClass() != expected) {
            throw new IllegalArgumentException(data.getClass() + " for type " + type);
        }
        return new ProductData(type) {
            @Override
            public Object getElems() {
                return data;
            }
        };
    }

    public abstract Object getElems();

    /** Test stand-in for SNAP's UTC time (a subclass of ProductData there): kept as its text. */
    public static class UTC {
        private final String text;

        private UTC(String text) {
            this.text = text;
        }

        public static UTC parse(String text) {
            return new UTC(text);
        }

        public String format() {
            return text;
        }
    }

    public int getType() {
        return type;
    }
}
