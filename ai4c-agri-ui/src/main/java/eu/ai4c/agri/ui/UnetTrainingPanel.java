package eu.ai4c.agri.ui;

import eu.ai4c.agri.unet.SegmentationMetrics;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.UnetTrainer;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.FormPanel;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The U-Net training window's content, usable without NetBeans: the {@code unet} form (generated
 * from its descriptor; this window always runs {@code -action train}), Start/Stop, a progress bar
 * over the batches of all epochs, two charts that grow after every epoch (training and validation
 * loss; training pixel accuracy and validation mean IoU) and at the end the validation confusion
 * matrix of the kept epoch with per-class IoU and F1, rows and columns named by the model's class
 * names. Training runs on a background thread through {@link UnetTrainingSession}; every view
 * update goes through the event thread. Component names: {@code unet.start}, {@code unet.stop},
 * {@code unet.progress}, {@code unet.status}, {@code unet.loss}, {@code unet.iou},
 * {@code unet.confusion}.
 */
public final class UnetTrainingPanel extends JPanel {
    private final OperatorDescriptor descriptor = OperatorRegistry.load().get("unet").descriptor();
    private final FormModel form = FormModel.of(descriptor);
    private final XYSeries loss = new XYSeries("loss"), valLoss = new XYSeries("validation loss");
    private final XYSeries accuracy = new XYSeries("pixel accuracy"), valIou = new XYSeries("validation mean IoU");
    private final JButton start = new JButton("Start"), stop = new JButton("Stop");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel status = new JLabel("Fill in the tiles and the output folder, then press Start.");
    private final DefaultTableModel confusion = new DefaultTableModel();
    private volatile UnetTrainingSession session;

