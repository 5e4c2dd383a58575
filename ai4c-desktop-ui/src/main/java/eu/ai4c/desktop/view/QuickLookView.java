package eu.ai4c.desktop.view;

import java.awt.BorderLayout;
import java.io.IOException;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.SwingWorker;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;

/**
 * Everything the viewer shows of one file, as plain Swing: tabs "Image" ({@link QuickLookPanel}),
 * "Histogram" (of the displayed bands, with the stretch limits) and, for an S2-CD class map or
 * its {@code _CVA.tif} (when both exist), "Change vectors" (the interactive polar scatter plot: drag to zoom,
 * tooltips). Use on the EDT; {@link #dispose()} when closed.
 */
public final class QuickLookView extends JPanel {
    private final QuickLookSource source;
    private final QuickLookPanel image;
    private final ChartPanel histogram = new ChartPanel(null);
    private final JTabbedPane tabs = new JTabbedPane();
    private SwingWorker<JFreeChart, Void> cvaWorker;

    public QuickLookView(QuickLookSource source) {
        super(new BorderLayout());
        this.source = source;
        this.image = new QuickLookPanel(source);
        image.addHistogramListener(histogram::setChart);
        tabs.addTab("Image", image);
        tabs.addTab("Histogram", histogram);
        source.changeDetection().ifPresent(cd -> tabs.addTab("Change vectors", changeVectorTab(cd)));
        add(tabs, BorderLayout.CENTER);
    }

    /** Starts reading; images and charts appear as they are ready. */
    public void start() {
        image.update();
        if (cvaWorker != null) cvaWorker.execute();
    }

    public QuickLookPanel imagePanel() {
        return image;
    }

    private JPanel changeVectorTab(S2CdFiles cd) {
        JPanel p = new JPanel(new BorderLayout());
        JLabel wait = new JLabel("Sampling changed pixels of " + cd.cva().getFileName() + " …");
        p.add(wait, BorderLayout.NORTH);
        ChartPanel chart = new ChartPanel(null);
        chart.setMouseWheelEnabled(true);
        chart.setDisplayToolTips(true);
        chart.setInitialDelay(100);
        p.add(chart, BorderLayout.CENTER);
        cvaWorker = new SwingWorker<>() {
            @Override
            protected JFreeChart doInBackground() throws IOException {
                return cvaChart(cd);
            }

            @Override
            protected void done() {
                if (isCancelled()) return;
                try {
                    chart.setChart(get());
                    p.remove(wait);
                    p.revalidate();
                } catch (Exception e) {
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    wait.setText("Cannot plot the change vectors: " + c.getMessage());
                }
            }
        };
        return p;
    }

    /** The polar scatter chart of an S2-CD result (reads the files; any thread). */
    public static JFreeChart cvaChart(S2CdFiles cd) throws IOException {
        try (QuickLookSource classes = QuickLookSource.open(cd.classes(), 1); QuickLookSource cva = QuickLookSource.open(cd.cva(), 1)) {
            CvaPoints points = CvaSampler.sample(classes.raster(), cva.raster(), CvaSampler.DEFAULT_MAX_POINTS);
            CvaSummary summary = java.nio.file.Files.isRegularFile(cd.summary()) ? CvaSummary.read(cd.summary()) : null;
            int total = points.size();
            return CvaScatterChart.create("Change vectors of " + cd.classes().getFileName() + " (" + total
                    + " sampled changed pixels)", points, summary, classes.legend());
        }
    }

    /** Stops background work and closes the file. */
    public void dispose() {
        image.dispose();
        if (cvaWorker != null) cvaWorker.cancel(true);
        try {
            source.close();
        } catch (IOException e) {
            // closing a read-only file: nothing to recover
        }
    }
}
