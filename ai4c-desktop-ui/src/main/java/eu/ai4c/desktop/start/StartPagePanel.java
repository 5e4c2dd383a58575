package eu.ai4c.desktop.start;

import eu.ai4c.kit.op.OperatorDescriptor;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

/**
 * The content of the start page: a title, one section per domain with one line per service (a
 * link with the service's label, named {@code start.<alias>}, then its alias and one-line
 * summary), and for Energy the command that builds the feature store of the human-features
 * dialog. Needs no window (built in headless tests). Event thread only.
 */
public final class StartPagePanel extends JPanel implements javax.swing.Scrollable {
    /** Longest summary shown on the line; the whole one is the tooltip. */
    static final int SUMMARY_CHARS = 90;
    /** The feature store the Human features dialog queries is built on the command line. */
    static final String ENERGY_NOTE = "The feature store is built from OpenStreetMap on the command line: "
            + "ai4c humanfeatures-load --input <file.osm.pbf> --store <file.gpkg>.";
    private static final Color LINK = new Color(0x1F, 0x5F, 0xB0);
    /** How the demo data is described next to its link. */
    static final String DEMO_NOTE = "Synthetic inputs of the AI4C demo (a UTM GeoTIFF scene and a Sentinel-1 GRD "
            + "near Rome), made in the user folder and opened in the Products window.";
    private int row;
    /** The recent products' links ({@code start.recent.<i>}), refilled by {@link #showRecent}. */
    private final JPanel recent = new JPanel(new GridBagLayout());
    private final transient Consumer<java.nio.file.Path> openProduct;

    /**
     * @param descriptors the registered services
     * @param open        opens the dialog of a service by alias
     */
    public StartPagePanel(List<OperatorDescriptor> descriptors, Consumer<String> open) {
        this(descriptors, open, null, List.of(), p -> { });
    }

