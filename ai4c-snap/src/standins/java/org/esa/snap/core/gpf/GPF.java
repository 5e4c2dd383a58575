package org.esa.snap.core.gpf;

import java.lang.reflect.Field;
import java.util.Map;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/** Test stand-in for GPF's entry point: the default instance and its operator registry, loaded on first use. */
public final class GPF {
    private static final GPF DEFAULT = new GPF();
    private final OperatorSpiRegistry registry = new OperatorSpiRegistry();
    private boolean loaded;

    private GPF() {
    }

    public static GPF getDefaultInstance() {
        return DEFAULT;
    }

    public synchronized OperatorSpiRegistry getOperatorSpiRegistry() {
        if (!loaded) {
            registry.loadOperatorSpis();
            loaded = true;
        }
        return registry;
    }

    /**
     * As snap-gpf 13.0.2: the operator found by alias or class name, its {@code @Parameter} fields set
     * by name (an unknown name fails) and its one {@code @SourceProduct} field set, initialised; its
     * target product. No SPI for the name fails with an {@link OperatorException}.
     */
    public static Product createProduct(String operatorName, Map<String, Object> parameters, Product sourceProduct)
            throws OperatorException {
        OperatorSpi spi = getDefaultInstance().getOperatorSpiRegistry().getOperatorSpi(operatorName);
        if (spi == null) throw new OperatorException("No SPI found for operator '" + operatorName + "'");
        try {
            Operator op = spi.getOperatorClass().getDeclaredConstructor().newInstance();
            for (Map.Entry<String, Object> p : parameters.entrySet()) {
                Field f = field(op.getClass(), p.getKey());
                if (f == null || f.getAnnotation(Parameter.class) == null) {
                    throw new OperatorException("Unknown parameter '" + p.getKey() + "' of operator " + operatorName);
                }
                f.setAccessible(true);
                f.set(op, p.getValue());
            }
            for (Class<?> c = op.getClass(); c != Operator.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getAnnotation(SourceProduct.class) == null) continue;
                    f.setAccessible(true);
                    f.set(op, sourceProduct);
                }
            }
            return op.getTargetProduct();
        } catch (ReflectiveOperationException e) {
            throw new OperatorException(e);
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // the superclass, then
            }
        }
        return null;
    }
}
