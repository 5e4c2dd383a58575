package eu.ai4c.snap;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.swing.SwingUtilities;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.datamodel.ProductNodeGroup;
import org.esa.snap.core.datamodel.VectorDataNode;
import org.esa.snap.core.gpf.GPF;

/**
 * Adds the ESRI Shapefiles an operator wrote to a product as vector data, with SNAP's own
 * {@value #OPERATOR} operator, so that they overlay its image views in SNAP Desktop. SNAP's
 * vector data are GeoTools features, which only SNAP's importer makes: Import-Vector (snap-gpf
 * 13.0.2 {@code ImportVectorOp}) reads each file into a copy of the product (features clipped to
 * the product and put into its model CRS), and the nodes that copy has beyond the product's own are
 * moved into the product. One node per file ({@code separateShapes} false), named after the file
 * ({@code _1}, {@code _2}, ... when the product already has that name).
 */
final class VectorDataImport {
    /** SNAP's vector importer (snap-gpf 13.0.2), and its parameters. */
    static final String OPERATOR = "Import-Vector", VECTOR_FILE = "vectorFile", SEPARATE_SHAPES = "separateShapes";

    private VectorDataImport() {
    }

    /** The Shapefiles among the files written. */
    static List<Path> shapefiles(List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp")).toList();
    }

    /** The parameters of one Import-Vector run. */
    static Map<String, Object> parameters(Path shapefile) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(VECTOR_FILE, shapefile.toFile());
        p.put(SEPARATE_SHAPES, Boolean.FALSE);
        return p;
    }

    /**
     * Imports each Shapefile into {@code product}; the names of the vector data nodes added. The
     * product's groups change on the event thread when there is a display (SNAP Desktop's views
     * listen to them), directly otherwise (gpt).
     */
    static List<String> addTo(Product product, List<Path> shapefiles) {
        List<String> added = new ArrayList<>();
        for (Path shp : shapefiles) {
            Product imported = GPF.createProduct(OPERATOR, parameters(shp), product);
            try {
                onEventThread(() -> added.addAll(moveNew(imported.getVectorDataGroup(), product.getVectorDataGroup())));
            } finally {
                imported.dispose();
            }
        }
        return added;
    }

    /** Moves the nodes of {@code from} whose names {@code to} does not have; their names. */
    static List<String> moveNew(ProductNodeGroup<VectorDataNode> from, ProductNodeGroup<VectorDataNode> to) {
        List<VectorDataNode> fresh = new ArrayList<>();
        for (int i = 0; i < from.getNodeCount(); i++) {
            VectorDataNode node = from.get(i);
            if (!to.contains(node.getName())) fresh.add(node);
        }
        List<String> names = new ArrayList<>();
        for (VectorDataNode node : fresh) {
            from.remove(node);
            to.add(node);
            names.add(node.getName());
        }
        return names;
    }

    private static void onEventThread(Runnable r) {
        if (GraphicsEnvironment.isHeadless() || SwingUtilities.isEventDispatchThread()) {
            r.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding vector data", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The shapefile a warning names, as a path the user can give SNAP's Vector → Import. */
    static String describe(List<Path> shapefiles) {
        return String.join(", ", shapefiles.stream().map(Path::toFile).map(File::getPath).toList());
    }
}
