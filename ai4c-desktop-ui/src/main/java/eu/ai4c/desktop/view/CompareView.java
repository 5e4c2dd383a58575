package eu.ai4c.desktop.view;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.JCheckBox;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSplitPane;

/**
 * Two products side by side, e.g. before and after a change: a {@link QuickLookPanel} each, with
 * their zoom and pan synchronised (as fractions of each image, so the same area shows in both when
 * they cover the same footprint, as the inputs and outputs of a change detection do); "Synchronise
 * views" turns the link off and on. Use on the EDT; {@link #start()} reads both.
 */
public final class CompareView extends JPanel {
    private final QuickLookPanel left;
    private final QuickLookPanel right;
    private final JCheckBox synchronise = new JCheckBox("Synchronise views", true);
    private Runnable link;

    public CompareView(QuickLookSource first, QuickLookSource second) {
        super(new BorderLayout());
        left = new QuickLookPanel(first);
        right = new QuickLookPanel(second);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, titled(left, first), titled(right, second));
        split.setResizeWeight(0.5);
        add(split, BorderLayout.CENTER);
        synchronise.setName("compare.sync");
        synchronise.setToolTipText("Zoom and pan both images together (mouse wheel, drag; double-click: whole image)");
        synchronise.addActionListener(e -> setSynchronised(synchronise.isSelected()));
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEADING));
        bar.add(synchronise);
        add(bar, BorderLayout.NORTH);
        setSynchronised(true);
    }

    private static JPanel titled(QuickLookPanel panel, QuickLookSource source) {
        JPanel p = new JPanel(new BorderLayout());
        p.add(new JLabel(source.file().getFileName().toString(), JLabel.CENTER), BorderLayout.NORTH);
        p.add(panel, BorderLayout.CENTER);
        return p;
    }

    /** Links or unlinks the two views. */
    public void setSynchronised(boolean on) {
        synchronise.setSelected(on);
        if (link != null) link.run();
        link = on ? ImageCanvas.linkViews(left.canvas(), right.canvas()) : null;
    }

    /** Starts reading both images. */
    public void start() {
        left.update();
        right.update();
    }

    QuickLookPanel left() {
        return left;
    }

    QuickLookPanel right() {
        return right;
    }
}
