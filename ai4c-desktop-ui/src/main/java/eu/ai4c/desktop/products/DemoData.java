package eu.ai4c.desktop.products;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.synthetic.FieldScene;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.RequestProcessor;

/**
 * The demo data of the desktop: the synthetic inputs of {@code ai4c demo}, made with the engine's
 * own makers and the same settings as the demo's steps, so the desktop and the command-line demo
 * show the same scenes:
 * <ol>
 *   <li>{@code scene_utm33n.tif}: the Warp step's 1200 × 1200 four-band field scene near Rome,
 *       WGS 84 / UTM 33N at 10 m ({@link FieldScene#nearRome}), as GeoTIFF;</li>
 *   <li>{@code S1A_IW_GRDH_1SDV_….SAFE}: the S1-GRD-preprocess step's dual-polarisation IW GRD near
 *       Rome, 1600 × 1200 samples with two homogeneous fields and three point targets ({@link SyntheticGrd}).</li>
 * </ol>
 * Written into {@code <user folder>/demo-data} (each product atomically, by its writer; products
 * already there are kept), then opened in the Products window. Stateless; thread-safe.
 */
public final class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    private static final RequestProcessor MAKER = new RequestProcessor("AI4C demo data", 1);
    /** Name of the GeoTIFF scene. */
    public static final String SCENE = "scene_utm33n.tif";

    private DemoData() {
    }

    /** The folder of the demo data: {@code demo-data} in the user folder (the user's home outside the platform). */
    public static Path folder() {
        java.io.File user = org.openide.modules.Places.getUserDirectory();
        return (user != null ? user.toPath() : Path.of(System.getProperty("user.home"), ".ai4cdesktop")).resolve("demo-data");
    }

    /** The S1-GRD-preprocess demo step's input. */
    static SyntheticGrd grd() {
        return SyntheticGrd.demoScene();
    }

    /**
     * Writes the demo products into {@code folder} (created when missing), skipping those already
     * there, and returns their locations (GeoTIFF, then the GRD SAFE folder).
     *
     * @param step told the name of each product before it is made
     */
    public static List<Path> write(Path folder, Consumer<String> step) throws IOException {
        Files.createDirectories(folder);
        Path scene = folder.resolve(SCENE);
        step.accept(SCENE);
        if (!Files.isRegularFile(scene)) {
            ProductIO.writer("GeoTIFF").write(Product.of("scene_utm33n", FieldScene.nearRome(1200, 1200, 4)), scene,
                    ProcessingContext.defaults());
        }
        SyntheticGrd grd = grd();
        Path safe = folder.resolve(grd.productName() + ".SAFE");
        step.accept(safe.getFileName().toString());
        if (!Files.isDirectory(safe)) safe = grd.write(folder);
        return List.of(scene, safe);
    }

    /**
     * Makes the demo data in the background with a progress bar, then opens it in the Products
     * window; a failure is shown in a message naming the folder. Any thread.
     */
    public static void openInDesktop() {
        Path folder = folder();
        MAKER.post(() -> {
            ProgressHandle handle = ProgressHandle.createHandle("AI4C demo data");
            handle.start(2);
            int[] done = {0};
            try {
                List<Path> products = write(folder, name -> {
                    handle.progress("Making " + name, done[0]);
                    done[0] = Math.min(2, done[0] + 1);
                });
                LOG.log(Level.INFO, "AI4C demo data in {0}", folder);
                ProductsWindow.open(products);
            } catch (IOException | RuntimeException e) {
                NotifyDescriptor.Message m = new NotifyDescriptor.Message("Cannot make the demo data in " + folder + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ". Check that the folder is writable and has room (about 20 MB).", NotifyDescriptor.ERROR_MESSAGE);
                m.setTitle("Open Demo Data");
                DialogDisplayer.getDefault().notifyLater(m);
            } finally {
                handle.finish();
            }
        });
    }
}
