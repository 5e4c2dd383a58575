package eu.ai4c.desktop.actions;

import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.kit.op.Operator;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.filesystems.Repository;
import org.openide.util.Lookup;
import org.openide.util.lookup.ServiceProvider;

/**
 * Adds the generated {@link OperatorLayer} to the system filesystem, so every registered
 * operator gets its menu action when the platform starts. The XML is written to a temporary file
 * (deleted on exit) because layers are read from URLs.
 */
@ServiceProvider(service = Repository.LayerProvider.class)
public final class OperatorLayerProvider extends Repository.LayerProvider {
    private static final Logger LOG = Logger.getLogger(OperatorLayerProvider.class.getName());
    /** A class of the ai4c-snap module: its presence means SNAP already shows the product operators. */
    static final String SNAP_BINDING_CLASS = "eu.ai4c.snap.EngineOperatorAdapter";
    /** SNAP Desktop's application class: inside SNAP the top-level menus keep SNAP's positions. */
    static final String SNAP_APPLICATION_CLASS = "org.esa.snap.rcp.SnapApp";

    @Override
    protected void registerLayers(Collection<? super URL> layers) {
        try {
            layers.add(write().toUri().toURL());
        } catch (IOException | RuntimeException e) {
            // the platform must start even when the operators cannot be listed; the log says why
            LOG.log(Level.WARNING, "AI4C operator menus not created", e);
        }
    }

    private static Path write() throws IOException {
        Path file = Files.createTempFile("ai4c-operators-layer", ".xml");
        file.toFile().deleteOnExit();
        boolean insideSnap = present(SNAP_APPLICATION_CLASS);
        boolean snapBinding = present(SNAP_BINDING_CLASS);
        // the Products window's menu entries only where SNAP's Product Explorer is not
        Files.writeString(file, OperatorLayer.xml(withoutSnapDuplicates(OperatorCatalog.load().all(), snapBinding),
                !insideSnap, !insideSnap && !snapBinding), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Inside SNAP with the AI4C SNAP binding installed, every operator, including those that write
     * folders (training, exports, composites: the binding's FileOperatorAdapter), already has
     * SNAP's own dialog in the same menu, so no AI4C dialog is added there.
     */
    static List<Operator> withoutSnapDuplicates(List<Operator> operators, boolean snapBinding) {
        return snapBinding ? List.of() : operators;
    }

    private static boolean present(String className) {
        ClassLoader platform = Lookup.getDefault().lookup(ClassLoader.class);
        try {
            Class.forName(className, false, platform != null ? platform : OperatorLayerProvider.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
