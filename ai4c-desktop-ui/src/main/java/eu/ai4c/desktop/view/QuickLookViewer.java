package eu.ai4c.desktop.view;

import eu.ai4c.desktop.run.OutputViewer;
import java.nio.file.Path;
import org.openide.util.lookup.ServiceProvider;

/** Shows a run's output in the quick-look window ("Show quick-look" of the completion notification). */
@ServiceProvider(service = OutputViewer.class)
public final class QuickLookViewer implements OutputViewer {
    @Override
    public void show(Path file) {
        QuickLookWindow.open(file);
    }
}
