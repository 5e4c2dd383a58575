package eu.ai4c.desktop.form.ui;

import eu.ai4c.kit.geo.CrsCatalog;
import eu.ai4c.kit.geo.Projections;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Window;
import java.util.List;
import java.util.concurrent.ExecutionException;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;

/**
 * Chooses a coordinate reference system from the EPSG database, as SNAP's predefined-CRS panel:
 * a search field (code or words of the name, e.g. {@code 32632} or {@code utm 33n}), the matching
 * CRS, and the chosen one's WKT. The database is listed off the event thread. Component names:
 * {@code crs.search}, {@code crs.results}, {@code crs.wkt}, {@code crs.status}.
 */
public final class CrsChooser extends JPanel {
    static final int LIMIT = 500;
    private final JTextField search = new JTextField(28);
    private final DefaultListModel<CrsCatalog.Entry> results = new DefaultListModel<>();
    private final JList<CrsCatalog.Entry> list = new JList<>(results);
    private final JTextArea wkt = new JTextArea(10, 40);
    private final JLabel status = new JLabel("Reading the EPSG database…");
    private SwingWorker<List<CrsCatalog.Entry>, Void> pending;
    /** The search whose results are shown. */
    private volatile SwingWorker<?, ?> shownSearch;

    public CrsChooser() {
        super(new BorderLayout(4, 4));
        search.setName("crs.search");
        list.setName("crs.results");
        wkt.setName("crs.wkt");
        status.setName("crs.status");
        wkt.setEditable(false);
        wkt.setLineWrap(true);
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        JPanel top = new JPanel(new BorderLayout(4, 0));
        top.add(new JLabel("Search (EPSG code or name):"), BorderLayout.WEST);
        top.add(search, BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(list), new JScrollPane(wkt));
        split.setResizeWeight(0.6);
        split.setPreferredSize(new Dimension(560, 420));
        add(split, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);
        search.getDocument().addDocumentListener(ParameterEditors.onEdit(() -> search(search.getText())));
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) showWkt();
        });
        search("");
    }

    /** Starts a search (event thread); {@link #awaitResults()} waits for it. */
    public void search(String query) {
        if (pending != null) pending.cancel(false);
        if (!search.getText().equals(query)) {
            search.setText(query); // fires the listener, which searches
            return;
        }
        SwingWorker<List<CrsCatalog.Entry>, Void> w = new SwingWorker<>() {
            @Override
            protected List<CrsCatalog.Entry> doInBackground() {
                return CrsCatalog.search(query, LIMIT);
            }

            @Override
            protected void done() {
                if (isCancelled() || pending != this) return;
                try {
                    List<CrsCatalog.Entry> found = get();
                    results.clear();
                    results.addAll(found);
                    if (!found.isEmpty()) list.setSelectedIndex(0);
                    status.setText(found.isEmpty() ? "No CRS matches \"" + query + "\"." : found.size()
                            + (found.size() == LIMIT ? "+ CRS match; type more to narrow." : " CRS match."));
                } catch (InterruptedException | ExecutionException e) {
                    status.setText("The EPSG database cannot be searched: " + e.getCause());
                }
                shownSearch = this;
            }
        };
        pending = w;
        w.execute();
    }

    /** Waits until the last search is shown (tests; not on the event thread). */
    void awaitResults() throws Exception {
        SwingWorker<?, ?>[] w = new SwingWorker<?, ?>[1];
        SwingUtilities.invokeAndWait(() -> w[0] = pending);
        w[0].get();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (shownSearch != w[0]) { // done() runs on the event thread after the result is ready
            if (System.nanoTime() > deadline) throw new IllegalStateException("the search results were not shown");
            SwingUtilities.invokeAndWait(() -> { });
        }
    }

    /** The entries shown. */
    List<CrsCatalog.Entry> shown() {
        return java.util.Collections.list(results.elements());
    }

    /** Selects the shown entry {@code index}. */
    void select(int index) {
        list.setSelectedIndex(index);
    }

    /** The selected CRS code ({@code EPSG:nnnn}), or null. */
    public String selectedCode() {
        CrsCatalog.Entry e = list.getSelectedValue();
        return e == null ? null : e.code();
    }

    /** The WKT shown for the selection. */
    String wktText() {
        return wkt.getText();
    }

    private void showWkt() {
        String code = selectedCode();
        if (code == null) {
            wkt.setText("");
            return;
        }
        try {
            wkt.setText(Projections.wkt1(Projections.parse(code, 0, 0)));
            wkt.setCaretPosition(0);
        } catch (RuntimeException e) {
            wkt.setText("Not usable by the services: " + e.getMessage());
        }
    }

    /** Opens the chooser as a modal dialog; the chosen code, or null when cancelled. */
    public static String choose(Component parent) {
        Window owner = parent == null ? null : SwingUtilities.getWindowAncestor(parent);
        JDialog d = new JDialog(owner, "Choose a coordinate reference system", java.awt.Dialog.ModalityType.APPLICATION_MODAL);
        CrsChooser chooser = new CrsChooser();
        String[] chosen = new String[1];
        JButton ok = new JButton("OK");
        JButton cancel = new JButton("Cancel");
        ok.setName("crs.ok");
        ok.addActionListener(e -> {
            chosen[0] = chooser.selectedCode();
            d.dispose();
        });
        cancel.addActionListener(e -> d.dispose());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        buttons.add(ok);
        buttons.add(cancel);
        d.getContentPane().add(chooser, BorderLayout.CENTER);
        d.getContentPane().add(buttons, BorderLayout.SOUTH);
        d.pack();
        d.setLocationRelativeTo(parent);
        d.setVisible(true);
        return chosen[0];
    }
}
