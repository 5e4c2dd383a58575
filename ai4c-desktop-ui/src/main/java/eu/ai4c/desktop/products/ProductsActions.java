package eu.ai4c.desktop.products;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionRegistration;

/**
 * File → Open Product… and Window → Products. The menu entries are added by the generated layer
 * ({@link eu.ai4c.desktop.actions.OperatorLayer}) in the standalone application only: inside SNAP
 * Desktop, SNAP's own Open Product and Product Explorer have these places.
 */
public final class ProductsActions {
    /** The action File → Open Product… in the system filesystem. */
    public static final String OPEN_PRODUCT = "Actions/File/eu-ai4c-desktop-products-OpenProduct.instance";
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
