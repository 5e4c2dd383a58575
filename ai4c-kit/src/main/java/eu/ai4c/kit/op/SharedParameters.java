package eu.ai4c.kit.op;

import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.warp.Resampling;
import java.util.Arrays;

/**
 * Parameters that several services share, declared once: the name, option spelling, type, label,
 * value set and the text of what is accepted come from here, and a service adds only what the
 * parameter does in it (what an area of interest crops, which projection is the default). So the
 * command line, dialogs and SNAP adapters of every service spell them alike. Stateless.
 */
public final class SharedParameters {
    /** What {@code --AoI} accepts, in every service. */
    public static final String AOI_ACCEPTED = "WKT polygon in WGS84 longitude/latitude, or a vector file (GeoJSON, "
            + "Shapefile, KML/KMZ, GeoPackage)";

    private SharedParameters() {
    }

    /** {@code aoi} ({@code --AoI}): an area of interest; {@code effect} says what the service does with it. */
    public static ParameterDescriptor aoi(String effect) {
        return ParameterDescriptor.builder("aoi", ParameterType.GEOMETRY).option("--AoI").label("Area of interest")
                .description(AOI_ACCEPTED + ": " + effect).build();
    }

    /**
     * {@code verify} (default true): check the files a run reads against the checksums the product
     * carries; {@code what} says which files and checksums, and what a mismatch prevents.
     */
    public static ParameterDescriptor verify(String what) {
        return ParameterDescriptor.builder("verify", ParameterType.BOOLEAN).defaultValue(true).label("Verify checksums")
                .description(what).build();
    }

    /**
     * {@code projection}: the output CRS, with the service's default.
     *
     * @param defaultValue e.g. {@code WGS84} or {@code UTM(Auto)}
     * @param note         what the default means for the service, or an empty string
     */
    public static ParameterDescriptor projection(String defaultValue, String note) {
        return ParameterDescriptor.builder("projection", ParameterType.PROJECTION).defaultValue(defaultValue)
                .label("Projection")
                .description("Output projection" + (note.isEmpty() ? "" : " (" + note + ")") + ": "
                        + Projections.ACCEPTED + ".").build();
    }

    /**
     * {@code resolution}: output pixel size in metres (square degrees by {@link eu.ai4c.kit.geo.PixelSpacing}
     * in a geographic projection).
     *
     * @param defaultMetres the default, or null when it depends on the product ({@code defaultText} says how)
     * @param defaultText   the default as users read it, e.g. {@code "10 m for IW, 5 m for SM products"}
     */
    public static ParameterDescriptor resolution(Number defaultMetres, String defaultText) {
        ParameterDescriptor.Builder b = ParameterDescriptor.builder("resolution", ParameterType.DOUBLE)
                .interval("(0,*)").unit("m").label("Resolution");
        if (defaultMetres != null) b.defaultValue(defaultMetres);
        return b.description("Output pixel size in metres (in a geographic projection, square pixels of "
                + "metres / 6378137 rad). Default: " + defaultText + ".").build();
    }

    /**
     * A resampling choice whose value set is {@link Resampling}'s labels ({@code Nearest}, {@code Bilinear},
     * {@code Bicubic}).
     */
    public static ParameterDescriptor resampling(String name, String label, Resampling defaultValue, String description) {
        String[] labels = Arrays.stream(Resampling.values()).map(Resampling::toString).toArray(String[]::new);
        return ParameterDescriptor.builder(name, ParameterType.CHOICE).valueSet(labels)
                .defaultValue(defaultValue.toString()).label(label).description(description).build();
    }
}
