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
 * <p>A member slider shows one ensemble member beside mean and spread, on the mean's colour scale
 * (so member and mean compare directly; values beyond it take the end colours). A click on a cell of
 * any map shows that cell's time series below the maps: the ensemble mean with the band between the
 * members' minimum and maximum, and the low-resolution CAMS input of the containing LR cell when the
 * file holds it ({@code <var>_lr}). The maps export as PNG and the series as CSV (both written
 * atomically).</p>
 *
 * <p>Component names (for tests and UI automation): {@code aq.openResult}, {@code aq.openModel},
 * {@code aq.inputFormat} (buttons), {@code aq.tabs}, {@code aq.mean}, {@code aq.std}, {@code
 * aq.memberMap}, {@code aq.time} and {@code aq.member} (sliders), {@code aq.timeLabel}, {@code
 * aq.memberLabel}, {@code aq.series} (chart), {@code aq.exportPng}, {@code aq.exportCsv}, {@code
 * aq.status}, {@code aq.curves}, {@code aq.inputFormatText}.</p>
 */
public final class AirQualityPanel extends JPanel {
    static final int TAB_FIELD = 0;
    static final int TAB_CURVES = 1;
    static final int TAB_INPUT = 2;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FieldView mean = new FieldView();
    private final FieldView std = new FieldView();
    private final FieldView member = new FieldView();
    private final JSlider time = new JSlider(0, 0, 0);
    private final JLabel timeLabel = new JLabel(" ");
    private final JSlider memberSlider = new JSlider(1, 1, 1);
    private final JLabel memberLabel = new JLabel(" ");
    private final JPanel maps = new JPanel(new GridLayout(1, 3, 8, 0));
    private final SeriesChart series = new SeriesChart();
    private final JButton exportPng = new JButton("Export maps as PNG...");
    private final JButton exportCsv = new JButton("Export series as CSV...");
    private PointSeries pointSeries;
    private int[] point;
    private CompletableFuture<PointSeries> seriesLoading;
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
        member.setName("aq.memberMap");
        memberSlider.setName("aq.member");
        memberLabel.setName("aq.memberLabel");
        memberSlider.setEnabled(false);
        memberSlider.setMajorTickSpacing(1);
        memberSlider.setSnapToTicks(true);
        memberSlider.addChangeListener(e -> {
            if (!memberSlider.getValueIsAdjusting()) showStep(time.getValue());
        });
        maps.add(mean);
        maps.add(std);
        maps.add(member);
        for (FieldView v : List.of(mean, std, member)) v.onCellClicked(this::showPoint);
        JPanel sliders = new JPanel(new GridLayout(2, 1, 0, 2));
        sliders.add(sliderRow("Time step", time, timeLabel));
        sliders.add(sliderRow("Member", memberSlider, memberLabel));
        JPanel top = new JPanel(new BorderLayout());
        top.add(maps, BorderLayout.CENTER);
        top.add(sliders, BorderLayout.SOUTH);
        series.setName("aq.series");
        exportPng.setName("aq.exportPng");
        exportCsv.setName("aq.exportCsv");
        exportPng.setEnabled(false);
        exportCsv.setEnabled(false);
        exportPng.addActionListener(e -> chooseSave("PNG image", "png", "air-quality-maps.png", this::exportMaps));
        exportCsv.addActionListener(e -> chooseSave("CSV table", "csv", "air-quality-point.csv", this::exportSeries));
        JPanel exports = new JPanel(new FlowLayout(FlowLayout.LEFT));
        exports.add(exportPng);
        exports.add(exportCsv);
        JPanel bottom = new JPanel(new BorderLayout());
        bottom.add(series, BorderLayout.CENTER);
        bottom.add(exports, BorderLayout.SOUTH);
        javax.swing.JSplitPane field = new javax.swing.JSplitPane(javax.swing.JSplitPane.VERTICAL_SPLIT, top, bottom);
        field.setResizeWeight(0.65);
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

    private static JPanel sliderRow(String label, JSlider slider, JLabel value) {
        JPanel row = new JPanel(new BorderLayout(8, 0));
        JLabel l = new JLabel(label);
        l.setPreferredSize(new java.awt.Dimension(80, l.getPreferredSize().height));
        row.add(l, BorderLayout.WEST);
        row.add(slider, BorderLayout.CENTER);
        value.setPreferredSize(new java.awt.Dimension(220, value.getPreferredSize().height));
        row.add(value, BorderLayout.EAST);
        return row;
    }

    private void chooseSave(String what, String extension, String name, ThrowingConsumer then) {
        JFileChooser fc = new JFileChooser();
        fc.setFileFilter(new FileNameExtensionFilter(what + " (" + extension + ")", extension));
        fc.setSelectedFile(new java.io.File(name));
        if (fc.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
        Path p = fc.getSelectedFile().toPath();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
            p = p.resolveSibling(p.getFileName() + "." + extension);
        }
        try {
            then.accept(p);
            status.setText("Wrote " + p);
        } catch (IOException | RuntimeException ex) {
            status.setText("Cannot write " + p + ": " + ex.getMessage());
        }
    }

