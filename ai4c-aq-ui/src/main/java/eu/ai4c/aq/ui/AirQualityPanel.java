package eu.ai4c.aq.ui;

import eu.ai4c.aq.model.SrganModelFile;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JEditorPane;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import javax.swing.SwingWorker;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * The air-quality view: a downscaled ensemble ({@link EnsembleFile}) as two maps, the ensemble mean
 * and its standard deviation, each with a colour bar in µg/m³ whose range covers the whole period,
 * and a slider over the time steps; a model's training-curves PNG; and the expected input format
 * (the help page, plus the variables and frame sizes of an opened model). Files are read off the
 * event thread ({@link SwingWorker}); the maps are drawn on it; the {@code open…} methods return
 * futures that complete when the view shows the result. Works without NetBeans ({@link
 * AirQualityWindow} puts it in a window).
 *
 * <p>Component names (for tests and UI automation): {@code aq.openResult}, {@code aq.openModel},
 * {@code aq.inputFormat} (buttons), {@code aq.tabs}, {@code aq.mean}, {@code aq.std}, {@code
 * aq.time} (slider), {@code aq.timeLabel}, {@code aq.status}, {@code aq.curves}, {@code
 * aq.inputFormatText}.</p>
 */
public final class AirQualityPanel extends JPanel {
    static final int TAB_FIELD = 0;
    static final int TAB_CURVES = 1;
    static final int TAB_INPUT = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FieldView mean = new FieldView();
    private final FieldView std = new FieldView();
    private final JSlider time = new JSlider(0, 0, 0);
    private final JLabel timeLabel = new JLabel(" ");
    private final JLabel status = new JLabel("Open the .nc (or _mean.tif) that aqgan-generate or aqgan-predict wrote.");
    private final JLabel curves = new JLabel("Open a model (.aqgan) or its training-curves PNG.", SwingConstants.CENTER);
    private final JEditorPane inputFormat = new JEditorPane();
    private final JTabbedPane tabs = new JTabbedPane();
    private final String helpHtml;
    private EnsembleFile file;
    private SwingWorker<?, ?> showingWorker;
    private CompletableFuture<Void> showing;

