package eu.ai4c.desktop.products;

import eu.ai4c.desktop.start.StartPageAtStartup;
import org.openide.util.NbBundle;
import org.openide.windows.OnShowing;

/**
 * Shows the Products window when the main window shows, in the standalone AI4C Desktop only;
 * inside SNAP Desktop, SNAP's Product Explorer has that place.
 */
@OnShowing
public final class ProductsAtStartup implements Runnable {
    @Override
    public void run() {
        if (StartPageAtStartup.BRANDING.equals(NbBundle.getBranding())) ProductsWindow.display();
    }
}
