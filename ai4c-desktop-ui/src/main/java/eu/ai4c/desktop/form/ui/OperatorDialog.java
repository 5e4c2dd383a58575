package eu.ai4c.desktop.form.ui;

import eu.ai4c.desktop.form.AoiTargets;
import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.run.DesktopRun;
import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import org.openide.windows.WindowManager;

/**
 * The dialog of an operator, generated from its descriptor: an {@link OperatorPanel} (tabs
 * "I/O Parameters" and "Processing Parameters", status line, Run / Cancel / Help) in a modeless
 * window over the main window. Run starts the operator in the background ({@link DesktopRun}).
 *
 * <p>It fits the screen it opens on (down to 1366 × 768): the tabs scroll, the size is the packed
 * size or the one the user last gave it, limited to the screen's usable area, and it is centred on
 * the main window. The values of the last run of the operator are filled in ({@link DialogMemory}).</p>
 *
 * <p>Component names for automated tests: the dialog {@code operator.<alias>}; {@code tabs},
 * {@code source.<name>} (+ {@code .browse}), {@code param.<name>} (+ {@code .browse} for paths,
 * {@code .load} for areas of interest, {@code .<value>} for the check boxes of a list),
 * {@code target.folder} (+ {@code .browse}), {@code target.format}, {@code message.<field name>},
 * {@code status}, {@code run}, {@code cancel}, {@code help}. With the logger {@value #TRACE_LOGGER}
 * at FINE (launcher option {@code -J-Deu.ai4c.desktop.ui.level=FINE}) the dialog logs the screen
 * bounds and enabled state of these components when it opens, moves or changes, one line
 * each: {@code ui <alias> <name> <x> <y> <width> <height> enabled|disabled} ({@code hidden} for
 * one on another tab); the desktop end-to-end test reads them.</p>
 *
 * <p>Event thread only, except {@link #open(String)} which may be called from any thread.</p>
 */
public final class OperatorDialog extends JDialog {
    /** Logger of the component trace (FINE). */
    public static final String TRACE_LOGGER = "eu.ai4c.desktop.ui";
    private static final Logger TRACE = Logger.getLogger(TRACE_LOGGER);
    /** Smallest size: the buttons and a few rows stay usable. */
    static final Dimension MINIMUM = new Dimension(560, 420);
    /** Largest width without a remembered size: forms wider than this scroll. */
    static final int MAX_INITIAL_WIDTH = 900;
    /** Gap kept to the edges of the usable screen area. */
    static final int SCREEN_MARGIN = 16;
    /** Room for a vertical scroll bar when the height is limited. */
    static final int SCROLL_BAR_ALLOWANCE = 24;
    private final String alias;
    private final OperatorPanel panel;

    private OperatorDialog(Window owner, Operator operator, DialogMemory memory) {
        this(owner, operator, memory, form -> { });
    }

    private OperatorDialog(Window owner, Operator operator, DialogMemory memory, java.util.function.Consumer<FormModel> preset) {
        super(owner, operator.descriptor().label() + " (" + operator.descriptor().alias() + ")", ModalityType.MODELESS);
        alias = operator.descriptor().alias();
        setName("operator." + alias);
        setDefaultCloseOperation(DISPOSE_ON_CLOSE);
        FormModel model = FormModel.of(operator);
        if (memory != null) memory.restore(model);
        preset.accept(model);
        panel = new OperatorPanel(operator, model, run -> {
            if (memory != null) memory.remember(model);
            DesktopRun.start(run, operator.descriptor().label());
        }, this::dispose);
        setContentPane(panel);
        getRootPane().setDefaultButton(panel.runButton());
        followAoiFields();
        setMinimumSize(MINIMUM);
        pack();
        Rectangle usable = usableScreen(owner);
        setSize(fit(getPreferredSize(), memory == null ? Optional.empty() : memory.size(), usable));
        setLocation(centred(getSize(), owner == null || !owner.isShowing() ? usable : owner.getBounds(), usable));
        if (memory != null) {
            addComponentListener(new ComponentAdapter() {
                @Override
                public void componentResized(ComponentEvent e) {
                    if (isShowing()) memory.rememberSize(getSize());
                }
            });
        }
        if (TRACE.isLoggable(Level.FINE)) {
            addWindowListener(new WindowAdapter() {
                @Override
                public void windowOpened(WindowEvent e) {
                    SwingUtilities.invokeLater(OperatorDialog.this::trace);
                }
            });
            addComponentListener(new ComponentAdapter() { // the window system may place it after opening
                @Override
                public void componentMoved(ComponentEvent e) {
                    SwingUtilities.invokeLater(OperatorDialog.this::trace);
                }

                @Override
                public void componentResized(ComponentEvent e) {
                    SwingUtilities.invokeLater(OperatorDialog.this::trace);
                }
            });
            panel.addChangeListener(() -> SwingUtilities.invokeLater(this::trace));
            for (Component c : components(panel)) {
                if (c instanceof JTabbedPane tabs) tabs.addChangeListener(e -> SwingUtilities.invokeLater(this::trace));
            }
        }
    }

