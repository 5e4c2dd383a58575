package eu.ai4c.aq.ui;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import org.openide.windows.TopComponent;

/** The air-quality view in the NetBeans window system: an {@link AirQualityPanel}. */
public final class AirQualityWindow extends TopComponent {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("eu.ai4c.aq.ui");

    public AirQualityWindow() {
        setName("Air Quality");
        setToolTipText("Downscaled PM2.5 ensembles: mean, spread and time; training curves; input format");
        setLayout(new BorderLayout());
        add(new AirQualityPanel(), BorderLayout.CENTER);
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The menu action (layer.xml): opens a new air-quality window. */
    public static ActionListener openAction() {
        return e -> {
            AirQualityWindow w = new AirQualityWindow();
            w.open();
            w.requestActive();
            // one line in the application log (the desktop end-to-end test waits for it)
            LOG.info("Air Quality view opened");
        };
    }
}