    /**
     * A start page with a "Products" section first: the "Open demo data" link ({@code start.demo},
     * when {@code openDemo} is given) and the recent products ({@code start.recent.<i>}, see
     * {@link #showRecent}).
     *
     * @param openDemo    makes and opens the demo data; null for no link
     * @param recentProducts the recent products, most recent first
     * @param openProduct opens a recent product
     */
    public StartPagePanel(List<OperatorDescriptor> descriptors, Consumer<String> open, Runnable openDemo,
                          List<java.nio.file.Path> recentProducts, Consumer<java.nio.file.Path> openProduct) {
        super(new GridBagLayout());
        this.openProduct = openProduct;
        setName("start");
        setBorder(BorderFactory.createEmptyBorder(16, 24, 16, 24));
        setBackground(UIManager.getColor("TextArea.background"));
        JLabel title = new JLabel("AI4C Desktop");
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() * 1.8f));
        fullRow(title, new Insets(0, 0, 2, 0));
        fullRow(new JLabel("The AI4Copernicus Earth-observation services. Choose one to open its dialog; "
                + "the same services are in the Raster, Optical and Radar menus and on the command line (ai4c)."),
                new Insets(0, 0, 8, 0));
        if (openDemo != null) {
            JLabel products = new JLabel("Products");
            products.setName("start.domain.Products");
            products.setFont(products.getFont().deriveFont(Font.BOLD, products.getFont().getSize2D() * 1.25f));
            fullRow(products, new Insets(12, 0, 4, 0));
            add(link("start.demo", "Open demo data", DEMO_NOTE, openDemo), cell(0, 1, new Insets(1, 12, 1, 12)));
            GridBagConstraints right = cell(1, 1, new Insets(1, 0, 1, 0));
            right.weightx = 1;
            JLabel note = new JLabel(DEMO_NOTE);
            note.setForeground(UIManager.getColor("Label.disabledForeground"));
            add(note, right);
            row++;
            add(new JLabel("Recent products:"), cell(0, 2, new Insets(6, 12, 1, 0)));
            row++;
            recent.setOpaque(false);
            add(recent, cell(0, 2, new Insets(0, 24, 0, 0)));
            row++;
            showRecent(recentProducts);
        }
        for (Map.Entry<String, List<OperatorDescriptor>> e : ServiceDomains.group(descriptors).entrySet()) {
            if (e.getValue().isEmpty() && !e.getKey().equals(ServiceDomains.ENERGY)) continue;
            JLabel domain = new JLabel(e.getKey());
            domain.setName("start.domain." + e.getKey());
            domain.setFont(domain.getFont().deriveFont(Font.BOLD, domain.getFont().getSize2D() * 1.25f));
            fullRow(domain, new Insets(12, 0, 4, 0));
            for (OperatorDescriptor d : e.getValue()) {
                JLabel summary = new JLabel(d.alias() + ": " + shortened(d.summary()));
                summary.setToolTipText(d.summary());
                summary.setForeground(UIManager.getColor("Label.disabledForeground"));
                GridBagConstraints left = cell(0, 1, new Insets(1, 12, 1, 12));
                add(link(d, open), left);
                GridBagConstraints right = cell(1, 1, new Insets(1, 0, 1, 0));
                right.weightx = 1;
                add(summary, right);
                row++;
            }
            if (e.getKey().equals(ServiceDomains.ENERGY)) fullRow(new JLabel(ENERGY_NOTE), new Insets(1, 12, 1, 0));
        }
        GridBagConstraints filler = cell(0, 2, new Insets(0, 0, 0, 0));
        filler.weighty = 1;
        add(new JLabel(), filler);
    }

    /** The summary cut at a word before {@link #SUMMARY_CHARS} characters, with an ellipsis. */
    static String shortened(String summary) {
        if (summary.length() <= SUMMARY_CHARS) return summary;
        int cut = summary.lastIndexOf(' ', SUMMARY_CHARS - 1);
        return summary.substring(0, cut > 0 ? cut : SUMMARY_CHARS - 1) + " …";
    }

    // Scrollable: follows the width of the window (no sideways scrolling), scrolls vertically
    @Override public java.awt.Dimension getPreferredScrollableViewportSize() { return getPreferredSize(); }
    @Override public int getScrollableUnitIncrement(java.awt.Rectangle r, int orientation, int direction) { return 16; }
    @Override public int getScrollableBlockIncrement(java.awt.Rectangle r, int orientation, int direction) {
        return orientation == javax.swing.SwingConstants.VERTICAL ? r.height - 16 : r.width - 16;
    }
    @Override public boolean getScrollableTracksViewportWidth() { return true; }
    @Override public boolean getScrollableTracksViewportHeight() {
        return getParent() != null && getParent().getHeight() > getPreferredSize().height;
    }

    private void fullRow(JLabel label, Insets insets) {
        add(label, cell(0, 2, insets));
        row++;
    }

    /**
     * Lists {@code products} under "Recent products" (at most {@value eu.ai4c.desktop.products.RecentProducts#MAX}),
     * each a link named {@code start.recent.<i>} that opens it. Event thread.
     */
    public void showRecent(List<java.nio.file.Path> products) {
        recent.removeAll();
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.anchor = GridBagConstraints.LINE_START;
        for (int i = 0; i < products.size(); i++) {
            java.nio.file.Path p = products.get(i);
            c.gridy = i;
            recent.add(link("start.recent." + i, String.valueOf(p.getFileName()), p.toString(), () -> openProduct.accept(p)), c);
        }
        if (products.isEmpty()) {
            JLabel none = new JLabel("none yet (File > Open Product..., or the demo data above)");
            none.setName("start.recent.none");
            none.setForeground(UIManager.getColor("Label.disabledForeground"));
            c.gridy = 0;
            recent.add(none, c);
        }
        recent.revalidate();
        recent.repaint();
    }

    private static JButton link(OperatorDescriptor d, Consumer<String> open) {
        return link("start." + d.alias(), d.label(), d.summary(), () -> open.accept(d.alias()));
    }

    private static JButton link(String name, String text, String tooltip, Runnable action) {
        JButton b = new JButton("<html><u>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</u></html>");
        b.setName(name);
        b.setForeground(LINK);
        b.setBorderPainted(false);
        b.setContentAreaFilled(false);
        b.setMargin(new Insets(0, 0, 0, 0));
        b.setHorizontalAlignment(JButton.LEADING);
        b.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        b.setToolTipText(tooltip);
        b.addActionListener(ev -> action.run());
        return b;
    }

    private GridBagConstraints cell(int x, int width, Insets insets) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = row;
        c.gridwidth = width;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = insets;
        return c;
    }
}
