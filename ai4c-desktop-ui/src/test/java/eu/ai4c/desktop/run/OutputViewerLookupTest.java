package eu.ai4c.desktop.run;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.view.QuickLookViewer;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;

/** The completion notification finds the quick-look viewer through the default lookup. */
class OutputViewerLookupTest {
    @Test
    void quickLookViewerIsRegistered() {
        OutputViewer viewer = Lookup.getDefault().lookup(OutputViewer.class);
        assertNotNull(viewer, "no OutputViewer in the default lookup: \"Show quick-look\" would be disabled");
        assertTrue(viewer instanceof QuickLookViewer, viewer.getClass().getName());
    }
}