    @FunctionalInterface
    private interface ThrowingConsumer {
        void accept(Path p) throws IOException;
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
        int nm = f.memberCount();
        memberSlider.setMaximum(Math.max(1, nm));
        memberSlider.setEnabled(nm > 1);
        memberSlider.setPaintTicks(nm > 1 && nm <= 50);
        memberSlider.setValue(1);
        point = null;
        pointSeries = null;
        series.clear("Click a cell of a map for its time series.");
        exportCsv.setEnabled(false);
        exportPng.setEnabled(true);
        for (FieldView v : views()) v.mark(null);
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
        int m = Math.min(memberSlider.getValue(), Math.max(1, f.memberCount()));
        memberLabel.setText(f.memberCount() == 0 ? "no members in this file" : m + " of " + f.memberCount());
        if (showingWorker != null) showingWorker.cancel(false);
        if (showing != null) showing.complete(null); // superseded
        CompletableFuture<Void> shown = new CompletableFuture<>();
        timeLabel.setText(TIME.format(f.times().get(t)) + "  (" + (t + 1) + "/" + f.times().size() + ")");
        SwingWorker<float[][], Void> w = new SwingWorker<>() {
            @Override
            protected float[][] doInBackground() throws IOException {
                synchronized (f) { // one reader at a time
                    return new float[][] {f.mean(t), f.hasSpread() ? f.std(t) : null,
                            f.memberCount() > 0 ? f.member(t, m - 1) : null};
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
                    if (v[2] != null) {
                        member.show(name + " member " + m + " (mean's colours)", v[2], f.width(), f.height(), mr[0],
                                mr[1], f.units());
                    } else {
                        member.clear("No members in " + f.path().getFileName());
                    }
                    series.setCurrent(f.times().get(t));
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

    /**
     * Shows the time series of cell ({@code row}, {@code col}) of the open file (read off the event
     * thread) and marks the cell on the maps. The future completes on the event thread once the
     * chart shows it.
     */
    public CompletableFuture<PointSeries> showPoint(int row, int col) {
        CompletableFuture<PointSeries> result = new CompletableFuture<>();
        EnsembleFile f = file;
        if (f == null) {
            result.completeExceptionally(new IllegalStateException("no ensemble file open"));
            return result;
        }
        point = new int[] {row, col};
        for (FieldView v : views()) v.mark(point);
        status.setText("Reading the time series of row " + row + ", column " + col + " ...");
        seriesLoading = result;
        new SwingWorker<PointSeries, Void>() {
            @Override
            protected PointSeries doInBackground() throws IOException {
                synchronized (f) {
                    return PointSeries.extract(f, row, col);
                }
            }

            @Override
            protected void done() {
                try {
                    PointSeries ps = get();
                    if (file == f) {
                        pointSeries = ps;
                        series.show(ps);
                        series.setCurrent(f.times().get(Math.min(time.getValue(), f.times().size() - 1)));
                        exportCsv.setEnabled(true);
                        status.setText(String.format(Locale.ROOT, "Time series at %.4f N, %.4f E (row %d, column %d)%s",
                                ps.lat(), ps.lon(), row, col, ps.hasLowRes() ? "" : "; no low-resolution input in this file"));
                    }
                    result.complete(ps);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                } catch (ExecutionException e) {
                    status.setText("Cannot read the time series: " + e.getCause().getMessage());
                    result.completeExceptionally(e.getCause());
                }
            }
        }.execute();
        return result;
    }

    /**
     * Writes the maps as shown (mean, spread, member, each with its title and colour bar) as a PNG,
     * atomically. Call on the event thread.
     */
    public Path exportMaps(Path png) throws IOException {
        int w = Math.max(maps.getWidth(), 3 * 360);
        int h = Math.max(maps.getHeight(), 360);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            if (maps.getWidth() != w || maps.getHeight() != h) {
                maps.setSize(w, h);
                maps.doLayout();
            }
            maps.printAll(g);
        } finally {
            g.dispose();
        }
        try (eu.ai4c.kit.io.AtomicOutput out = eu.ai4c.kit.io.AtomicOutput.create()) {
            Path tmp = out.temporaryFor(png);
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer in this Java runtime");
            out.commit();
        }
        return png;
    }

    /** Writes the shown point series as CSV ({@link PointSeries#writeCsv}); an error before any is shown. */
    public Path exportSeries(Path csv) throws IOException {
        PointSeries ps = pointSeries;
        if (ps == null) throw new IllegalStateException("no time series shown: click a cell of a map first");
        return ps.writeCsv(csv);
    }

    /** Completes when the last requested series is shown; null before any. */
    CompletableFuture<PointSeries> seriesLoading() {
        return seriesLoading;
    }

    /** The series shown, or null. */
    PointSeries pointSeries() {
        return pointSeries;
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
        return List.of(mean, std, member);
    }
}
