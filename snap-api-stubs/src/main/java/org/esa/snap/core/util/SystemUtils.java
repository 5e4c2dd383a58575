package org.esa.snap.core.util;

import java.io.File;

/** SNAP API stub of {@code SystemUtils}: the members the AI4C plugin uses, SNAP 13.0.2 signatures. */
public class SystemUtils {

    /** The user's SNAP directory ({@code ~/.snap} unless {@code snap.userdir} says otherwise). */
    public static File getApplicationDataDir() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
