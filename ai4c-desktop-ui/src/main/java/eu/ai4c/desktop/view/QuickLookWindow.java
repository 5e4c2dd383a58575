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
        open(file, -1);
    }

    /**
     * Opens a quick-look window of band {@code band} (0-based) of {@code file} as a single band
     * (the Products window's double-click); a negative band keeps the default display (RGB
     * composite of three bands, class map with its legend).
     */
    public static void open(Path file, int band) {
        EventQueue.invokeLater(() -> {
            try {
                QuickLookView view = new QuickLookView(QuickLookSource.open(file));
                if (band >= 0) {
                    view.imagePanel().setMode(QuickLookPanel.Mode.BAND);
                    view.imagePanel().setBand(0, band);
                }
                java.util.logging.Logger.getLogger(eu.ai4c.desktop.form.ui.OperatorDialog.TRACE_LOGGER)
                        .fine("ui quicklook opened " + file.getFileName() + " band " + band);
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
