package eu.ai4c.agri.ui;

import eu.ai4c.agri.lstm.EpochResult;
import eu.ai4c.agri.lstm.TrainingListener;
import eu.ai4c.agri.timesen2crop.CropClass;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.TrainingControls;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.Progress;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.jfree.data.xy.XYSeries;

/**
 * The LSTM training window's content, usable without NetBeans: the {@code train_lstm} form
 * (generated from its descriptor), Start/Stop, a progress bar within the epoch, loss and accuracy
 * charts that grow after every epoch, and at the end the confusion matrix and per-class accuracy
 * of the validation set. Training runs on a background thread; every view update goes through
 * the event thread; the bar at the foot is {@link TrainingControls}. Component names:
 * {@code train.start}, {@code train.stop}, {@code train.progress}, {@code train.status},
 * {@code train.chart}, {@code train.confusion}.
 */
public final class TrainingPanel extends JPanel {
    private final FormModel form = FormModel.of(OperatorRegistry.load().get("train_lstm"));
    private final XYSeries loss = new XYSeries("loss"), valLoss = new XYSeries("validation loss");
    private final XYSeries accuracy = new XYSeries("accuracy"), valAccuracy = new XYSeries("validation accuracy");
    private final DefaultTableModel confusion = new DefaultTableModel();
    private final TrainingControls controls = new TrainingControls("train", "Train LSTM",
            "Fill in the folders and press Start.", this::start, () -> {
                TrainingSession s = this.session;
                if (s != null) s.stop();
            });
    private volatile TrainingSession session;

    public TrainingPanel() {
        super(new BorderLayout());
        // two panels: losses and accuracies have different scales
        JPanel chartPanel = new JPanel(new GridLayout(2, 1));
        chartPanel.setName("train.chart");
        chartPanel.add(EpochCharts.of("train.loss", "Loss", "loss", loss, valLoss));
        chartPanel.add(EpochCharts.of("train.accuracy", "Accuracy", "accuracy", accuracy, valAccuracy));
        chartPanel.setPreferredSize(new Dimension(520, 360));
        JTable table = new JTable(confusion);
        table.setName("train.confusion");
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.setDefaultRenderer(Object.class, new ConfusionHeatRenderer(1));
        JSplitPane results = new JSplitPane(JSplitPane.VERTICAL_SPLIT, chartPanel, new JScrollPane(table));
        results.setResizeWeight(0.6);
        controls.layOut(this, form, results);
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
        String problem = controls.refuseInvalid(form);
        if (problem != null) return TrainingControls.refused(problem);
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
                    controls.progressBar().setMaximum(batches);
                    controls.progressBar().setValue(batch);
                    controls.progressBar().setString("epoch " + epoch + ": " + batch + "/" + batches);
                });
            }
        });
        controls.setStatus("Training…");
        return controls.run("ai4c-train-lstm", () -> s.run(Progress.silent()), this::showConfusion, o -> "Kept epoch "
                + o.result().bestEpoch() + "; wrote " + o.model() + (o.validation() == null ? ""
                : String.format(Locale.ROOT, "; validation accuracy %.3f", o.validation().overallAccuracy())));
    }

    private void showEpoch(EpochResult r) {
        loss.add(r.epoch(), r.loss());
        accuracy.add(r.epoch(), r.accuracy());
        if (r.hasValidation()) {
            valLoss.add(r.epoch(), r.valLoss());
            valAccuracy.add(r.epoch(), r.valAccuracy());
        }
        controls.setStatus(String.format(Locale.ROOT, "epoch %d/%d: loss %.3f, accuracy %.3f%s", r.epoch(), r.epochs(),
                r.loss(), r.accuracy(), r.hasValidation()
                        ? String.format(Locale.ROOT, ", validation %.3f", r.valAccuracy()) : ""));
    }

    private void showConfusion(TrainingSession.Outcome o) {
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
}
