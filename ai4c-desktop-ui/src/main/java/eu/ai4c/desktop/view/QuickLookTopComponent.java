package eu.ai4c.desktop.view;

import java.awt.BorderLayout;
import java.nio.file.Path;
import org.openide.windows.TopComponent;

/**
 * NetBeans window of one quick-look: a {@link TopComponent} in the editor area wrapping a
 * {@link QuickLookView}. Not persisted across sessions (the file may be gone). Use on the EDT.
 */
public final class QuickLookTopComponent extends TopComponent {
    private final transient QuickLookView view;

    QuickLookTopComponent(Path file, QuickLookView view) {
        this.view = view;
        setLayout(new BorderLayout());
        add(view, BorderLayout.CENTER);
        setName(file.getFileName().toString());
        setToolTipText(file.toAbsolutePath().toString());
    }

    @Override
    public int getPersistenceType() {
        return PERSISTENCE_NEVER;
    }

    @Override
    protected void componentOpened() {
        view.start();
    }

    @Override
    protected void componentClosed() {
        view.dispose();
    }
}
