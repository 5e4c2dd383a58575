package eu.ai4c.agri.ui;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import org.openide.windows.TopComponent;

/** The U-Net training window in the NetBeans window system: a {@link UnetTrainingPanel}. */
public final class UnetTrainingWindow extends TopComponent {

    public UnetTrainingWindow() {
        setName("Train U-Net");
        setToolTipText("Train a U-Net pixel classifier and watch it learn");
        setLayout(new BorderLayout());
        add(new UnetTrainingPanel(), BorderLayout.CENTER);
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The menu action (layer.xml): opens a new training window. */
    public static ActionListener openAction() {
        return e -> {
            UnetTrainingWindow w = new UnetTrainingWindow();
            w.open();
            w.requestActive();
        };
    }
}
