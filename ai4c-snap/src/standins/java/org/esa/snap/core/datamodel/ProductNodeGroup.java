package org.esa.snap.core.datamodel;

import java.util.ArrayList;
import java.util.List;

/** Test stand-in for SNAP's class (see {@link ProductNode}): an ordered list of named nodes. */
public class ProductNodeGroup<T extends ProductNode> extends ProductNode {
    private final List<T> nodes = new ArrayList<>();

    public ProductNodeGroup(String name) {
        super(name);
    }

    public int getNodeCount() {
        return nodes.size();
    }

    public T get(int index) {
        return nodes.get(index);
    }

    public T get(String name) {
        return nodes.stream().filter(n -> n.getName().equals(name)).findFirst().orElse(null);
    }

    public String[] getNodeNames() {
        return nodes.stream().map(ProductNode::getName).toArray(String[]::new);
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    public boolean add(T node) {
        if (node == null) throw new IllegalArgumentException("node");
        return nodes.add(node);
    }

    public boolean remove(T node) {
        if (node == null) throw new IllegalArgumentException("node");
        return nodes.remove(node);
    }
}
