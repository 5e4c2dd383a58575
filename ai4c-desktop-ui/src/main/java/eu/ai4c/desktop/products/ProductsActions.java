package eu.ai4c.desktop.products;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionRegistration;

/**
 * File → Open Product…, Open Recent Product, Open Demo Data and Window → Products. The menu entries are added by the generated layer
 * ({@link eu.ai4c.desktop.actions.OperatorLayer}) in the standalone application only: inside SNAP
 * Desktop, SNAP's own Open Product and Product Explorer have these places.
 */
public final class ProductsActions {
    /** The action File → Open Product… in the system filesystem. */
    public static final String OPEN_PRODUCT = "Actions/File/eu-ai4c-desktop-products-OpenProduct.instance";
    /** The action File → Open Recent Product in the system filesystem. */
    public static final String OPEN_RECENT_PRODUCT = "Actions/File/eu-ai4c-desktop-products-OpenRecentProduct.instance";
    /** The action File → Open Demo Data in the system filesystem. */
    public static final String OPEN_DEMO_DATA = "Actions/File/eu-ai4c-desktop-products-OpenDemoData.instance";
    /** The action Window → Products in the system filesystem. */
    public static final String SHOW_PRODUCTS = "Actions/Window/eu-ai4c-desktop-products-ShowProducts.instance";

    private ProductsActions() {
    }

    /** File → Open Product…: the product chooser, then the Products window. */
    @ActionID(category = "File", id = "eu.ai4c.desktop.products.OpenProduct")
    @ActionRegistration(displayName = "Open Product...")
    public static final class OpenProduct implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            ProductsWindow.chooseAndOpen();
        }
    }

    /** File → Open Demo Data: makes the demo inputs in the user folder (once) and opens them. */
    @ActionID(category = "File", id = "eu.ai4c.desktop.products.OpenDemoData")
    @ActionRegistration(displayName = "Open Demo Data")
    public static final class OpenDemoData implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            DemoData.openInDesktop();
        }
    }

    /**
     * File → Open Recent Product: a sub-menu of the {@value RecentProducts#MAX} products opened last
     * ({@link RecentProducts}), filled each time it opens.
     */
    @ActionID(category = "File", id = "eu.ai4c.desktop.products.OpenRecentProduct")
    @ActionRegistration(displayName = "Open Recent Product", lazy = false)
    public static final class OpenRecentProduct extends javax.swing.AbstractAction
            implements org.openide.util.actions.Presenter.Menu {
        public OpenRecentProduct() {
            super("Open Recent Product");
        }

        @Override
        public void actionPerformed(ActionEvent e) {
            // the sub-menu's entries open the products
        }

        @Override
        public javax.swing.JMenuItem getMenuPresenter() {
            javax.swing.JMenu menu = new javax.swing.JMenu("Open Recent Product");
            menu.setName("products.recent");
            fill(menu);
            menu.addMenuListener(new javax.swing.event.MenuListener() {
                @Override
                public void menuSelected(javax.swing.event.MenuEvent e) {
                    fill(menu);
                }

                @Override
                public void menuDeselected(javax.swing.event.MenuEvent e) {
                }

                @Override
                public void menuCanceled(javax.swing.event.MenuEvent e) {
                }
            });
            return menu;
        }

        static void fill(javax.swing.JMenu menu) {
            menu.removeAll();
            java.util.List<java.nio.file.Path> recent = RecentProducts.getDefault().list();
            for (int i = 0; i < recent.size(); i++) {
                java.nio.file.Path p = recent.get(i);
                javax.swing.JMenuItem item = new javax.swing.JMenuItem((i + 1) + "  " + p.getFileName());
                item.setToolTipText(p.toString());
                item.addActionListener(ev -> ProductsWindow.open(java.util.List.of(p)));
                menu.add(item);
            }
            if (recent.isEmpty()) {
                javax.swing.JMenuItem none = new javax.swing.JMenuItem("No recent products");
                none.setEnabled(false);
                menu.add(none);
            }
        }
    }

    /** Window → Products. */
    @ActionID(category = "Window", id = "eu.ai4c.desktop.products.ShowProducts")
    @ActionRegistration(displayName = "Products")
    public static final class ShowProducts implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            ProductsWindow.display();
        }
    }
}
