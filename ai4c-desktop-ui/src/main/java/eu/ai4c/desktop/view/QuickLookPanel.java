package eu.ai4c.desktop.view;

import eu.ai4c.kit.render.ArgbKernels;
import eu.ai4c.kit.render.BandHistogram;
import eu.ai4c.kit.geo.PixelArea;
import eu.ai4c.kit.render.ClassLegend;
import eu.ai4c.kit.render.ColourRamp;
import eu.ai4c.kit.render.Stretch;
import eu.ai4c.kit.raster.Region;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import org.jfree.chart.JFreeChart;

/**
 * The quick-look of one raster file as a plain Swing panel (no NetBeans needed): a toolbar
 * (display mode — single band through a colour ramp, RGB composite or class map —, band
 * pickers, ramp, lower/upper stretch percentiles, 2–98 % by default), the image of the band
 * overviews scaled to fit (no-data black), a legend for class maps and a status line with the
 * pixel position, map coordinate and full-resolution value under the mouse.
 *
 * <p>{@link #render(Settings)} does the work synchronously (reads overviews, histograms,
 * stretches, ARGB kernels) and may run off the EDT; the controls take a {@link #settings()}
 * snapshot on the EDT and call it through a {@link SwingWorker}.
 * Histogram listeners receive the chart of the displayed bands after each render. Create and use
 * on the EDT, apart from {@link #render()}.</p>
 */
