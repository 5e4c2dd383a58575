package eu.ai4c.kit.raster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A metadata tree: a named element with ordered string attributes and child elements, as in
 * SNAP's {@code MetadataElement}. It travels from the reader to the output (BEAM-DIMAP header,
 * GeoTIFF tags). Mutable while a product is being built; treat it as read-only afterwards.
 *
 * <h2>Thread-safety</h2>
 * Not thread-safe for modification.
 */
public final class Metadata {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<Metadata> children = new ArrayList<>();

    public Metadata(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Sets an attribute, returning this element. */
    public Metadata set(String key, Object value) {
        attributes.put(key, String.valueOf(value));
        return this;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public List<Metadata> children() {
        return Collections.unmodifiableList(children);
    }

    /** Adds a new child element and returns it. */
    public Metadata addChild(String childName) {
        Metadata m = new Metadata(childName);
        children.add(m);
        return m;
    }

    /** Adds an existing element as a child (e.g. a source product's tree). */
    public Metadata addChild(Metadata child) {
        children.add(child);
        return child;
    }

    /** First child of that name. */
    public Optional<Metadata> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The child of that name, created if missing. */
    public Metadata childOrCreate(String childName) {
        return child(childName).orElseGet(() -> addChild(childName));
    }

    /** A deep copy. */
    public Metadata copy() {
        Metadata m = new Metadata(name);
        m.attributes.putAll(attributes);
        for (Metadata c : children) m.children.add(c.copy());
        return m;
    }

    @Override
    public String toString() {
        return name + attributes + (children.isEmpty() ? "" : children.toString());
    }
}