    /**
     * The dialog's area-of-interest fields become the World View's target ({@link AoiTargets}) when it
     * opens or gains the focus, and leave when it closes.
     */
    private void followAoiFields() {
        java.util.List<AoiField> fields = AoiField.in(panel);
        if (fields.isEmpty()) return;
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowOpened(WindowEvent e) {
                activate();
            }

            @Override
            public void windowActivated(WindowEvent e) {
                activate();
            }

            @Override
            public void windowClosed(WindowEvent e) {
                for (AoiField f : fields) AoiTargets.getDefault().remove(f);
            }

            private void activate() {
                for (int i = fields.size() - 1; i >= 0; i--) AoiTargets.getDefault().activate(fields.get(i));
            }
        });
    }

    /**
     * Opens the dialog of the registered operator {@code alias} on the event thread, over the
     * main window. An unknown alias shows the known ones in an error message.
     */
    public static void open(String alias) {
        open(alias, form -> { });
    }

    /**
     * Opens the dialog of {@code alias} as {@link #open(String)}, with its form prepared by
     * {@code preset} after the values of the last run are filled in (the Products window's "Run"
     * menu puts the product in as source). Any thread.
     */
    public static void open(String alias, java.util.function.Consumer<FormModel> preset) {
        SwingUtilities.invokeLater(() -> {
            try {
                new OperatorDialog(mainWindow(), OperatorCatalog.get(alias), DialogMemory.of(alias), preset).setVisible(true);
            } catch (Ai4cException e) {
                JOptionPane.showMessageDialog(mainWindow(), e.getMessage(), "AI4C", JOptionPane.ERROR_MESSAGE);
            }
        });
    }

    /** The dialog of {@code operator} with default values and nothing remembered, not yet shown (event thread). */
    public static OperatorDialog create(Operator operator, Window owner) {
        return new OperatorDialog(owner, operator, null);
    }

    /** The panel with the form. */
    public OperatorPanel panel() {
        return panel;
    }

    /**
     * The dialog size: the remembered size, or else the packed size no wider than
     * {@link #MAX_INITIAL_WIDTH}, then limited to the usable screen area less margins and kept at
     * least {@link #MINIMUM} (unless the screen is smaller). When the height is limited the width
     * grows by a scroll bar, so the form scrolls vertically only.
     *
     * @param preferred  the packed size
     * @param remembered the size the user last gave the dialog
     * @param usable     the screen area free of panels and task bars, in screen pixels
     */
    static Dimension fit(Dimension preferred, Optional<Dimension> remembered, Rectangle usable) {
        int maxW = Math.max(1, usable.width - 2 * SCREEN_MARGIN);
        int maxH = Math.max(1, usable.height - 2 * SCREEN_MARGIN);
        if (remembered.isPresent()) {
            Dimension r = remembered.get();
            return new Dimension(clamp(r.width, MINIMUM.width, maxW), clamp(r.height, MINIMUM.height, maxH));
        }
        int w = Math.min(preferred.width, MAX_INITIAL_WIDTH);
        int h = preferred.height;
        if (h > maxH) w += SCROLL_BAR_ALLOWANCE;
        return new Dimension(clamp(w, MINIMUM.width, maxW), clamp(h, MINIMUM.height, maxH));
    }

    /** The top-left corner that centres {@code size} on {@code over}, moved inside {@code usable}. */
    static Point centred(Dimension size, Rectangle over, Rectangle usable) {
        int x = over.x + (over.width - size.width) / 2;
        int y = over.y + (over.height - size.height) / 2;
        x = Math.max(usable.x, Math.min(x, usable.x + usable.width - size.width));
        y = Math.max(usable.y, Math.min(y, usable.y + usable.height - size.height));
        return new Point(x, y);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(Math.min(min, max), Math.min(v, max));
    }

    /** The usable area of the screen the owner is on (the default screen without owner). */
    private static Rectangle usableScreen(Window owner) {
        GraphicsConfiguration gc = owner != null ? owner.getGraphicsConfiguration()
                : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration();
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, b.width - in.left - in.right, b.height - in.top - in.bottom);
    }

    /** Logs the screen bounds and states of the named components (see the class comment). */
    private void trace() {
        if (!isShowing()) return;
        Point d = getLocationOnScreen();
        TRACE.fine("ui " + alias + " dialog " + d.x + " " + d.y + " " + getWidth() + " " + getHeight() + " enabled");
        for (Component c : components(getContentPane())) {
            String name = c.getName();
            if (name == null || !(name.startsWith("param.") || name.startsWith("source.") || name.startsWith("target.")
                    || name.equals("run") || name.equals("cancel") || name.equals("help") || name.equals("tabs"))) {
                continue;
            }
            String state = c.isEnabled() ? "enabled" : "disabled";
            if (!c.isShowing()) {
                TRACE.fine("ui " + alias + " " + name + " hidden " + state);
                continue;
            }
            Point p = c.getLocationOnScreen();
            TRACE.fine("ui " + alias + " " + name + " " + p.x + " " + p.y + " " + c.getWidth() + " " + c.getHeight() + " " + state);
            if (c instanceof JTabbedPane tabs) {
                for (int i = 0; i < tabs.getTabCount(); i++) {
                    Rectangle t = tabs.getBoundsAt(i);
                    if (t == null) continue;
                    TRACE.fine("ui " + alias + " tab." + i + " " + (p.x + t.x) + " " + (p.y + t.y) + " " + t.width + " "
                            + t.height + (tabs.getSelectedIndex() == i ? " selected" : " enabled"));
                }
            }
        }
    }

    private static java.util.List<Component> components(Container root) {
        java.util.List<Component> all = new java.util.ArrayList<>();
        for (Component c : root.getComponents()) {
            all.add(c);
            if (c instanceof Container k) all.addAll(components(k));
        }
        return all;
    }

    private static Window mainWindow() {
        try {
            return WindowManager.getDefault().getMainWindow();
        } catch (RuntimeException | LinkageError outsideThePlatform) {
            return null;
        }
    }
}
