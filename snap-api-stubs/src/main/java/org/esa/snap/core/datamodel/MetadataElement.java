package org.esa.snap.core.datamodel;

/** SNAP API stub of {@code MetadataElement}: the members the AI4C adapters use. */
public class MetadataElement extends ProductNode {

    public MetadataElement(String name) {
        super(name);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void addElement(MetadataElement element) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public void setAttributeString(String name, String value) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
