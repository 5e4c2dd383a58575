package eu.ai4c.desktop.view;

import java.awt.EventQueue;
import java.io.IOException;
import java.nio.file.Path;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;

/**
 * Entry point of the quick-look viewer inside NetBeans: {@link #open(Path)} opens a GeoTIFF (or
 * any raster AI4C reads) in a new {@link QuickLookTopComponent}. Callable from any thread; the
 * window is created on the EDT, files are read in the background.
 */
public final class QuickLookWindow {
    private QuickLookWindow() {
    }

    /** Opens a quick-look window of {@code file}; problems are reported in a message dialog. */
    public static void open(Path file) {
        EventQueue.invokeLater(() -> {
            try {
                QuickLookView view = new QuickLookView(QuickLookSource.open(file));
                QuickLookTopComponent tc = new QuickLookTopComponent(file, view);
                tc.open();
                tc.requestActive();
            } catch (IOException | RuntimeException e) {
                DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message("Cannot open " + file + " for a quick-look: "
                        + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
            }
        });
    }
}
