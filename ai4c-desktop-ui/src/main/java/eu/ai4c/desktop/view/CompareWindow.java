package eu.ai4c.desktop.view;

import eu.ai4c.desktop.products.OpenProduct;
import eu.ai4c.desktop.products.OpenProducts;
import eu.ai4c.desktop.products.ProductChooser;
import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.windows.TopComponent;

/**
 * Window → Compare Two Products…: asks for two products (the open ones are offered, any other
 * file can be browsed to) and shows them side by side in a {@link CompareView} with synchronised
 * zoom and pan, e.g. the two dates of a change detection or an input beside its result.
 */
public final class CompareWindow extends TopComponent {
    private final transient CompareView view;

    CompareWindow(Path first, Path second, CompareView view) {
        this.view = view;
        setLayout(new BorderLayout());
        add(view, BorderLayout.CENTER);
        setName(first.getFileName() + " | " + second.getFileName());
        setToolTipText(first.toAbsolutePath() + " beside " + second.toAbsolutePath());
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    @Override
    protected void componentOpened() {
        view.start();
    }

    /** Opens a comparison of two files (EDT); problems are reported in a message dialog. */
    public static void open(Path first, Path second) {
        try {
            CompareView view = new CompareView(QuickLookSource.open(first), QuickLookSource.open(second));
            CompareWindow w = new CompareWindow(first, second, view);
            w.open();
            w.requestActive();
        } catch (IOException | RuntimeException e) {
            DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message("Cannot compare " + first + " and " + second
                    + ": " + e.getMessage(), NotifyDescriptor.ERROR_MESSAGE));
        }
    }

    /** The menu action. */
    @ActionID(category = "Window", id = "eu.ai4c.desktop.view.CompareProducts")
    @ActionRegistration(displayName = "Compare Two Products...")
    @ActionReference(path = "Menu/Window", position = 340)
    public static final class CompareAction implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            List<Path> open = new ArrayList<>();
            for (OpenProduct p : OpenProducts.getDefault().products()) open.add(p.location());
            JComboBox<Path> first = chooser(open, 0);
            JComboBox<Path> second = chooser(open, 1);
            JPanel form = new JPanel(new GridBagLayout());
            GridBagConstraints c = new GridBagConstraints();
            c.insets = new Insets(3, 3, 3, 3);
            c.fill = GridBagConstraints.HORIZONTAL;
            addRow(form, c, 0, "Left (e.g. before):", first);
            addRow(form, c, 1, "Right (e.g. after):", second);
            NotifyDescriptor d = new NotifyDescriptor.Confirmation(form, "Compare Two Products",
                    NotifyDescriptor.OK_CANCEL_OPTION, NotifyDescriptor.PLAIN_MESSAGE);
            if (DialogDisplayer.getDefault().notify(d) != NotifyDescriptor.OK_OPTION) return;
            Object a = first.getSelectedItem();
            Object b = second.getSelectedItem();
            if (a == null || b == null || a.toString().isBlank() || b.toString().isBlank()) {
                DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message("Choose two products to compare.",
                        NotifyDescriptor.WARNING_MESSAGE));
                return;
            }
            open(Path.of(a.toString()), Path.of(b.toString()));
        }

        private static JComboBox<Path> chooser(List<Path> open, int preferred) {
            JComboBox<Path> box = new JComboBox<>(open.toArray(new Path[0]));
            box.setEditable(true);
            box.setPrototypeDisplayValue(Path.of("S1A_IW_GRDH_1SDV_20210601T050017_Sigma0_TC.tif"));
            if (open.size() > preferred) box.setSelectedIndex(preferred);
            else box.setSelectedItem("");
            return box;
        }

        private static void addRow(JPanel form, GridBagConstraints c, int row, String label, JComboBox<Path> box) {
            c.gridy = row;
            c.gridx = 0;
            c.weightx = 0;
            form.add(new JLabel(label), c);
            c.gridx = 1;
            c.weightx = 1;
            form.add(box, c);
            JButton browse = new JButton("...");
            browse.setToolTipText("Choose a file");
            browse.addActionListener(ev -> {
                JFileChooser fc = new JFileChooser();
                fc.setFileFilter(ProductChooser.PRODUCTS);
                if (fc.showOpenDialog(form) == JFileChooser.APPROVE_OPTION) box.setSelectedItem(fc.getSelectedFile().toPath());
            });
            c.gridx = 2;
            c.weightx = 0;
            form.add(browse, c);
        }
    }
}
