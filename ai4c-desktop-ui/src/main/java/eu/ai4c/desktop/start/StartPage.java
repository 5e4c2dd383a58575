package eu.ai4c.desktop.start;

import eu.ai4c.desktop.form.ui.OperatorDialog;
import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.kit.op.Operator;
import java.awt.BorderLayout;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.openide.windows.Mode;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/**
 * The start page as a document window of the workspace ("editor" mode): {@link StartPagePanel}
 * over the registered services. One instance; {@link #display()} shows and activates it. Event thread
 * only, except {@link #display()}.
 */
public final class StartPage extends TopComponent {
    private static StartPage instance;

    private StartPage() {
        setName("Start Page");
        setToolTipText("AI4C services by domain");
        setLayout(new BorderLayout());
        eu.ai4c.desktop.products.RecentProducts recent = eu.ai4c.desktop.products.RecentProducts.getDefault();
        StartPagePanel panel = new StartPagePanel(
                OperatorCatalog.load().all().stream().map(Operator::descriptor).toList(), OperatorDialog::open,
                // the demo data opens in the Products window, which has its menu entries in the standalone application
                StartPageAtStartup.BRANDING.equals(org.openide.util.NbBundle.getBranding())
                        ? eu.ai4c.desktop.products.DemoData::openInDesktop : null, recent.list(),
                p -> eu.ai4c.desktop.products.ProductsWindow.open(java.util.List.of(p)));
        recent.addListener(() -> SwingUtilities.invokeLater(() -> panel.showRecent(recent.list())));
        JScrollPane scroll = new JScrollPane(panel);
        scroll.setBorder(null);
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        add(scroll, BorderLayout.CENTER);
    }

    /** Opens (or activates) the start page in the workspace, on the event thread. */
    public static void display() {
        SwingUtilities.invokeLater(() -> {
            if (instance == null) instance = new StartPage();
            if (!instance.isOpened()) {
                Mode editor = WindowManager.getDefault().findMode("editor");
                if (editor != null) editor.dockInto(instance);
                instance.open();
            }
            instance.requestActive();
        });
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER; // rebuilt from the registered services at every start
    }
}
