package eu.ai4c.aq.ui;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import org.openide.windows.TopComponent;

/** The SRGAN training window in the NetBeans window system: an {@link AqTrainingPanel}. */
public final class AqTrainingWindow extends TopComponent {

    public AqTrainingWindow() {
        setName("Train SRGAN");
        setToolTipText("Train the CAMS downscaling SRGAN and watch it learn");
        setLayout(new BorderLayout());
        add(new AqTrainingPanel(), BorderLayout.CENTER);
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The menu action (layer.xml): opens a new training window. */
    public static ActionListener openAction() {
        return e -> {
            AqTrainingWindow w = new AqTrainingWindow();
            w.open();
            w.requestActive();
        };
    }
}
