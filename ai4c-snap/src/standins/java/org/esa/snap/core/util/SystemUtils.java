package org.esa.snap.core.util;

import java.io.File;

/**
 * Test stand-in for SNAP's class. The user directory is, as in SNAP, the {@code snap.userdir}
 * setting, else {@code ~/.snap}; a test in one JVM may set it directly.
 */
public class SystemUtils {
    /** Test only: overrides {@code snap.userdir}. */
    public static File applicationDataDir;

    public static File getApplicationDataDir() {
        if (applicationDataDir != null) return applicationDataDir;
        String dir = System.getProperty("snap.userdir");
        return dir != null ? new File(dir) : new File(System.getProperty("user.home"), ".snap");
    }
}
