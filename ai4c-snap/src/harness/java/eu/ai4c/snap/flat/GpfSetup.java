package eu.ai4c.snap.flat;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Map;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.annotations.Parameter;

/** What GPF does to an operator before {@code initialize()}, for tests that run adapters without GPF. Stateless. */
public final class GpfSetup {

    private GpfSetup() {
    }

    /** Sets the {@code @Parameter} fields to their defaults, then to the given values, then the source fields. */
    public static void configure(Object op, Map<String, Object> values, Map<String, Product> sources) throws Exception {
        for (Field f : op.getClass().getDeclaredFields()) {
            Parameter a = f.getAnnotation(Parameter.class);
            if (a == null) continue;
            f.setAccessible(true);
            f.set(op, values.containsKey(f.getName()) ? values.get(f.getName()) : fromText(f.getType(), a.defaultValue()));
        }
        for (Map.Entry<String, Product> s : sources.entrySet()) {
            Field f = op.getClass().getDeclaredField(s.getKey());
            f.setAccessible(true);
            f.set(op, s.getValue());
        }
    }

    /** A parameter value from its annotation text, as GPF converts it; {@code null} for an empty text. */
    public static Object fromText(Class<?> type, String text) {
        if (text.isEmpty()) return null;
        if (type == String.class) return text;
        if (type == Integer.class) return Integer.valueOf(text);
        if (type == Double.class) return Double.valueOf(text);
        if (type == Boolean.class) return Boolean.valueOf(text);
        if (type == String[].class) return text.split(",");
        if (type == double[].class) {
            // ceres-binding's ArrayConverter: comma-separated components
            String[] parts = text.split(",");
            double[] d = new double[parts.length];
            for (int i = 0; i < parts.length; i++) d[i] = Double.parseDouble(parts[i]);
            return d;
        }
        if (type == File.class) return new File(text);
        throw new IllegalArgumentException("No text conversion to " + type + " for a parameter default");
    }
}
