package eu.ai4c.desktop.products;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;

/** File → Open Product… and Window → Products. */
public final class ProductsActions {
    private ProductsActions() {
    }

    /** File → Open Product…: the product chooser, then the Products window. */
    @ActionID(category = "File", id = "eu.ai4c.desktop.products.OpenProduct")
    @ActionRegistration(displayName = "Open Product...")
    @ActionReference(path = "Menu/File", position = 5, name = "AI4C-Action-OpenProduct")
    public static final class OpenProduct implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            ProductsWindow.chooseAndOpen();
        }
    }

    /** Window → Products. */
    @ActionID(category = "Window", id = "eu.ai4c.desktop.products.ShowProducts")
    @ActionRegistration(displayName = "Products")
    @ActionReference(path = "Menu/Window", position = 5, name = "AI4C-Action-Products")
    public static final class ShowProducts implements ActionListener {
        @Override
        public void actionPerformed(ActionEvent e) {
            ProductsWindow.display();
        }
    }
}
