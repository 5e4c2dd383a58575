package org.esa.snap.core.datamodel;

/**
 * Test stand-in for SNAP's class (shadows the throwing declaration of snap-api-stubs on the test
 * class path): just enough behaviour to run the adapters without SNAP. Same signatures.
 */
public abstract class ProductNode {
    private final String name;
    private String description;

    protected ProductNode(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