public final class QuickLookPanel extends JPanel {
    /** What the image shows. */
    public enum Mode {
        BAND("Single band"), RGB("RGB composite"), CLASSES("Class map");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final QuickLookSource source;
    private final JComboBox<Mode> mode;
    private final List<JComboBox<String>> bandPickers = new ArrayList<>();
    private final JComboBox<ColourRamp> ramp = new JComboBox<>(ColourRamp.values());
    private final JSpinner lowPercent = new JSpinner(new SpinnerNumberModel(Stretch.DEFAULT_LOW_PERCENT, 0.0, 100.0, 0.5));
    private final javax.swing.JCheckBox changeMask = new javax.swing.JCheckBox("change mask", true);
    private volatile boolean showChangeMask = true;
    private final JSpinner highPercent = new JSpinner(new SpinnerNumberModel(Stretch.DEFAULT_HIGH_PERCENT, 0.0, 100.0, 0.5));
    private final ImageCanvas canvas = new ImageCanvas();
    private final LegendView legendView = new LegendView();
    private final JScrollPane legendScroll = new JScrollPane(legendView);
    private final JLabel status = new JLabel(" ");
    /** The component trace of the end-to-end test (see {@link #traceImage()}). */
    private static final java.util.logging.Logger TRACE =
            java.util.logging.Logger.getLogger(eu.ai4c.desktop.form.ui.OperatorDialog.TRACE_LOGGER);
    private final List<Consumer<JFreeChart>> histogramListeners = new ArrayList<>();
    private final ExecutorService readout = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "AI4C quick-look readout");
        t.setDaemon(true);
        return t;
    });
    private volatile JFreeChart histogram;
    private volatile Overview displayed;
    private SwingWorker<BufferedImage, Void> worker;

    /** Colours samples of the displayed bands as the image shown (its stretches, ramp or palette). */
    private interface Colouring {
        int[] argb(Overview[] bands);
    }

    /** Draws an area of interest on the image instead of panning. */
    private final javax.swing.JToggleButton aoi = new javax.swing.JToggleButton("AOI");
    /** The area drawn last as WKT, or null. */
    private volatile String drawnAoi;
    /** Points per edge of a drawn area, so that its edges follow the grid's curvature in longitude/latitude. */
    static final int AOI_POINTS_PER_EDGE = 8;

    /** Largest side of a detail read, in pixels (a zoomed view on a very large screen still reads a bounded window). */
    static final int MAX_DETAIL = 4096;
    /** The colouring of the last render and the bands it takes; null when a detail cannot be drawn (change mask shown). */
    private volatile Colouring colouring;
    private volatile int[] colouredBands;
    private final ExecutorService detailReader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "AI4C quick-look detail");
        t.setDaemon(true);
        return t;
    });
    private java.util.concurrent.Future<?> detailRead;
    /** Counts detail requests; a read whose number is no longer the last one stops and is dropped. */
    private final java.util.concurrent.atomic.AtomicInteger detailGeneration = new java.util.concurrent.atomic.AtomicInteger();
    /** Reads the detail once the view has been still for a moment (wheel zooms and drags come in bursts). */
    private final javax.swing.Timer detailTimer = new javax.swing.Timer(150, e -> requestDetail());

    public QuickLookPanel(QuickLookSource source) {
        super(new BorderLayout());
        this.source = source;
        List<String> names = source.raster().bands().stream().map(b -> b.name()).toList();
        int n = names.size();
        Mode initial = source.legend() != null ? Mode.CLASSES : n >= 3 ? Mode.RGB : Mode.BAND;
        mode = new JComboBox<>(source.legend() != null ? Mode.values() : new Mode[] {Mode.BAND, Mode.RGB});
        mode.setSelectedItem(initial);
        int[] rgb = defaultRgb(names);
        for (int i = 0; i < 3; i++) {
            JComboBox<String> c = new JComboBox<>(names.toArray(String[]::new));
            c.setSelectedIndex(rgb[i]);
            c.addActionListener(e -> update());
            bandPickers.add(c);
        }
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        bar.add(mode);
        bar.add(new JLabel("bands"));
        bandPickers.forEach(bar::add);
        bar.add(ramp);
        bar.add(new JLabel("stretch %"));
        bar.add(lowPercent);
        bar.add(highPercent);
        aoi.setName("quicklook.aoi");
        aoi.setToolTipText("Drag a rectangle on the image: it becomes the area of interest of the operator dialog "
                + "active last (WGS 84, from the product's geocoding)");
        aoi.addActionListener(e -> canvas.drawRectangles(aoi.isSelected() ? this::useAsAoi : null));
        bar.add(aoi);
        if (source.changeMask().isPresent()) {
            bar.add(changeMask);
            changeMask.setToolTipText("Draw the S1-CD change mask (" + source.changeMask().get().file().getFileName()
                    + ") over the image");
            changeMask.addActionListener(e -> {
                showChangeMask = changeMask.isSelected();
                update();
            });
        }
        mode.addActionListener(e -> {
            enableControls();
            update();
        });
        ramp.addActionListener(e -> update());
        lowPercent.addChangeListener(e -> update());
        highPercent.addChangeListener(e -> update());
        add(bar, BorderLayout.NORTH);
        add(canvas, BorderLayout.CENTER);
        legendScroll.setBorder(null);
        add(legendScroll, BorderLayout.EAST);
        add(status, BorderLayout.SOUTH);
        status.setName("quicklook.status");
        canvas.setName("quicklook.image");
        if (TRACE.isLoggable(java.util.logging.Level.FINE)) {
            canvas.addComponentListener(new java.awt.event.ComponentAdapter() {
                @Override
                public void componentResized(java.awt.event.ComponentEvent e) {
                    SwingUtilities.invokeLater(QuickLookPanel.this::traceImage);
                }

                @Override
                public void componentShown(java.awt.event.ComponentEvent e) {
                    SwingUtilities.invokeLater(QuickLookPanel.this::traceImage);
                }
            });
        }
        MouseAdapter m = new MouseAdapter() {
            @Override
            public void mouseMoved(MouseEvent e) {
                showReadout(e.getX(), e.getY());
            }
        };
        canvas.addMouseMotionListener(m);
        detailTimer.setRepeats(false);
        canvas.addViewHook(detailTimer::restart);
        canvas.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                detailTimer.restart();
            }
        });
        enableControls();
    }

    /**
     * Reads the detail of the view (EDT): when the overview's pixels are drawn larger than screen
     * pixels (a zoomed view of a scene larger than its overview), the visible window of the scene is
     * read again at screen resolution (at most full resolution and {@value #MAX_DETAIL} px a side;
     * nearest pixels, as the overview) in the background, coloured as the image shown (the overview's
     * stretches, ramp or palette: the same values give the same colours) and drawn over its area. A
     * newer view or image cancels a read in progress; a view that needs no detail drops it. Not with
     * the change mask shown (the mask has only its overview). Returns the read, or null when none.
     */
    java.util.concurrent.Future<?> requestDetail() {
        detailTimer.stop();
        // never interrupt a reader: an interrupt during a file read closes the file's channel for good
        if (detailRead != null) detailRead.cancel(false);
        int generation = detailGeneration.incrementAndGet();
        Overview o = displayed;
        Colouring c = colouring;
        int[] bands = colouredBands;
        double scale = canvas.scale();
        boolean reduced = o != null && (o.width() < o.sourceWidth() || o.height() < o.sourceHeight());
        if (o == null || c == null || bands == null || !reduced || scale <= 1) {
            canvas.setDetail(null, null);
            return null;
        }
        java.awt.geom.Rectangle2D visible = canvas.visibleArea();
        if (visible.isEmpty()) return null;
        double fx = (double) o.sourceWidth() / o.width(), fy = (double) o.sourceHeight() / o.height();
        int sx0 = (int) Math.floor(visible.getMinX() * fx), sy0 = (int) Math.floor(visible.getMinY() * fy);
        int sx1 = (int) Math.min(o.sourceWidth(), Math.ceil(visible.getMaxX() * fx));
        int sy1 = (int) Math.min(o.sourceHeight(), Math.ceil(visible.getMaxY() * fy));
        Region window = new Region(sx0, sy0, sx1 - sx0, sy1 - sy0);
        int tw = (int) Math.min(Math.min(window.width(), MAX_DETAIL), Math.ceil(visible.getWidth() * scale));
        int th = (int) Math.min(Math.min(window.height(), MAX_DETAIL), Math.ceil(visible.getHeight() * scale));
        if (tw < 1 || th < 1) return null;
        java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(sx0 / fx, sy0 / fy, window.width() / fx,
                window.height() / fy);
        detailRead = detailReader.submit(() -> {
            try {
                Overview[] read = new Overview[bands.length];
                java.util.function.BooleanSupplier stale = () -> generation != detailGeneration.get();
                for (int i = 0; i < bands.length; i++) {
                    read[i] = OverviewReader.read(source.raster(), bands[i], window, tw, th, stale);
                }
                BufferedImage img = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
                img.setRGB(0, 0, tw, th, c.argb(read), 0, tw);
                SwingUtilities.invokeLater(() -> {
                    if (generation == detailGeneration.get()) canvas.setDetail(img, area);
                });
            } catch (java.io.InterruptedIOException cancelled) {
                // a newer view asked for another detail
            } catch (IOException | RuntimeException e) {
                String message = "Cannot read the detail of " + source.file().getFileName() + ": " + e.getMessage();
                SwingUtilities.invokeLater(() -> {
                    if (generation == detailGeneration.get()) status.setText(message);
                });
            }
        });
        return detailRead;
    }

    /** Red, green, blue band indexes: B4, B3, B2 when the bands are so named, else the first three. */
    static int[] defaultRgb(List<String> names) {
        int r = names.indexOf("B4"), g = names.indexOf("B3"), b = names.indexOf("B2");
        if (r >= 0 && g >= 0 && b >= 0) return new int[] {r, g, b};
        int n = names.size();
        return new int[] {0, Math.min(1, n - 1), Math.min(2, n - 1)};
    }

    private void enableControls() {
        Mode m = (Mode) mode.getSelectedItem();
        bandPickers.get(0).setEnabled(m != Mode.CLASSES);
        bandPickers.get(1).setVisible(m == Mode.RGB);
        bandPickers.get(2).setVisible(m == Mode.RGB);
        ramp.setEnabled(m == Mode.BAND);
        lowPercent.setEnabled(m != Mode.CLASSES);
        highPercent.setEnabled(m != Mode.CLASSES);
        legendScroll.setVisible(m == Mode.CLASSES);
        revalidate();
    }

    /** Sets the display mode (as the mode box does). */
    public void setMode(Mode m) {
        mode.setSelectedItem(m);
    }

    /** Picks the band of display channel {@code channel} (0 single/red, 1 green, 2 blue). */
    public void setBand(int channel, int band) {
        bandPickers.get(channel).setSelectedIndex(band);
    }

    /** The image canvas (zoom, pan, view links). */
    ImageCanvas canvas() {
        return canvas;
    }

    /** Shows or hides the S1-CD change mask over the image (when the file has one). */
    public void setChangeMaskShown(boolean shown) {
        changeMask.setSelected(shown);
        showChangeMask = shown;
        update();
    }

    /** Sets the colour ramp of the single-band mode. */
    public void setRamp(ColourRamp r) {
        ramp.setSelectedItem(r);
    }

    /** Sets the stretch percentiles. */
    public void setPercentiles(double low, double high) {
        lowPercent.setValue(low);
        highPercent.setValue(high);
    }

    /** Called with the histogram chart of the displayed bands after each render (on the EDT). */
    public void addHistogramListener(Consumer<JFreeChart> listener) {
        histogramListeners.add(listener);
    }

    /** The histogram chart of the last render, or null before the first. */
    public JFreeChart histogramChart() {
        return histogram;
    }

    /** The image shown, or null before the first render. */
    public BufferedImage image() {
        return canvas.image();
    }

    /**
     * What to render, read from the controls on the EDT.
     *
     * @param bands band per channel (one for single band and classes, three for RGB)
     */
    public record Settings(Mode mode, int[] bands, ColourRamp ramp, double lowPercent, double highPercent) {
    }

    /** The current control settings (EDT). */
    public Settings settings() {
        Mode m = (Mode) mode.getSelectedItem();
        int[] b = m == Mode.RGB ? new int[] {bandPickers.get(0).getSelectedIndex(), bandPickers.get(1).getSelectedIndex(),
            bandPickers.get(2).getSelectedIndex()} : new int[] {m == Mode.CLASSES ? 0 : bandPickers.get(0).getSelectedIndex()};
        return new Settings(m, b, (ColourRamp) ramp.getSelectedItem(), ((Number) lowPercent.getValue()).doubleValue(),
                ((Number) highPercent.getValue()).doubleValue());
    }

    /** Re-renders in the background and shows the result (on the EDT). */
    public void update() {
        // not interrupted (an interrupt during a file read closes the file for good): a superseded
        // render runs out in the background, its result dropped, its overviews kept in the source's cache
        if (worker != null) worker.cancel(false);
        status.setText("Reading " + source.file().getFileName() + " …");
        Settings settings = settings();
        worker = new SwingWorker<>() {
            @Override
            protected BufferedImage doInBackground() throws IOException {
                return render(settings);
            }

            @Override
            protected void done() {
                if (isCancelled()) return;
                try {
                    show(get());
                    status.setText(" ");
                } catch (Exception e) {
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    // the message, or the kind of failure when it has none (a closed channel, a null)
                    status.setText("Cannot show " + source.file().getFileName() + ": "
                            + (c.getMessage() != null ? c.getMessage() : c.toString()));
                    java.util.logging.Logger.getLogger(QuickLookPanel.class.getName()).log(java.util.logging.Level.WARNING,
                            "Cannot show " + source.file(), c);
                }
            }
        };
        worker.execute();
    }

    /** The AOI toggle (tests, end-to-end). */
    javax.swing.JToggleButton aoiButton() {
        return aoi;
    }

    /** The area of interest drawn last, as WKT, or null. */
    String drawnAoi() {
        return drawnAoi;
    }

    /**
     * Turns a rectangle drawn on the image into a WGS 84 polygon and gives it to the area-of-interest
     * field of the operator dialog active last ({@link eu.ai4c.desktop.form.AoiTargets}), as the World
     * View's "Use as AOI" does. The rectangle covers the full-resolution pixels under it; its outline
     * is the centres of its edge pixels, {@value #AOI_POINTS_PER_EDGE} per edge, located by the
     * product's geocoding (map grid or Sentinel-1 geolocation grid). EDT.
     */
    private void useAsAoi(java.awt.geom.Rectangle2D r) {
        Overview o = displayed;
        if (o == null) return;
        String wkt = aoiWkt(r, o);
        if (wkt == null) {
            status.setText(source.file().getFileName() + " is not geocoded: no area of interest can be drawn on it.");
            return;
        }
        drawnAoi = wkt;
        var target = eu.ai4c.desktop.form.AoiTargets.getDefault().current();
        if (target.isPresent()) {
            target.get().accept(wkt);
            status.setText("Area of interest put into " + target.get().label() + ".");
        } else {
            status.setText("Area drawn; open an operator dialog with an area of interest and draw again to fill it.");
        }
        if (TRACE.isLoggable(java.util.logging.Level.FINE)) TRACE.fine("ui quicklook aoi " + wkt);
    }

    /** The WGS 84 polygon (WKT) of the full-resolution pixels under {@code r} (overview pixels), or null without geocoding. */
    String aoiWkt(java.awt.geom.Rectangle2D r, Overview o) {
        double fx = (double) o.sourceWidth() / o.width(), fy = (double) o.sourceHeight() / o.height();
        int c0 = (int) Math.max(0, Math.floor(r.getMinX() * fx));
        int r0 = (int) Math.max(0, Math.floor(r.getMinY() * fy));
        int c1 = (int) Math.min(o.sourceWidth() - 1, Math.max(c0, Math.ceil(r.getMaxX() * fx) - 1));
        int r1 = (int) Math.min(o.sourceHeight() - 1, Math.max(r0, Math.ceil(r.getMaxY() * fy) - 1));
        int n = AOI_POINTS_PER_EDGE;
        int[][] corners = {{c0, r0}, {c1, r0}, {c1, r1}, {c0, r1}};
        StringBuilder wkt = new StringBuilder("POLYGON ((");
        double[] first = null;
        for (int k = 0; k < 4; k++) {
            int[] a = corners[k], b = corners[(k + 1) % 4];
            for (int i = 0; i < n; i++) {
                int col = (int) Math.round(a[0] + (b[0] - a[0]) * (double) i / n);
                int row = (int) Math.round(a[1] + (b[1] - a[1]) * (double) i / n);
                double[] ll = source.lonLat(col, row);
                if (ll == null) return null;
                if (first == null) first = ll;
                wkt.append(String.format(Locale.ROOT, "%.7f %.7f, ", ll[0], ll[1]));
            }
        }
        return wkt.append(String.format(Locale.ROOT, "%.7f %.7f))", first[0], first[1])).toString();
    }

    /** Whether a render started by {@link #update()} has not finished (EDT; tests). */
    boolean rendering() {
        return worker != null && !worker.isDone();
    }

    /** Shows an image from {@link #render()} and passes the histogram on (EDT). */
    public void show(BufferedImage image) {
        canvas.setImage(image);
        detailTimer.restart();
        status.setText(" ");
        legendView.setLegend(currentLegend, PixelArea.squareMetres(source.raster().geoCoding(), source.raster().width(),
                source.raster().height()));
        for (Consumer<JFreeChart> l : histogramListeners) l.accept(histogram);
        if (TRACE.isLoggable(java.util.logging.Level.FINE)) SwingUtilities.invokeLater(this::traceImage);
    }

    /**
     * With the component trace on (logger {@value eu.ai4c.desktop.form.ui.OperatorDialog#TRACE_LOGGER}
     * at FINE) logs where the image is drawn on the screen and the full-resolution size it stands for,
     * {@code ui quicklook image <file> <x> <y> <w> <h> <columns> <rows>}, so the end-to-end test can point
     * at a given pixel; each readout is logged as {@code ui quicklook readout <file> <text>}.
     */
    private void traceImage() {
        java.awt.Rectangle r = canvas.drawnBounds();
        Overview o = displayed;
        if (r == null || o == null || !canvas.isShowing()) return;
        java.awt.Point at = canvas.getLocationOnScreen();
        TRACE.fine("ui quicklook image " + source.file().getFileName() + " " + (at.x + r.x) + " " + (at.y + r.y) + " "
                + r.width + " " + r.height + " " + o.sourceWidth() + " " + o.sourceHeight());
    }

    /** The status line's text (the readout under the mouse). */
    public String statusText() {
        return status.getText();
    }

    private volatile ClassLegend currentLegend;

    /** Renders the current settings synchronously (EDT; see {@link #render(Settings)}). */
    public BufferedImage render() throws IOException {
        return render(settings());
    }

    /**
     * Renders into an ARGB image the size of the overviews: reads the overviews (cached),
     * histograms, stretches and the ARGB kernels. Synchronous; any thread.
     */
    public BufferedImage render(Settings st) throws IOException {
        Mode m = st.mode();
        double lo = st.lowPercent(), hi = st.highPercent();
        List<HistogramChart.Series> series = new ArrayList<>();
        ClassLegend legend = null;
        Overview first;
        int[] argb;
        String title;
        Colouring paint;
        if (m == Mode.RGB) {
            Overview[] o = new Overview[3];
            Stretch[] s = new Stretch[3];
            Color[] colours = {new Color(0xD62728), new Color(0x2CA02C), new Color(0x1F77B4)};
            for (int i = 0; i < 3; i++) {
                int b = st.bands()[i];
                o[i] = source.overview(b);
                BandHistogram h = BandHistogram.of(o[i].samples());
                s[i] = Stretch.ofPercentiles(h, lo, hi);
                series.add(new HistogramChart.Series(source.raster().bands().get(b).name(), h, s[i], colours[i]));
            }
            first = o[0];
            argb = new int[first.width() * first.height()];
            ArgbKernels.rgb(o[0].samples(), o[1].samples(), o[2].samples(), s[0], s[1], s[2], argb);
            paint = d -> {
                int[] a = new int[d[0].width() * d[0].height()];
                ArgbKernels.rgb(d[0].samples(), d[1].samples(), d[2].samples(), s[0], s[1], s[2], a);
                return a;
            };
            title = "RGB " + series.get(0).name() + "/" + series.get(1).name() + "/" + series.get(2).name();
        } else {
            int b = st.bands()[0];
            first = source.overview(b);
            BandHistogram h = BandHistogram.of(first.samples());
            argb = new int[first.width() * first.height()];
            String name = source.raster().bands().get(b).name();
            if (m == Mode.CLASSES) {
                ClassLegend l = source.legend();
                long[] shown = ClassLegend.countValues(first.samples(), l.size());
                boolean known = false;
                for (int v = 0; v < l.size(); v++) known |= l.count(v) >= 0;
                legend = known ? l : l.withCounts(shown);
                ArgbKernels.palette(first.samples(), l.palette(), 0xFFFF00FF, argb);
                paint = d -> {
                    int[] a = new int[d[0].width() * d[0].height()];
                    ArgbKernels.palette(d[0].samples(), l.palette(), 0xFFFF00FF, a);
                    return a;
                };
                series.add(new HistogramChart.Series(name, h, null, new Color(0x555555)));
                title = name + " (classes)";
            } else {
                Stretch s = Stretch.ofPercentiles(h, lo, hi);
                ArgbKernels.ramp(first.samples(), s, st.ramp().table(), argb);
                int[] table = st.ramp().table();
                paint = d -> {
                    int[] a = new int[d[0].width() * d[0].height()];
                    ArgbKernels.ramp(d[0].samples(), s, table, a);
                    return a;
                };
                series.add(new HistogramChart.Series(name, h, s, new Color(0x3E4A89)));
                title = name;
            }
        }
        if (showChangeMask && m != Mode.CLASSES) {
            Optional<Overview> mask = source.changeMaskOverview();
            if (mask.isPresent() && mask.get().width() == first.width() && mask.get().height() == first.height()) {
                ChangeMaskOverlay.blend(mask.get().samples(), argb);
                title += " + change mask";
                paint = null;
            }
        }
        BufferedImage img = new BufferedImage(first.width(), first.height(), BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, first.width(), first.height(), argb, 0, first.width());
        displayed = first;
        colouring = paint;
        colouredBands = m == Mode.RGB ? st.bands().clone() : new int[] {st.bands()[0]};
        currentLegend = legend;
        histogram = HistogramChart.create("Histogram: " + title, series);
        return img;
    }

    private void showReadout(int px, int py) {
        double[] p = canvas.imagePosition(px, py);
        Overview o = displayed;
        if (p == null || o == null) {
            status.setText(" ");
            return;
        }
        int col = (int) Math.min(o.sourceWidth() - 1, p[0] * o.sourceWidth() / o.width());
        int row = (int) Math.min(o.sourceHeight() - 1, p[1] * o.sourceHeight() / o.height());
        Settings st = settings();
        readout.execute(() -> {
            String text;
            try {
                text = readout(col, row, st);
            } catch (IOException | RuntimeException e) {
                text = "col " + col + ", row " + row + ": " + e.getMessage();
            }
            String t = text;
            if (TRACE.isLoggable(java.util.logging.Level.FINE)) TRACE.fine("ui quicklook readout " + source.file().getFileName() + " " + t);
            SwingUtilities.invokeLater(() -> status.setText(t));
        });
    }

    /**
     * The readout of a full-resolution pixel: position, map coordinate of its centre and the
     * value(s) of the displayed band(s) (class name in class mode) for the current settings (EDT).
     */
    public String readout(int col, int row) throws IOException {
        return readout(col, row, settings());
    }

    /**
     * The readout of a full-resolution pixel for {@code st}: {@code col <c>, row <r>}, then
     * {@code lat <φ>, lon <λ>} (WGS 84 degrees, 6 decimals, ≈ 0.1 m; {@code lat/lon —} without a
     * geocoding), the map coordinate of the pixel centre in the product's CRS when it has a map
     * grid, and the full-resolution value of each displayed band ({@code no data} for no-data;
     * class name in class mode). Reads the file; any thread.
     */
    public String readout(int col, int row, Settings st) throws IOException {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "col %d, row %d", col, row));
        double[] ll = source.lonLat(col, row);
        sb.append(ll == null ? "   lat/lon \u2014" : String.format(Locale.ROOT, "   lat %.6f, lon %.6f", ll[1], ll[0]));
        double[] xy = source.mapCoordinate(col + 0.5, row + 0.5);
        if (xy != null && !source.isGeographic()) {
            sb.append(String.format(Locale.ROOT, "   x %.2f, y %.2f", xy[0], xy[1])).append(' ').append(source.crsName());
        }
        Mode m = st.mode();
        sb.append("   ");
        for (int i = 0; i < st.bands().length; i++) {
            int b = st.bands()[i];
            double v = source.value(b, col, row);
            sb.append(i > 0 ? ", " : "").append(source.raster().bands().get(b).name()).append(" = ");
            if (Double.isNaN(v)) sb.append("no data");
            else sb.append(source.isInteger(b) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.6g", v));
            if (m == Mode.CLASSES && !Double.isNaN(v) && source.legend().name((int) v) != null) {
                sb.append(" (").append(source.legend().name((int) v)).append(')');
            }
        }
        return sb.toString();
    }

    /** Stops the readout thread and any render in progress; the panel is not used afterwards. */
    public void dispose() {
        if (worker != null) worker.cancel(false);
        detailTimer.stop();
        detailGeneration.incrementAndGet(); // a detail read in progress stops at its next row
        readout.shutdownNow();
        detailReader.shutdown();
    }
}
