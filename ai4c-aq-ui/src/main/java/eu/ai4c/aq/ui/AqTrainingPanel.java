package eu.ai4c.aq.ui;

import eu.ai4c.aq.model.EpochLog;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.ui.TrainingControls;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.GridLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The SRGAN training window's content, usable without NetBeans: the {@code aqgan-train} form
 * (generated from its descriptor), Start/Stop, two charts that grow after every epoch (critic loss
 * and the critic's Wasserstein distance estimate; content loss on training and validation samples)
 * and, after every epoch, a validation sample's true high-resolution field beside the one that
 * epoch's generator makes of it, on one colour scale. Training runs on a background thread; every
 * view update goes through the event thread; a progress bar counts the batches of all epochs (the
 * bar at the foot is {@link TrainingControls}). Component names: {@code aqtrain.start}, {@code aqtrain.stop}, {@code aqtrain.status},
 * {@code aqtrain.progress}, {@code aqtrain.critic}, {@code aqtrain.content},
 * {@code aqtrain.truth}, {@code aqtrain.generated}.
 */
public final class AqTrainingPanel extends JPanel {
    private final FormModel form = FormModel.of(OperatorRegistry.load().get("aqgan-train"));
    private final XYSeries critic = new XYSeries("critic loss"), wasserstein = new XYSeries("Wasserstein distance");
    private final XYSeries content = new XYSeries("content loss"), valContent = new XYSeries("validation content loss");
    private final FieldView truth = new FieldView(), generated = new FieldView();
    private final TrainingControls controls = new TrainingControls("aqtrain", "Train SRGAN",
            "Fill in the dates, data set and configuration, then press Start.", this::start, () -> {
                AqTrainingSession s = this.session;
                if (s != null) s.stop();
            });
    private volatile AqTrainingSession session;

    public AqTrainingPanel() {
        super(new BorderLayout());
        JPanel charts = new JPanel(new GridLayout(2, 1));
        charts.add(chart("aqtrain.critic", "Critic", critic, wasserstein));
        charts.add(chart("aqtrain.content", "Content (normalised)", content, valContent));
        truth.setName("aqtrain.truth");
        generated.setName("aqtrain.generated");
        truth.clear("validation sample: truth");
        generated.clear("generated (after the first epoch)");
        JPanel fields = new JPanel(new GridLayout(1, 2, 6, 0));
        fields.add(truth);
        fields.add(generated);
        fields.setPreferredSize(new Dimension(520, 260));
        JSplitPane results = new JSplitPane(JSplitPane.VERTICAL_SPLIT, charts, fields);
        results.setResizeWeight(0.6);
        controls.layOut(this, form, results);
    }

    private static ChartPanel chart(String name, String title, XYSeries... series) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : series) c.addSeries(s);
        ChartPanel p = new ChartPanel(ChartFactory.createXYLineChart(title, "epoch", null, c, PlotOrientation.VERTICAL,
                true, true, false));
        p.setName(name);
        p.setPreferredSize(new Dimension(520, 180));
        return p;
    }

    /** The form of the {@code aqgan-train} parameters. */
    public FormModel form() {
        return form;
    }

    /** Epochs drawn so far on the critic chart. */
    public int epochsShown() {
        return critic.getItemCount();
    }

    /** The run started last, or null. */
    AqTrainingSession session() {
        return session;
    }

    /** The true and the generated field of the validation sample as shown now. */
    FieldView truthView() {
        return truth;
    }

    FieldView generatedView() {
        return generated;
    }

    /**
     * Starts training with the form's values (event thread); refuses with the form's first message
     * when a value is invalid.
     *
     * @return completes with the files written, or exceptionally with the failure
     */
    public CompletableFuture<List<Path>> start() {
        String problem = controls.refuseInvalid(form);
        if (problem != null) return TrainingControls.refused(problem);
        AqTrainingSession s = new AqTrainingSession(form.toParameterValues(), form.target().folderPath());
        session = s;
        for (XYSeries series : new XYSeries[] {critic, wasserstein, content, valContent}) series.clear();
        s.addEpochListener(e -> SwingUtilities.invokeLater(() -> showEpoch(e)));
        s.addSampleListener(f -> SwingUtilities.invokeLater(() -> showSample(f)));
        controls.setStatus("Training…");
        ProcessingContext context = ProcessingContext.defaults().withProgress(controls.barProgress("batches"));
        return controls.run("ai4c-train-srgan", () -> s.run(context), written -> { }, written -> "Wrote "
                + (written.isEmpty() ? "nothing" : written.get(0))
                + (written.size() > 1 ? " and " + (written.size() - 1) + " more file(s)" : ""));
    }

    /** Batches done over all epochs, as the progress bar shows them. */
    javax.swing.JProgressBar progressBar() {
        return controls.progressBar();
    }

    private void showEpoch(EpochLog e) {
        critic.add(e.epoch(), e.criticLoss());
        wasserstein.add(e.epoch(), e.wasserstein());
        content.add(e.epoch(), e.content());
        if (!Double.isNaN(e.valContent())) valContent.add(e.epoch(), e.valContent());
        controls.setStatus(String.format(Locale.ROOT, "epoch %d: critic %.3f, Wasserstein %.3f, content %.4f%s%s",
                e.epoch(), e.criticLoss(), e.wasserstein(), e.content(),
                Double.isNaN(e.valRmse()) ? "" : String.format(Locale.ROOT, ", validation RMSE %.2f µg/m³", e.valRmse()),
                e.best() ? " (best so far)" : ""));
    }

    private void showSample(AqTrainingSession.SampleField f) {
        // one colour scale for both, from the truth's range, so that the two can be compared by eye
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : f.truth()) {
            if (Float.isNaN(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (!(hi > lo)) hi = lo + 1;
        truth.show("validation sample: truth", f.truth(), f.width(), f.height(), lo, hi, "µg/m³");
        generated.show("generated after epoch " + f.epoch(), f.generated(), f.width(), f.height(), lo, hi, "µg/m³");
    }
}
