package eu.ai4c.agri.ui;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import org.openide.windows.TopComponent;

/** The LSTM training window in the NetBeans window system: a {@link TrainingPanel}. */
public final class TrainingWindow extends TopComponent {

    public TrainingWindow() {
        setName("Train LSTM");
        setToolTipText("Train an LSTM crop-type classifier and watch it learn");
        setLayout(new BorderLayout());
        add(new TrainingPanel(), BorderLayout.CENTER);
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    /** The menu action (layer.xml): opens a new training window. */
    public static ActionListener openAction() {
        return e -> {
            TrainingWindow w = new TrainingWindow();
            w.open();
            w.requestActive();
        };
    }
}
