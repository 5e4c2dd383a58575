package eu.ai4c.desktop.run;

import eu.ai4c.desktop.products.OpenProducts;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.NotificationDisplayer;
import org.openide.util.Lookup;
import org.openide.util.RequestProcessor;
import org.openide.windows.IOProvider;
import org.openide.windows.InputOutput;

/**
 * Runs an {@link OperatorRun} in the desktop: on a background thread (never the event thread),
 * with a cancellable NetBeans progress bar (cancelling it cancels the run's
 * {@link ProcessingContext}), the log streamed live to an Output window tab named after the
 * operator, an error dialog with the {@link Ai4cException} message (no stack trace), and a
 * notification when done offering "Open folder" and, when an {@link OutputViewer} is registered,
 * "Show quick-look"; the written product is added to the Products window ({@link OpenProducts}).
 *
 * <h2>Thread-safety</h2>
 * {@link #start} may be called from any thread; each call is an independent run.
 */
public final class DesktopRun {
    private static final RequestProcessor WORKERS = new RequestProcessor("AI4C operator runs", 2, true);

    private DesktopRun() {
    }

    /**
     * Starts {@code run} in the background.
     *
     * @param title shown on the progress bar, the Output tab and the notification
     */
    public static void start(OperatorRun run, String title) {
        InputOutput io = IOProvider.getDefault().getIO(title, false);
        io.select();
        io.getOut().println("--- " + java.time.LocalTime.now().withNano(0) + " " + title);
        RunLog log = new RunLog() {
            @Override
            public void line(String text) {
                io.getOut().println(text);
            }

            @Override
            public void warning(String text) {
                io.getErr().println("WARNING: " + text);
            }
        };
        RunProgress[] progress = new RunProgress[1];
        ProgressHandle handle = ProgressHandle.createHandle(title, () -> {
            log.line("Cancelling…");
            progress[0].cancel();
            return true;
        });
        progress[0] = new RunProgress(log, new HandleListener(handle));
        long cache = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        ProcessingContext context = ProcessingContext.defaults().withProgress(progress[0]).withCacheBytes(cache);
        WORKERS.post(() -> {
            handle.start();
            handle.switchToIndeterminate();
            try (LogRouting ignored = LogRouting.to(log)) {
                List<Path> written = run.execute(context, log);
                notifyDone(title, written.get(0));
                addToProducts(written, log);
            } catch (Progress.Cancelled e) {
                log.line("Cancelled: no output was written.");
            } catch (Ai4cException e) {
                io.getErr().println("Error: " + e.getMessage());
                showError(title, e.getMessage());
            } catch (IOException e) {
                String msg = "Cannot read or write a file: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage());
                io.getErr().println("Error: " + msg);
                showError(title, msg);
            } catch (RuntimeException e) {
                String msg = "Unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + e.getMessage()) + ". Please report it with the log of the Output window.";
                e.printStackTrace(io.getErr());
                showError(title, msg);
            } finally {
                handle.finish();
                io.getOut().close();
                io.getErr().close();
            }
        });
    }

    /** Puts the run's product output in the Products window (as SNAP opens a written target product). */
    private static void addToProducts(List<Path> written, RunLog log) {
        try {
            OpenProducts.getDefault().openRunOutput(written)
                    .ifPresent(p -> log.line("Added " + p.name() + " to the Products window."));
        } catch (IOException | RuntimeException e) {
            log.line("The output was written, but could not be added to the Products window: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static void showError(String title, String message) {
        NotifyDescriptor.Message d = new NotifyDescriptor.Message(message, NotifyDescriptor.ERROR_MESSAGE);
        d.setTitle(title + " failed");
        DialogDisplayer.getDefault().notifyLater(d);
    }

    private static void notifyDone(String title, Path output) {
        SwingUtilities.invokeLater(() -> {
            JPanel details = new JPanel(new FlowLayout(FlowLayout.LEADING));
            details.add(new JLabel("Wrote " + output.getFileName()));
            JButton open = new JButton("Open folder");
            open.setName("notification.openFolder");
            open.setEnabled(Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN));
            open.addActionListener(e -> openFolder(output.toAbsolutePath().getParent()));
            details.add(open);
            OutputViewer viewer = Lookup.getDefault().lookup(OutputViewer.class);
            JButton look = new JButton("Show quick-look");
            look.setName("notification.quickLook");
            look.setEnabled(viewer != null);
            if (viewer != null) look.addActionListener(e -> viewer.show(output));
            details.add(look);
            NotificationDisplayer.getDefault().notify(title + " finished", emptyIcon(),
                    new JLabel(output.toString()), details, NotificationDisplayer.Priority.NORMAL);
        });
    }

    private static void openFolder(Path folder) {
        WORKERS.post(() -> {
            try {
                Desktop.getDesktop().open(folder.toFile());
            } catch (IOException | UnsupportedOperationException e) {
                showError("Open folder", "Cannot open " + folder + ": " + e.getMessage());
            }
        });
    }

    private static ImageIcon emptyIcon() {
        return new ImageIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB));
    }

    /** Shows the stage name and its fraction done on the progress bar. */
    private static final class HandleListener implements RunProgress.Listener {
        private static final int STEPS = 1000;
        private final ProgressHandle handle;
        private volatile int lastStep = -1;

        HandleListener(ProgressHandle handle) {
            this.handle = handle;
        }

        @Override
        public void stage(String name, long total) {
            lastStep = -1;
            if (total > 0) handle.switchToDeterminate(STEPS);
            handle.progress(name);
        }

        @Override
        public void progressed(long done, long total) {
            if (total <= 0) return;
            int step = (int) (STEPS * done / total);
            if (step > lastStep) {
                lastStep = step;
                handle.progress(step);
            }
        }
    }
}