    public AirQualityPanel() {
        super(new BorderLayout());
        helpHtml = readHelp();
        JButton openResult = new JButton("Open result...");
        openResult.setName("aq.openResult");
        openResult.addActionListener(e -> choose("Ensemble output", new String[] {"nc", "tif", "tiff"}, this::open));
        JButton openModel = new JButton("Open model curves...");
        openModel.setName("aq.openModel");
        openModel.addActionListener(e -> choose("Model or training curves", new String[] {"aqgan", "png"},
                this::openModel));
        JButton help = new JButton("Load expected input format");
        help.setName("aq.inputFormat");
        help.addActionListener(e -> showInputFormat());
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT));
        bar.add(openResult);
        bar.add(openModel);
        bar.add(help);
        add(bar, BorderLayout.NORTH);

        mean.setName("aq.mean");
        std.setName("aq.std");
        time.setName("aq.time");
        timeLabel.setName("aq.timeLabel");
        status.setName("aq.status");
        curves.setName("aq.curves");
        tabs.setName("aq.tabs");
        inputFormat.setName("aq.inputFormatText");
        time.setEnabled(false);
        time.setMajorTickSpacing(1);
        time.setSnapToTicks(true);
        time.addChangeListener(e -> showStep(time.getValue()));
        JPanel maps = new JPanel(new GridLayout(1, 2, 8, 0));
        maps.add(mean);
        maps.add(std);
        JPanel slider = new JPanel(new BorderLayout(8, 0));
        slider.add(new JLabel("Time step"), BorderLayout.WEST);
        slider.add(time, BorderLayout.CENTER);
        slider.add(timeLabel, BorderLayout.EAST);
        JPanel field = new JPanel(new BorderLayout());
        field.add(maps, BorderLayout.CENTER);
        field.add(slider, BorderLayout.SOUTH);
        tabs.addTab("PM2.5 ensemble", field);
        tabs.addTab("Training curves", new JScrollPane(curves));
        inputFormat.setContentType("text/html");
        inputFormat.setEditable(false);
        inputFormat.setText(helpHtml);
        inputFormat.setCaretPosition(0);
        tabs.addTab("Input format", new JScrollPane(inputFormat));
        add(tabs, BorderLayout.CENTER);
        status.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        add(status, BorderLayout.SOUTH);
    }

    private static String readHelp() {
        try (InputStream in = AirQualityPanel.class.getResourceAsStream("input-format.html")) {
            if (in == null) throw new IllegalStateException("input-format.html missing from the module");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read input-format.html of the module", e);
        }
    }

    private void choose(String what, String[] extensions, java.util.function.Consumer<Path> then) {
        JFileChooser fc = new JFileChooser();
        fc.setFileFilter(new FileNameExtensionFilter(what + " (" + String.join(", ", extensions) + ")", extensions));
        if (fc.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) then.accept(fc.getSelectedFile().toPath());
    }

    /**
     * Opens an ensemble output off the event thread and shows its first time step. The returned
     * future completes on the event thread once the view has the file (exceptionally with a read
     * error, which is also shown in the status line).
     */
    public CompletableFuture<EnsembleFile> open(Path path) {
        status.setText("Reading " + path + " ...");
        CompletableFuture<EnsembleFile> result = new CompletableFuture<>();
        SwingWorker<EnsembleFile, Void> w = new SwingWorker<>() {
            @Override
            protected EnsembleFile doInBackground() throws IOException {
                return EnsembleFile.open(path);
            }

            @Override
            protected void done() {
                try {
                    EnsembleFile f = get();
                    setFile(f);
                    result.complete(f);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                } catch (ExecutionException e) {
                    status.setText("Cannot open: " + e.getCause().getMessage());
                    result.completeExceptionally(e.getCause());
                }
            }
        };
        w.execute();
        return result;
    }

    private void setFile(EnsembleFile f) {
        EnsembleFile old = file;
        file = f;
        if (old != null) {
            synchronized (old) { // after a step being read from it
                try {
                    old.close();
                } catch (IOException ignored) {
                    // a read-only file that failed to close holds nothing to lose
                }
            }
        }
        int n = f.times().size();
        time.setMaximum(Math.max(0, n - 1));
        time.setEnabled(n > 1);
        time.setPaintTicks(n > 1 && n <= 48);
        status.setText(f.path().getFileName() + ": " + f.variable() + ", " + n + " time step(s) on " + f.width() + " × "
                + f.height() + " cells" + (f.hasSpread() ? "" : "; no spread in this file (open the .nc for it)"));
        tabs.setSelectedIndex(TAB_FIELD);
        if (time.getValue() == 0) showStep(0);
        else time.setValue(0);
    }

    /** Shows time step {@code t} of the open file (reads it off the event thread). */
    private void showStep(int t) {
        EnsembleFile f = file;
        if (f == null || t >= f.times().size()) return;
        if (showingWorker != null) showingWorker.cancel(false);
        if (showing != null) showing.complete(null); // superseded
        CompletableFuture<Void> shown = new CompletableFuture<>();
        timeLabel.setText(TIME.format(f.times().get(t)) + "  (" + (t + 1) + "/" + f.times().size() + ")");
        SwingWorker<float[][], Void> w = new SwingWorker<>() {
            @Override
            protected float[][] doInBackground() throws IOException {
                synchronized (f) { // one reader at a time
                    return new float[][] {f.mean(t), f.hasSpread() ? f.std(t) : null};
                }
            }

            @Override
            protected void done() {
                if (isCancelled() || file != f) {
                    shown.complete(null);
                    return;
                }
                try {
                    float[][] v = get();
                    String name = f.variable().equals("pm2p5") ? "PM2.5" : f.variable();
                    double[] mr = f.meanRange();
                    mean.show(name + " ensemble mean", v[0], f.width(), f.height(), mr[0], mr[1], f.units());
                    if (v[1] != null) {
                        double[] sr = f.stdRange();
                        std.show(name + " ensemble standard deviation", v[1], f.width(), f.height(), sr[0], sr[1],
                                f.units());
                    } else {
                        std.clear("No ensemble spread in " + f.path().getFileName());
                    }
                    shown.complete(null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    shown.completeExceptionally(e);
                } catch (ExecutionException e) {
                    status.setText("Cannot read time step " + (t + 1) + ": " + e.getCause().getMessage());
                    shown.completeExceptionally(e.getCause());
                }
            }
        };
        showingWorker = w;
        showing = shown;
        w.execute();
    }

    /** Completes when the current time step is drawn (or superseded); null before any. */
    CompletableFuture<Void> showing() {
        return showing;
    }

    /**
     * Shows the training curves of a model: {@code srgan_<dataset>_training_curves.png} beside a
     * {@code .aqgan} model (or its checkpoint), or a PNG given directly; for a model also its inputs
     * in the input-format tab. Read off the event thread.
     */
    public CompletableFuture<BufferedImage> openModel(Path path) {
        status.setText("Reading " + path + " ...");
        CompletableFuture<BufferedImage> result = new CompletableFuture<>();
        SwingWorker<BufferedImage, Void> w = new SwingWorker<>() {
            private String modelInputs;
            private Path png;

            @Override
            protected BufferedImage doInBackground() throws IOException {
                String name = path.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".aqgan")) {
                    modelInputs = modelHtml(path, SrganModelFile.read(path));
                    png = curvesOf(path);
                    if (!Files.isRegularFile(png)) {
                        throw new IOException("no training curves " + png.getFileName() + " beside the model (aqgan-train"
                                + " writes them at the end of training)");
                    }
                } else {
                    png = path;
                }
                BufferedImage img = ImageIO.read(png.toFile());
                if (img == null) throw new IOException(png + " is not a PNG image");
                return img;
            }

            @Override
            protected void done() {
                try {
                    BufferedImage img = get();
                    curves.setIcon(new ImageIcon(img));
                    curves.setText(null);
                    curves.setToolTipText(png.toString());
                    if (modelInputs != null) {
                        inputFormat.setText(helpHtml.replace("</body>", modelInputs + "</body>"));
                        inputFormat.setCaretPosition(0);
                    }
                    tabs.setSelectedIndex(TAB_CURVES);
                    status.setText("Training curves: " + png);
                    result.complete(img);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                } catch (ExecutionException e) {
                    status.setText("Cannot open " + path.getFileName() + ": " + e.getCause().getMessage());
                    result.completeExceptionally(e.getCause());
                }
            }
        };
        w.execute();
        return result;
    }

    /** {@code x/srgan_cams.aqgan} or {@code x/srgan_cams_checkpoint.aqgan} → {@code x/srgan_cams_training_curves.png}. */
    static Path curvesOf(Path model) {
        String stem = model.getFileName().toString().replaceFirst("(?i)\\.aqgan$", "").replaceFirst("_checkpoint$", "");
        return model.resolveSibling(stem + "_training_curves.png");
    }

    /** What a model needs, as an HTML section of the input-format page. */
    static String modelHtml(Path path, SrganModelFile m) {
        int[] lr = m.config().lrFrame();
        int[] hr = m.config().hrFrame();
        return "<h3>This model: " + escape(path.getFileName().toString()) + " (epoch " + m.epoch() + ")</h3><ul>"
                + "<li>low-resolution inputs: <code>" + escape(String.join(", ", m.lrInputs())) + "</code></li>"
                + "<li>high-resolution static inputs: <code>" + escape(String.join(", ", m.staticInputs()))
                + "</code></li><li>output: <code>" + escape(m.target()) + "</code>, ensemble of "
                + m.config().ensembleSize() + "</li><li>frames " + lr[0] + " × " + lr[1] + " → " + hr[0] + " × "
                + hr[1] + "</li></ul>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Shows the input-format help (the "Load expected input format" button). */
    public void showInputFormat() {
        tabs.setSelectedIndex(TAB_INPUT);
    }

    /** The open ensemble file, or null. */
    EnsembleFile file() {
        return file;
    }

    List<FieldView> views() {
        return List.of(mean, std);
    }
}
