package org.esa.snap.core.util;

import java.io.File;

/** Test stand-in for SNAP's class: the user directory is set by the test (SNAP reads {@code snap.userdir}). */
public class SystemUtils {
    /** Test only. */
    public static File applicationDataDir;

    public static File getApplicationDataDir() {
        return applicationDataDir;
    }
}
