package eu.ai4c.agri.torch;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The native environment of this process: what C's {@code getenv} sees, and so what native
 * libraries (oneDNN, ATen, MKL) read when they start. Java's {@link System#getenv} is a copy
 * taken at JVM start and cannot change it. Calls go through JNA to the C library
 * ({@code setenv}/{@code getenv} on Linux and macOS, the UCRT's {@code _putenv_s} and
 * {@code getenv} on Windows).
 */
final class ProcessEnvironment {
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        int _putenv_s(String name, String value);

        String getenv(String name);
    }

    private static final CLibrary LIBC = Native.load(Platform.isWindows() ? "ucrtbase" : "c", CLibrary.class);

    private ProcessEnvironment() {
    }

    /** The value of {@code name} in the native environment, or null. */
    static String get(String name) {
        return LIBC.getenv(name);
    }

    /** Sets {@code name} in the native environment (overwriting). */
    static void set(String name, String value) {
        int rc = Platform.isWindows() ? LIBC._putenv_s(name, value) : LIBC.setenv(name, value, 1);
        if (rc != 0) throw new IllegalStateException("could not set " + name + "=" + value + " in the process environment");
    }
}
