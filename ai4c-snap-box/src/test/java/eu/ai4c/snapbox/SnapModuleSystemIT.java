package eu.ai4c.snapbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import junit.framework.TestResult;
import org.junit.jupiter.api.Test;

/**
 * The AI4C plugin inside a NetBeans module system laid out as SNAP 13 lays out its installation
 * ({@link SnapBox}): the NetBeans platform, stand-in SNAP modules under SNAP's code-name-bases and
 * public packages, and the built AI4C {@code .nbm} files. {@code NbModuleSuite} starts the module
 * system in this JVM (headless, no GUI) and runs {@link InsideSnap} inside it, where module class
 * loaders, public-package checks and the {@code META-INF/} rule are NetBeans' own. Any failure of
 * those checks, and any warning or exception the platform logs (a package two modules both export
 * is logged as "Will not load class … arbitrarily"), fails this test.
 */
class SnapModuleSystemIT {

    @Test
    void theAi4cModulesWorkInsideSnapsModuleSystem() throws Exception {
        Path clusters = SnapBox.assembleFromBuild();
        TestResult result = SnapBox.runInside(clusters, InsideSnap.class);
        assertTrue(result.runCount() >= 6, "The module-system checks did not run (" + result.runCount() + " ran)"
                + SnapBox.failures(result));
        assertTrue(result.wasSuccessful(), "Inside the module system:" + SnapBox.failures(result));
    }
}
