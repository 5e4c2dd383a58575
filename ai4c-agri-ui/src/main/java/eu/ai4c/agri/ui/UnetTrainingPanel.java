package eu.ai4c.agri.ui;

import eu.ai4c.agri.unet.SegmentationMetrics;
import eu.ai4c.agri.unet.UnetModel;
import eu.ai4c.agri.unet.UnetOperator;
import eu.ai4c.agri.unet.UnetTrainer;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.TrainingControls;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.BorderLayout;
import java.awt.GridLayout;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;
import org.jfree.data.xy.XYSeries;

/**
 * The U-Net training window's content, usable without NetBeans: the {@code unet} form (generated
 * from its descriptor; this window always runs {@code -action train}), Start/Stop, a progress bar
 * over the batches of all epochs, two charts that grow after every epoch (training and validation
 * loss; training pixel accuracy and validation mean IoU) and at the end the validation confusion
 * matrix of the kept epoch with per-class IoU and F1, rows and columns named by the model's class
 * names. Training runs on a background thread through {@link UnetTrainingSession}; every view
 * update goes through the event thread; the bar at the foot is {@link TrainingControls}. Component
 * names: {@code unet.start}, {@code unet.stop}, {@code unet.progress}, {@code unet.status},
 * {@code unet.loss}, {@code unet.iou}, {@code unet.confusion}.
 */
public final class UnetTrainingPanel extends JPanel {
    private final OperatorDescriptor descriptor = OperatorRegistry.load().get("unet").descriptor();
    private final FormModel form = FormModel.of(descriptor);
    private final XYSeries loss = new XYSeries("loss"), valLoss = new XYSeries("validation loss");
    private final XYSeries accuracy = new XYSeries("pixel accuracy"), valIou = new XYSeries("validation mean IoU");
    private final DefaultTableModel confusion = new DefaultTableModel();
    private final TrainingControls controls = new TrainingControls("unet", "Train U-Net",
            "Fill in the tiles and the output folder, then press Start.", this::start, () -> {
                UnetTrainingSession s = session();
                if (s != null) s.stop();
            });
    private volatile UnetTrainingSession session;

    public UnetTrainingPanel() {
        super(new BorderLayout());
        form.parameter("action").setText("train");
        JPanel charts = new JPanel(new GridLayout(2, 1));
        charts.add(EpochCharts.of("unet.loss", "Loss", "loss", loss, valLoss));
        charts.add(EpochCharts.of("unet.iou", "Accuracy and IoU", "fraction", accuracy, valIou));
        JTable table = new JTable(confusion);
        table.setName("unet.confusion");
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        table.setDefaultRenderer(Object.class, new ConfusionHeatRenderer(1));
        JSplitPane results = new JSplitPane(JSplitPane.VERTICAL_SPLIT, charts, new JScrollPane(table));
        results.setResizeWeight(0.7);
        controls.layOut(this, form, results);
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
        return controls.progressBar();
    }

    /** The status line's text. */
    public String statusText() {
        return controls.status();
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
        form.parameter("action").setText("train");
        String problem = controls.refuseInvalid(form);
        if (problem != null) return TrainingControls.refused(problem);
        ParameterValues params;
        try {
            params = descriptor.validate(form.rawParameters());
        } catch (Ai4cException e) {
            controls.setStatus(e.getMessage());
            return TrainingControls.refused(e.getMessage());
        }
        UnetTrainingSession s = new UnetTrainingSession(params, form.target().folderPath());
        session = s;
        for (XYSeries series : new XYSeries[] {loss, valLoss, accuracy, valIou}) series.clear();
        confusion.setRowCount(0);
        confusion.setColumnCount(0);
        s.addListener(e -> SwingUtilities.invokeLater(() -> showEpoch(e)));
        controls.setStatus("Cutting the tiles into patches…");
        ProcessingContext context = ProcessingContext.defaults().withProgress(controls.barProgress("batches"));
        return controls.run("ai4c-train-unet", () -> s.run(context), this::showConfusion, t -> "Kept epoch "
                + t.result().bestEpoch() + " of " + t.result().history().size()
                + (t.result().stopped() ? " (stopped)" : "") + "; wrote " + t.files().get(0));
    }

    private void showEpoch(UnetTrainer.Epoch e) {
        loss.add(e.epoch(), e.loss());
        accuracy.add(e.epoch(), e.accuracy());
        boolean validated = !Double.isNaN(e.valLoss());
        if (validated) {
            valLoss.add(e.epoch(), e.valLoss());
            valIou.add(e.epoch(), e.valMeanIou());
        }
        controls.setStatus(String.format(Locale.ROOT, "epoch %d/%d: loss %.3f, pixel accuracy %.3f%s%s", e.epoch(),
                e.epochs(), e.loss(), e.accuracy(), validated
                        ? String.format(Locale.ROOT, ", validation mean IoU %.3f", e.valMeanIou()) : "",
                e.best() ? " (best so far)" : ""));
    }

    private void showConfusion(UnetOperator.Trained t) {
        long[][] m = t.result().confusion();
        if (m == null) return;
        UnetModel model = t.result().model();
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
}