    public UnetTrainingPanel() {
        super(new BorderLayout());
        form.parameter("action").setText("train");
        JPanel charts = new JPanel(new GridLayout(2, 1));
        charts.add(chart("unet.loss", "Loss", "loss", loss, valLoss));
        charts.add(chart("unet.iou", "Accuracy and IoU", "fraction", accuracy, valIou));
        JTable table = new JTable(confusion);
        table.setName("unet.confusion");
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.setDefaultRenderer(Object.class, new ConfusionHeatRenderer(1));
        JSplitPane results = new JSplitPane(JSplitPane.VERTICAL_SPLIT, charts, new JScrollPane(table));
        results.setResizeWeight(0.7);
        FormPanel formPanel = new FormPanel(form, () -> { });
        formPanel.setPreferredSize(new Dimension(440, 360));
        add(new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, formPanel, results), BorderLayout.CENTER);
        start.setName("unet.start");
        stop.setName("unet.stop");
        progress.setName("unet.progress");
        status.setName("unet.status");
        stop.setEnabled(false);
        start.addActionListener(e -> start());
        stop.addActionListener(e -> {
            UnetTrainingSession s = session;
            if (s != null) s.stop();
            status.setText("Stopping after this batch; the best epoch so far is kept.");
        });
        JPanel south = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        progress.setStringPainted(true);
        south.add(status);
        south.add(progress);
        south.add(start);
        south.add(stop);
        add(south, BorderLayout.SOUTH);
    }

    private static ChartPanel chart(String name, String title, String axis, XYSeries a, XYSeries b) {
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(a);
        curves.addSeries(b);
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", axis, curves, PlotOrientation.VERTICAL,
                true, true, false);
        ChartPanel panel = new ChartPanel(chart);
        panel.setName(name);
        panel.setPreferredSize(new Dimension(520, 200));
        return panel;
    }

    /** The form of the {@code unet} parameters (tiles, backbone, epochs, …). */
    public FormModel form() {
        return form;
    }

    /** Points drawn so far on the training-loss curve (one per finished epoch). */
    public int epochsShown() {
        return loss.getItemCount();
    }

    /** Points drawn so far on the validation mean-IoU curve. */
    public int iouPointsShown() {
        return valIou.getItemCount();
    }

    /** The confusion-matrix table (rows: true classes; columns: predicted, then IoU and F1). */
    public DefaultTableModel confusionTable() {
        return confusion;
    }

    public JProgressBar progressBar() {
        return progress;
    }

    /** The status line's text. */
    public String statusText() {
        return status.getText();
    }

    /** The session of the current or last run (null before the first Start). */
    UnetTrainingSession session() {
        return session;
    }

    /**
     * Starts training with the form's values (event thread); refuses with the form's first
     * message when a value is invalid.
     *
     * @return completes with the files written, or exceptionally with the failure
     */
    public CompletableFuture<UnetOperator.Trained> start() {
        CompletableFuture<UnetOperator.Trained> done = new CompletableFuture<>();
        form.parameter("action").setText("train");
        String problem = form.firstMessage().orElse(form.target().folder().isBlank() ? "Choose the output folder." : null);
        ParameterValues params = null;
        if (problem == null) {
            try {
                Map<String, String> raw = form.rawParameters();
                params = descriptor.validate(raw);
            } catch (Ai4cException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            status.setText(problem);
            done.completeExceptionally(new Ai4cException(problem));
            return done;
        }
        UnetTrainingSession s = new UnetTrainingSession(params, form.target().folderPath());
        session = s;
        for (XYSeries series : new XYSeries[] {loss, valLoss, accuracy, valIou}) series.clear();
        confusion.setRowCount(0);
        confusion.setColumnCount(0);
        progress.setValue(0);
        s.addListener(e -> SwingUtilities.invokeLater(() -> showEpoch(e)));
        start.setEnabled(false);
        stop.setEnabled(true);
        status.setText("Cutting the tiles into patches…");
        ProcessingContext context = ProcessingContext.defaults().withProgress(new BarProgress());
        Thread worker = new Thread(() -> {
            try {
                UnetOperator.Trained t = s.run(context);
                SwingUtilities.invokeLater(() -> finished(t));
                done.complete(t);
            } catch (Exception | Error e) {
                SwingUtilities.invokeLater(() -> failed(e));
                done.completeExceptionally(e);
            }
        }, "ai4c-train-unet");
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    /** The training's batches on the progress bar (called on the training thread). */
    private final class BarProgress implements Progress {
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private volatile String stage = "";
        private volatile boolean cancelled;

        @Override
        public void begin(String name, long totalWork) {
            stage = name;
            total = totalWork;
            done.set(0);
            show();
        }

        @Override
        public void worked(long units) {
            done.addAndGet(units);
            show();
        }

        @Override
        public void end() {
            done.set(total);
            show();
        }

        private void show() {
            long t = total;
            long d = Math.min(done.get(), t);
            String s = stage;
            SwingUtilities.invokeLater(() -> {
                // JProgressBar counts in int: scale very long runs down
                int shift = 0;
                while ((t >> shift) > Integer.MAX_VALUE) shift++;
                progress.setMaximum((int) (t >> shift));
                progress.setValue((int) (d >> shift));
                progress.setString(s + ": " + d + "/" + t + " batches");
            });
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private void showEpoch(UnetTrainer.Epoch e) {
        loss.add(e.epoch(), e.loss());
        accuracy.add(e.epoch(), e.accuracy());
        boolean validated = !Double.isNaN(e.valLoss());
        if (validated) {
            valLoss.add(e.epoch(), e.valLoss());
            valIou.add(e.epoch(), e.valMeanIou());
        }
        status.setText(String.format(Locale.ROOT, "epoch %d/%d: loss %.3f, pixel accuracy %.3f%s%s", e.epoch(),
                e.epochs(), e.loss(), e.accuracy(), validated
                        ? String.format(Locale.ROOT, ", validation mean IoU %.3f", e.valMeanIou()) : "",
                e.best() ? " (best so far)" : ""));
    }

    private void finished(UnetOperator.Trained t) {
        start.setEnabled(true);
        stop.setEnabled(false);
        UnetTrainer.Result r = t.result();
        status.setText("Kept epoch " + r.bestEpoch() + " of " + r.history().size() + (r.stopped() ? " (stopped)" : "")
                + "; wrote " + t.files().get(0));
        long[][] m = r.confusion();
        if (m == null) return;
        UnetModel model = r.model();
        int k = model.classes();
        double[] iou = SegmentationMetrics.iou(m);
        double[] f1 = SegmentationMetrics.f1(m);
        Object[] header = new Object[k + 3];
        header[0] = "true \\ predicted";
        for (int c = 0; c < k; c++) header[c + 1] = model.className(c);
        header[k + 1] = "IoU";
        header[k + 2] = "F1";
        confusion.setColumnIdentifiers(header);
        for (int c = 0; c < k; c++) {
            Object[] row = new Object[k + 3];
            row[0] = model.classIds()[c] + " " + model.className(c);
            for (int p = 0; p < k; p++) row[p + 1] = m[c][p];
            row[k + 1] = Double.isNaN(iou[c]) ? "–" : String.format(Locale.ROOT, "%.3f", iou[c]);
            row[k + 2] = Double.isNaN(f1[c]) ? "–" : String.format(Locale.ROOT, "%.3f", f1[c]);
            confusion.addRow(row);
        }
    }

    private void failed(Throwable e) {
        start.setEnabled(true);
        stop.setEnabled(false);
        String message = e instanceof Ai4cException ? e.getMessage() : "Training failed: " + e;
        status.setText(message);
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            JOptionPane.showMessageDialog(this, message, "Train U-Net", JOptionPane.ERROR_MESSAGE);
        }
    }
}
