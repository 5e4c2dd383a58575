package eu.ai4c.snap;

import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterDescriptor;
import java.io.File;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esa.snap.core.gpf.OperatorException;
import org.esa.snap.core.gpf.annotations.Parameter;

/**
 * Reads an adapter's {@code @Parameter} fields (set by GPF from the dialog, the graph XML or
 * gpt's {@code -P} options) as the textual values the engine descriptor validates: lists
 * comma-joined, files as paths, unset or blank values left out so the descriptor's defaults
 * and required checks apply. Stateless.
 */
final class ParameterFields {

    private ParameterFields() {
    }

    /** The field of {@code adapterClass} mirroring parameter {@code name}, accessible. */
    static Field field(Class<?> adapterClass, String name) {
        try {
            Field f = adapterClass.getDeclaredField(name);
            if (!f.isAnnotationPresent(Parameter.class)) throw new NoSuchFieldException(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new OperatorException(adapterClass.getName() + " has no @Parameter field \"" + name
                    + "\" mirroring the engine descriptor; regenerate the adapter.", e);
        }
    }

    /** Parameter name → text for every parameter the adapter holds a value for. */
    static Map<String, String> read(Object adapter, OperatorDescriptor descriptor) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (ParameterDescriptor p : descriptor.parameters()) {
            Object value;
            try {
                value = field(adapter.getClass(), p.name()).get(adapter);
            } catch (IllegalAccessException e) {
                throw new OperatorException("Cannot read parameter " + p.name() + " of " + adapter.getClass().getName(), e);
            }
            String text = text(value);
            if (text != null && !text.isBlank()) raw.put(p.name(), text);
        }
        return raw;
    }

    /** A field value as the engine's parameter text, or null for "not given". */
    static String text(Object value) {
        if (value == null) return null;
        if (value instanceof String[] list) return list.length == 0 ? null : String.join(",", list);
        if (value instanceof double[] list) {
            if (list.length == 0) return null;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < list.length; i++) sb.append(i > 0 ? "," : "").append(list[i]);
            return sb.toString();
        }
        if (value instanceof File f) return f.getPath();
        return String.valueOf(value);
    }
}
