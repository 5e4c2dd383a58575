package eu.ai4c.desktop.products;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s2.safe.SafeChecksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks an open Sentinel-1 or Sentinel-2 SAFE product (folder or zip) whole against the checksums
 * of its {@code manifest.safe}, as {@code ai4c verify} does: the Products window's "Verify
 * Checksums" entry.
 */
public final class ProductChecksums {

    /** The outcome: whether the product is whole, and one sentence saying what was found. */
    public record Outcome(boolean whole, String message) {
    }

    private ProductChecksums() {
    }

    /** Whether {@code p} is a SAFE product whose manifest can be checked (ESA's S1…/S2… name, .SAFE or .zip). */
    public static boolean applies(OpenProduct p) {
        return mission(p.location()) != null;
    }

    /** Reads every file the manifest lists and compares it with its checksum (slow: call off the event thread). */
    public static Outcome check(Path location, int threads) {
        String mission = mission(location);
        if (mission == null) return new Outcome(false, location + " is not a Sentinel-1 or Sentinel-2 SAFE product.");
        long t0 = System.nanoTime();
        try {
            int n;
            if (mission.equals("S1")) {
                try (S1Product s1 = S1Product.open(location, false)) {
                    n = s1.verifyAll(threads);
                }
            } else {
                n = SafeChecksums.verifyAll(location, threads);
            }
            if (n == 0) return new Outcome(false, location.getFileName() + ": its manifest gives no checksums to compare with.");
            return new Outcome(true, String.format(Locale.ROOT, "%s is whole: its %d files match the checksums of its"
                    + " manifest (%.1f s).", location.getFileName(), n, (System.nanoTime() - t0) / 1e9));
        } catch (Ai4cException | IOException e) {
            return new Outcome(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static String mission(Path p) {
        if (p == null || !Files.exists(p)) return null;
        String name = p.getFileName().toString().toUpperCase(Locale.ROOT);
        if (!(Files.isDirectory(p) ? name.endsWith(".SAFE") : name.endsWith(".ZIP"))) return null;
        return name.startsWith("S1") ? "S1" : name.startsWith("S2") ? "S2" : null;
    }
}
