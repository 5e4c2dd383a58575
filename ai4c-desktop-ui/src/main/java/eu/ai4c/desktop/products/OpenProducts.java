package eu.ai4c.desktop.products;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The products open in the desktop, in the order they were opened, with listeners: the model of
 * the Products window and of the operator dialogs' "open products" choice. Products are read with
 * the engine's readers ({@link ProductIO#readerFor}: GeoTIFF/COG, Sentinel-1 and Sentinel-2 SAFE
 * folders, their zips, {@code manifest.safe} and {@code MTD_MSIL*.xml}); the same file opened
 * twice is one product. No display: the window and the tests use the same instance type.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe. {@link #open} reads the product on the calling thread (keep it off the event
 * thread); listeners are called on the thread that changed the list, after the change.
 */
public final class OpenProducts {

    /** Told when a product is opened or closed. */
    public interface Listener {
        void opened(OpenProduct product);

        void closed(OpenProduct product);

        /** The selected product changed (to {@code product}, or to none: null). */
        default void selected(OpenProduct product) {
        }
    }

    private static final OpenProducts DEFAULT = new OpenProducts();
    private final List<OpenProduct> products = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** The reference number given last; numbers are not reused while the application runs. */
    private int lastRefNo;
    /** The product selected in the Products window or on the World View, or null. */
    private OpenProduct selected;

    /** An empty list of its own (the desktop uses {@link #getDefault()}). */
    public OpenProducts() {
    }

    /** The desktop's list (one per application). */
    public static OpenProducts getDefault() {
        return DEFAULT;
    }

    /** The open products, oldest first (a copy). */
    public synchronized List<OpenProduct> products() {
        return List.copyOf(products);
    }

    /** The open product read from {@code location}, if any. */
    public synchronized Optional<OpenProduct> find(Path location) {
        Path key = key(location);
        return products.stream().filter(p -> p.location().equals(key)).findFirst();
    }

    /**
     * Opens the product at {@code location} (a file or a product folder), or returns the one
     * already open from there.
     *
     * @throws Ai4cException when the path does not exist or no reader accepts it (the message
     *                       names the path and the formats AI4C reads), or the reader refuses it
     * @throws IOException   when the product cannot be read
     */
    public OpenProduct open(Path location) throws IOException {
        Path key = key(location);
        Optional<OpenProduct> already = find(key);
        if (already.isPresent()) return already.get();
        if (!Files.exists(key)) throw new Ai4cException("Product " + key + " does not exist: check the path.");
        ProductReader reader = ProductIO.readerFor(key).orElseThrow(() -> new Ai4cException("Product " + key
                + " is not in a format AI4C reads (" + String.join(", ", formats())
                + "): choose a SAFE folder or zip, its manifest.safe or MTD_MSIL*.xml, or a GeoTIFF."));
        Product product = reader.read(key);
        return add(key, reader.formatName(), product);
    }

    /**
     * Opens the first written file of a run that is a product AI4C reads (the main output comes
     * first); files no reader accepts (CSV tables, reports, model weights) are passed over.
     *
     * @param written the files a run wrote, main output first
     * @return the product opened (or already open), or empty when none is readable
     * @throws IOException when a readable output cannot be read
     */
    public Optional<OpenProduct> openRunOutput(List<Path> written) throws IOException {
        for (Path p : written) {
            if (isProduct(p)) {
                Path key = key(p);
                // a run may overwrite a product of the same name: show what is on disk now
                find(key).ifPresent(this::close);
                return Optional.of(open(key));
            }
        }
        return Optional.empty();
    }

    /** Closes the product (removes it from the list); nothing happens when it is not open. */
    public void close(OpenProduct product) {
        boolean removed;
        boolean wasSelected;
        synchronized (this) {
            removed = products.remove(product);
            wasSelected = removed && selected == product;
            if (wasSelected) selected = null;
        }
        if (removed) for (Listener l : listeners) l.closed(product);
        if (wasSelected) for (Listener l : listeners) l.selected(null);
    }

    /**
     * Selects {@code product} (null: none), as a click in the Products window or a double-click on its
     * footprint does; the listeners are told when the selection changes. A product that is not open
     * is not selected.
     */
    public void select(OpenProduct product) {
        synchronized (this) {
            if (product != null && !products.contains(product)) return;
            if (product == selected) return;
            selected = product;
        }
        for (Listener l : listeners) l.selected(product);
    }

    /** The selected product, if any. */
    public synchronized Optional<OpenProduct> selected() {
        return Optional.ofNullable(selected);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Whether a registered reader accepts the path (by its name and first bytes; nothing is read in full). */
    public static boolean isProduct(Path path) {
        return Files.exists(path) && ProductIO.readerFor(path).isPresent();
    }

    /** The format names of the registered readers. */
    public static List<String> formats() {
        return ProductIO.readers().stream().map(ProductReader::formatName).toList();
    }

    private OpenProduct add(Path key, String format, Product product) {
        OpenProduct p;
        synchronized (this) {
            Optional<OpenProduct> raced = products.stream().filter(q -> q.location().equals(key)).findFirst();
            if (raced.isPresent()) return raced.get();
            p = new OpenProduct(++lastRefNo, key, format, product);
            products.add(p);
        }
        for (Listener l : listeners) l.opened(p);
        return p;
    }

    /**
     * Where a product is kept: the absolute path, except that a SAFE's {@code manifest.safe} or
     * {@code MTD_MSIL*.xml} stands for its folder (as the readers take it), so the folder and its
     * metadata file open one product.
     */
    static Path key(Path location) {
        Path p = location.toAbsolutePath().normalize();
        Path name = p.getFileName();
        if (name != null && p.getParent() != null && Files.isRegularFile(p)) {
            String n = name.toString().toUpperCase(java.util.Locale.ROOT);
            if (n.equals("MANIFEST.SAFE") || n.matches("MTD_MSIL(1C|2A)\\.XML")) return p.getParent();
        }
        return p;
    }
}
