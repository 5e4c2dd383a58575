package eu.ai4c.agri.ui;

import eu.ai4c.agri.lstm.EpochResult;
import eu.ai4c.agri.lstm.TrainingListener;
import eu.ai4c.agri.timesen2crop.CropClass;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.FormPanel;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.Progress;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The LSTM training window's content, usable without NetBeans: the {@code train_lstm} form
 * (generated from its descriptor), Start/Stop, a progress bar within the epoch, loss and accuracy
 * charts that grow after every epoch, and at the end the confusion matrix and per-class accuracy
 * of the validation set. Training runs on a background thread; every view update goes through
 * the event thread. Component names: {@code train.start}, {@code train.stop},
 * {@code train.progress}, {@code train.status}, {@code train.chart}, {@code train.confusion}.
 */
public final class TrainingPanel extends JPanel {
    private final FormModel form = FormModel.of(OperatorRegistry.load().get("train_lstm"));
    private final XYSeries loss = new XYSeries("loss"), valLoss = new XYSeries("validation loss");
    private final XYSeries accuracy = new XYSeries("accuracy"), valAccuracy = new XYSeries("validation accuracy");
    private final JButton start = new JButton("Start"), stop = new JButton("Stop");
    private final JProgressBar progress = new JProgressBar();
    private final JLabel status = new JLabel("Fill in the folders and press Start.");
    private final DefaultTableModel confusion = new DefaultTableModel();
    private volatile TrainingSession session;

