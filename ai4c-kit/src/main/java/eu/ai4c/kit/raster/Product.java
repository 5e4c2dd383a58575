package eu.ai4c.kit.raster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What readers give and operators and writers take: a named {@link Raster}, its metadata tree,
 * where it came from, and typed attachments for format-specific models (e.g. a Sentinel-1
 * product's annotation) that downstream operators of the same family can ask for.
 * Immutable apart from the metadata tree while it is being built.
 */
public final class Product {
    private final String name;
    private final Raster raster;
    private final Metadata metadata;
    private final Path location;
    private final Map<Class<?>, Object> attachments;

    public Product(String name, Raster raster, Metadata metadata, Path location) {
        this(name, raster, metadata, location, Map.of());
    }

    private Product(String name, Raster raster, Metadata metadata, Path location, Map<Class<?>, Object> attachments) {
        this.name = Objects.requireNonNull(name, "name");
        this.raster = Objects.requireNonNull(raster, "raster");
        this.metadata = metadata == null ? new Metadata("metadata") : metadata;
        this.location = location;
        this.attachments = attachments;
    }

    /** A product made by an operator from a raster, with a fresh metadata tree. */
    public static Product of(String name, Raster raster) {
        return new Product(name, raster, new Metadata("metadata"), null);
    }

    public String name() {
        return name;
    }

    public Raster raster() {
        return raster;
    }

    public Metadata metadata() {
        return metadata;
    }

    /** The file or folder read, if any. */
    public Optional<Path> location() {
        return Optional.ofNullable(location);
    }

    /** The attachment of that type, if any. */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /** A copy with one more attachment. */
    public <T> Product withAttachment(Class<T> type, T value) {
        Map<Class<?>, Object> m = new LinkedHashMap<>(attachments);
        m.put(type, value);
        return new Product(name, raster, metadata, location, Map.copyOf(m));
    }

    /** A copy with another raster, keeping name, metadata, location and attachments. */
    public Product withRaster(Raster newRaster) {
        return new Product(name, newRaster, metadata, location, attachments);
    }

    public Product withName(String newName) {
        return new Product(newName, raster, metadata, location, attachments);
    }
}
