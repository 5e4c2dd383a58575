package org.esa.snap.core.datamodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test stand-in for SNAP's class (see {@link ProductNode}). */
public class MetadataElement extends ProductNode {
    /** Test only. */
    public final List<MetadataElement> elements = new ArrayList<>();
    /** Test only. */
    public final Map<String, String> attributes = new LinkedHashMap<>();

    public MetadataElement(String name) {
        super(name);
    }

    public void addElement(MetadataElement element) {
        elements.add(element);
    }

    public MetadataElement getElement(String name) {
        return elements.stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null);
    }

    public String getAttributeString(String name) {
        return attributes.get(name);
    }

    public MetadataElement createDeepClone() {
        MetadataElement clone = new MetadataElement(getName());
        clone.attributes.putAll(attributes);
        for (MetadataElement e : elements) clone.addElement(e.createDeepClone());
        return clone;
    }

    public void setAttributeString(String name, String value) {
        attributes.put(name, value);
    }
}
