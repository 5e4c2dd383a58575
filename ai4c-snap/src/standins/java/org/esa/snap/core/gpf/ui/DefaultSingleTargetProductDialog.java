package org.esa.snap.core.gpf.ui;

import java.io.File;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JTextField;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.GPF;
import org.esa.snap.core.gpf.Operator;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;

/**
 * Test stand-in for snap-gpf-ui's generated operator dialog. Like snap-gpf-ui 13.0.2 it finds the
 * operator through the GPF registry by name ("No SPI found for operator name '…'" otherwise),
 * makes one source selector per {@code @SourceProduct} and one editor per {@code @Parameter}
 * (a combo box for a value set, a check box for a Boolean, a list for an array, a text field
 * otherwise) and sets every parameter to its default, which fails when a default does not
 * convert to the field's type or is not in its value set. Headless: {@link #show()} records the
 * dialog in {@link #shown()} instead of opening a window.
 */
public class DefaultSingleTargetProductDialog {
    private static final List<DefaultSingleTargetProductDialog> SHOWN = Collections.synchronizedList(new ArrayList<>());
    private final String operatorName;
    private final String title;
    private final String helpId;
    private final Map<String, JComponent> editors = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final JPanel form = new JPanel();
    private String targetProductNameSuffix = "";

    public DefaultSingleTargetProductDialog(String operatorName, String title, String helpId) {
        this.operatorName = operatorName;
        this.title = title;
        this.helpId = helpId;
        OperatorSpi spi = GPF.getDefaultInstance().getOperatorSpiRegistry().getOperatorSpi(operatorName);
        if (spi == null) throw new IllegalArgumentException("No SPI found for operator name '" + operatorName + "'");
        for (Class<?> c = spi.getOperatorClass(); c != null && c != Operator.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(SourceProduct.class) && f.getType() == Product.class) sources.add(f.getName());
                Parameter p = f.getAnnotation(Parameter.class);
                if (p == null) continue;
                String name = p.alias().isEmpty() ? f.getName() : p.alias();
                JComponent editor = editor(name, f.getType(), p);
                editors.put(name, editor);
                form.add(new JLabel(p.label().isEmpty() ? name : p.label()));
                form.add(editor);
            }
        }
    }

    private static JComponent editor(String name, Class<?> type, Parameter p) {
        Object value = defaultValue(name, type, p.defaultValue());
        List<String> valueSet = Arrays.asList(p.valueSet());
        if (value != null && !valueSet.isEmpty()) {
            for (Object v : value.getClass().isArray() ? (Object[]) value : new Object[] {value}) {
                if (!valueSet.contains(String.valueOf(v))) {
                    throw new IllegalArgumentException("Parameter '" + name + "': default '" + v + "' is not in its value set " + valueSet);
                }
            }
        }
        if (type == String[].class) {
            // a list of choices; arrays of numbers (double[]) are edited as comma-separated text
            JList<String> list = new JList<>(p.valueSet());
            if (value != null) {
                List<Object> chosen = Arrays.asList((Object[]) value);
                list.setSelectedIndices(java.util.stream.IntStream.range(0, p.valueSet().length)
                        .filter(i -> chosen.contains(p.valueSet()[i])).toArray());
            }
            return list;
        }
        if (!valueSet.isEmpty()) {
            JComboBox<String> box = new JComboBox<>(p.valueSet());
            if (value != null) box.setSelectedItem(String.valueOf(value));
            return box;
        }
        if (type == Boolean.class || type == boolean.class) return new JCheckBox(name, Boolean.TRUE.equals(value));
        String text = value == null ? "" : value instanceof double[] d
                ? java.util.Arrays.stream(d).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(","))
                : String.valueOf(value);
        return new JTextField(text, 20);
    }

    /** The default converted to the field type as GPF's converters do; a bad text is an error naming the parameter. */
    private static Object defaultValue(String name, Class<?> type, String text) {
        if (text == null || text.isEmpty()) return null;
        try {
            if (type == String.class) return text;
            if (type == Integer.class || type == int.class) return Integer.valueOf(text.trim());
            if (type == Double.class || type == double.class) return Double.valueOf(text.trim());
            if (type == Float.class || type == float.class) return Float.valueOf(text.trim());
            if (type == Boolean.class || type == boolean.class) return parseBoolean(text);
            if (type == String[].class) return text.split(",");
            if (type == double[].class) return doubles(text);
            if (type == File.class) return new File(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter '" + name + "': default '" + text + "' is not a " + type.getSimpleName(), e);
        }
        throw new IllegalArgumentException("Parameter '" + name + "': no converter for " + type.getName());
    }

    /** ceres-binding 13.0.2 {@code ArrayConverter} over {@code DoubleConverter}: comma-separated numbers. */
    static double[] doubles(String text) {
        String[] parts = text.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) d[i] = Double.parseDouble(parts[i]);
        return d;
    }

    /** ceres-binding 13.0.2 {@code BooleanConverter}: true/false, "0" false, another number true if not 0, else false. */
    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("0")) return Boolean.FALSE;
        try {
            return Double.parseDouble(text) != 0.0;
        } catch (NumberFormatException e) {
            return Boolean.FALSE;
        }
    }

    public void setTargetProductNameSuffix(String suffix) {
        this.targetProductNameSuffix = suffix;
    }

    public void show() {
        SHOWN.add(this);
    }

    public static List<DefaultSingleTargetProductDialog> shown() {
        return List.copyOf(SHOWN);
    }

    public String getOperatorName() {
        return operatorName;
    }

    public String getTitle() {
        return title;
    }

    public String getHelpId() {
        return helpId;
    }

    public String getTargetProductNameSuffix() {
        return targetProductNameSuffix;
    }

    /** The parameter editors by parameter name, in declaration order. */
    public Map<String, JComponent> getParameterEditors() {
        return Collections.unmodifiableMap(editors);
    }

    public List<String> getSourceNames() {
        return List.copyOf(sources);
    }

    public JPanel getForm() {
        return form;
    }
}
