package org.esa.snap.core.datamodel;

/**
 * SNAP API stub of {@code ProductNodeGroup} (snap-core 13.0.2): the named, ordered nodes of a
 * product such as its vector data; the members the AI4C adapters use.
 */
public class ProductNodeGroup<T extends ProductNode> extends ProductNode {

    public ProductNodeGroup(String name) {
        super(name);
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public int getNodeCount() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public T get(int index) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public T get(String name) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public String[] getNodeNames() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean contains(String name) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean add(T node) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public boolean remove(T node) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