    public TrainingPanel() {
        super(new BorderLayout());
        // two panels: losses and accuracies have different scales
        JPanel chartPanel = new JPanel(new java.awt.GridLayout(2, 1));
        chartPanel.setName("train.chart");
        chartPanel.add(chart("Loss", "loss", loss, valLoss));
        chartPanel.add(chart("Accuracy", "accuracy", accuracy, valAccuracy));
        chartPanel.setPreferredSize(new Dimension(520, 360));
        JTable table = new JTable(confusion);
        table.setName("train.confusion");
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.setDefaultRenderer(Object.class, new ConfusionHeatRenderer(1));
        JSplitPane results = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chartPanel, new JScrollPane(table));
        results.setResizeWeight(0.6);
        FormPanel formPanel = new FormPanel(form, () -> { });
        formPanel.setPreferredSize(new Dimension(420, 320));
        add(new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, formPanel, results), BorderLayout.CENTER);
        start.setName("train.start");
        stop.setName("train.stop");
        progress.setName("train.progress");
        status.setName("train.status");
        stop.setEnabled(false);
        start.addActionListener(e -> start());
        stop.addActionListener(e -> {
            TrainingSession s = session;
            if (s != null) s.stop();
            status.setText("Stopping after this batch; the best model so far is kept.");
        });
        JPanel south = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        progress.setStringPainted(true);
        south.add(status);
        south.add(progress);
        south.add(start);
        south.add(stop);
        add(south, BorderLayout.SOUTH);
    }

    private static ChartPanel chart(String title, String axis, XYSeries a, XYSeries b) {
        XYSeriesCollection curves = new XYSeriesCollection();
        curves.addSeries(a);
        curves.addSeries(b);
        return new ChartPanel(ChartFactory.createXYLineChart(title, "epoch", axis, curves, PlotOrientation.VERTICAL,
                true, true, false));
    }

    /** The form of the {@code train_lstm} parameters (folders, epochs, batch size, …). */
    public FormModel form() {
        return form;
    }

    /** Points drawn so far on the training-loss curve (one per finished epoch). */
    public int epochsShown() {
        return loss.getItemCount();
    }

    /** The confusion-matrix table (rows: true classes; columns: predicted, then class accuracy). */
    public DefaultTableModel confusionTable() {
        return confusion;
    }

    /**
     * Starts training with the form's values (event thread); refuses with the form's first
     * message when a value is invalid.
     *
     * @return completes with the outcome, or exceptionally with the failure
     */
    public CompletableFuture<TrainingSession.Outcome> start() {
        CompletableFuture<TrainingSession.Outcome> done = new CompletableFuture<>();
        if (!form.messages().isEmpty() || form.target().folder().isBlank()) {
            String m = form.messages().isEmpty() ? "Choose the output folder." : form.messages().values().iterator().next();
            status.setText(m);
            done.completeExceptionally(new Ai4cException(m));
            return done;
        }
        TrainingSession s = new TrainingSession(form.toParameterValues(), form.target().folderPath());
        session = s;
        for (XYSeries series : new XYSeries[] {loss, valLoss, accuracy, valAccuracy}) series.clear();
        confusion.setRowCount(0);
        s.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochResult r) {
                SwingUtilities.invokeLater(() -> showEpoch(r));
            }

            @Override
            public void onBatch(int epoch, int batch, int batches) {
                SwingUtilities.invokeLater(() -> {
                    progress.setMaximum(batches);
                    progress.setValue(batch);
                    progress.setString("epoch " + epoch + ": " + batch + "/" + batches);
                });
            }
        });
        start.setEnabled(false);
        stop.setEnabled(true);
        status.setText("Training…");
        Thread worker = new Thread(() -> {
            try {
                TrainingSession.Outcome outcome = s.run(Progress.silent());
                SwingUtilities.invokeLater(() -> finished(outcome));
                done.complete(outcome);
            } catch (Exception | Error e) {
                SwingUtilities.invokeLater(() -> failed(e));
                done.completeExceptionally(e);
            }
        }, "ai4c-train-lstm");
        worker.setDaemon(true);
        worker.start();
        return done;
    }

    private void showEpoch(EpochResult r) {
        loss.add(r.epoch(), r.loss());
        accuracy.add(r.epoch(), r.accuracy());
        if (r.hasValidation()) {
            valLoss.add(r.epoch(), r.valLoss());
            valAccuracy.add(r.epoch(), r.valAccuracy());
        }
        status.setText(String.format(Locale.ROOT, "epoch %d/%d: loss %.3f, accuracy %.3f%s", r.epoch(), r.epochs(),
                r.loss(), r.accuracy(), r.hasValidation()
                        ? String.format(Locale.ROOT, ", validation %.3f", r.valAccuracy()) : ""));
    }

    private void finished(TrainingSession.Outcome o) {
        start.setEnabled(true);
        stop.setEnabled(false);
        status.setText("Kept epoch " + o.result().bestEpoch() + "; wrote " + o.model()
                + (o.validation() == null ? "" : String.format(Locale.ROOT, "; validation accuracy %.3f",
                o.validation().overallAccuracy())));
        ConfusionMatrix m = o.validation();
        if (m == null) return;
        Object[] header = new Object[m.classes() + 2];
        header[0] = "true \\ predicted";
        for (int c = 0; c < m.classes(); c++) header[c + 1] = c;
        header[m.classes() + 1] = "class accuracy";
        confusion.setColumnIdentifiers(header);
        for (int t = 0; t < m.classes(); t++) {
            Object[] row = new Object[m.classes() + 2];
            row[0] = t + " " + CropClass.ofId(t).label();
            for (int p = 0; p < m.classes(); p++) row[p + 1] = m.count(t, p);
            double a = m.classAccuracy(t);
            row[m.classes() + 1] = Double.isNaN(a) ? "–" : String.format(Locale.ROOT, "%.3f", a);
            confusion.addRow(row);
        }
    }

    private void failed(Throwable e) {
        start.setEnabled(true);
        stop.setEnabled(false);
        String message = e instanceof Ai4cException ? e.getMessage() : "Training failed: " + e;
        status.setText(message);
        if (!java.awt.GraphicsEnvironment.isHeadless()) {
            JOptionPane.showMessageDialog(this, message, "Train LSTM", JOptionPane.ERROR_MESSAGE);
        }
    }
}
