package eu.ai4c.s1.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The default output resolution of {@code S1-GRD-preprocess} and {@code S1-SLC-preprocess} per acquisition mode, declared once:
 * the operator takes it when {@code --resolution} is not given, and the parameter's help, the
 * desktop dialog and the SNAP adapter show the text of {@link #describe()}. Values as the
 * specification gives them for IW (10 m) and SM (5 m); EW GRD medium resolution has 40 m pixels.
 */
public enum ModeResolution {
    IW(10), SM(5), EW(40);

    private final double metres;

    ModeResolution(double metres) {
        this.metres = metres;
    }

    public double metres() {
        return metres;
    }

    /** The entry of a manifest mode ({@code IW}, {@code EW}, {@code S1}…{@code S6} stripmap); IW for any other. */
    public static ModeResolution of(String mode) {
        String m = mode == null ? "" : mode.toUpperCase(Locale.ROOT);
        if (m.equals("SM") || m.matches("S[1-6]")) return SM;
        if (m.equals("EW")) return EW;
        return IW;
    }

    /** {@code "10 m for IW, 5 m for SM, 40 m for EW products"}. */
    public static String describe() {
        return Arrays.stream(values()).map(r -> String.format(Locale.ROOT, "%.0f m for %s", r.metres, r.name()))
                .collect(Collectors.joining(", ")) + " products";
    }
}
