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

    /**
     * The {@code resolution} default for a source product, as operators declare it to front ends
     * ({@link eu.ai4c.kit.op.SourceDefaults}): {@code 10} because of an {@code IW product}; none for a
     * product that is not Sentinel-1.
     */
    public static java.util.Map<String, eu.ai4c.kit.op.SourceDefaults.SourceDefault> defaultFor(
            eu.ai4c.kit.raster.Product source) {
        return source.attachment(eu.ai4c.s1.safe.S1Product.class).map(s1 -> {
            String mode = s1.manifest().mode();
            ModeResolution r = of(mode);
            String why = (mode == null || mode.isBlank() ? r.name() : mode.toUpperCase(Locale.ROOT)) + " product";
            return java.util.Map.of("resolution", new eu.ai4c.kit.op.SourceDefaults.SourceDefault(
                    String.format(Locale.ROOT, "%.0f", r.metres), why));
        }).orElse(java.util.Map.of());
    }

    /** {@code "10 m for IW, 5 m for SM, 40 m for EW products"}. */
    public static String describe() {
        return Arrays.stream(values()).map(r -> String.format(Locale.ROOT, "%.0f m for %s", r.metres, r.name()))
                .collect(Collectors.joining(", ")) + " products";
    }
}
