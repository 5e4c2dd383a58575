package eu.ai4c.aq.ui;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import org.openide.windows.TopComponent;

/** The air-quality configuration editor in the NetBeans window system: an {@link AqConfigEditor}. */
public final class AqConfigWindow extends TopComponent {

    public AqConfigWindow() {
        setName("SRGAN Configuration");
        setToolTipText("Edit the YAML configuration of the air-quality services (table 15 settings)");
        setLayout(new BorderLayout());
        add(new AqConfigEditor(), BorderLayout.CENTER);
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The menu action (layer.xml): opens a new editor. */
    public static ActionListener openAction() {
        return e -> {
            AqConfigWindow w = new AqConfigWindow();
            w.open();
            w.requestActive();
        };
    }
}
