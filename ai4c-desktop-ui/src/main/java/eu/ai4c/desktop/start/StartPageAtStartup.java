package eu.ai4c.desktop.start;

import org.openide.util.NbBundle;
import org.openide.windows.OnShowing;

/**
 * Opens the start page when the main window shows, in the standalone AI4C Desktop only (branding
 * {@value #BRANDING}); inside SNAP Desktop the module stays out of SNAP's own start-up.
 */
@OnShowing
public final class StartPageAtStartup implements Runnable {
    /** The branding token of the standalone application (ai4c-desktop-app). */
    public static final String BRANDING = "ai4cdesktop";

    @Override
    public void run() {
        if (BRANDING.equals(NbBundle.getBranding())) StartPage.display();
    }
}
