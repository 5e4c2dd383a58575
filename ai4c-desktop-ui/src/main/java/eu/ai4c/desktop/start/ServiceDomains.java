package eu.ai4c.desktop.start;

import eu.ai4c.kit.op.OperatorDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI4Copernicus domain of each service, for the start page: the specification's four domains
 * (Security: the Sentinel-1/-2 pre-processing and change-detection services of SatCen;
 * Agriculture; Energy, with the vector data of human features; Health: air quality) plus "Tools" for the general raster tools (speckle
 * filter, warp). Decided from the descriptor's menu category, so a new operator lands in a
 * domain without code here. Stateless.
 */
public final class ServiceDomains {
    public static final String SECURITY = "Security";
    public static final String AGRICULTURE = "Agriculture";
    public static final String ENERGY = "Energy";
    public static final String HEALTH = "Health";
    public static final String TOOLS = "Tools";
    /** The domains in the order the start page shows them. */
    public static final List<String> ORDER = List.of(SECURITY, AGRICULTURE, ENERGY, HEALTH, TOOLS);

    private ServiceDomains() {
    }

    /** The domain of a service from its category (e.g. {@code Radar} → Security, {@code Air Quality} → Health). */
    public static String of(OperatorDescriptor d) {
        String c = d.category();
        if (c.startsWith("Agriculture") || c.contains("/Agriculture")) return AGRICULTURE;
        if (c.startsWith("Air Quality") || c.contains("/Air Quality")) return HEALTH;
        // the human features (vector data) serve energy users with security ones; shown with the energy tools
        if (c.startsWith("Energy") || c.contains("/Energy") || c.startsWith("Vector")) return ENERGY;
        if (c.equals("Radar/Speckle Filtering") || c.equals("Raster/Geometric")) return TOOLS;
        return SECURITY;
    }

    /** The descriptors grouped by domain, in {@link #ORDER}, each group in the given order; empty groups kept. */
    public static Map<String, List<OperatorDescriptor>> group(List<OperatorDescriptor> descriptors) {
        Map<String, List<OperatorDescriptor>> groups = new LinkedHashMap<>();
        for (String domain : ORDER) groups.put(domain, new ArrayList<>());
        for (OperatorDescriptor d : descriptors) groups.get(of(d)).add(d);
        return groups;
    }
}
