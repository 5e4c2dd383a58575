package eu.ai4c.kit.op;

import java.util.Locale;

/**
 * Where an operator's action goes in the menu bar, from its descriptor's category, laid out as
 * SNAP users expect; the desktop's menus and the SNAP binding's operator categories both come
 * from here. Radar and Optical operators in the
 * AI4Copernicus sub-menu of their menu ({@code Radar/AI4Copernicus}, {@code Optical/AI4Copernicus},
 * whatever their sub-category, e.g. {@code Radar/Speckle Filtering}), raster operators in SNAP's Raster sub-menus
 * ({@code Raster/Change Detection}, {@code Raster/Geometric}), vector-data operators (human
 * features) in the AI4Copernicus sub-menu of SNAP's Vector menu, the thematic groups Agriculture
 * (crop maps from optical time series) and Air Quality (atmospheric downscaling) as sub-menus of
 * {@code Optical/AI4Copernicus} and {@code Raster/AI4Copernicus}. A category the rule does not
 * know goes to {@code Raster/AI4Copernicus/<category>}, so a new operator always appears.
 * Stateless.
 */
public final class MenuPaths {
    /** Sub-menu holding the AI4C operators inside SNAP's menus. */
    public static final String SUBMENU = "AI4Copernicus";

    private MenuPaths() {
    }

    /** The menu folder path (below {@code Menu/}) for an operator of {@code category}. */
    public static String forCategory(String category) {
        String c = category == null ? "" : category.strip();
        String[] parts = c.split("/", 2);
        String top = parts[0].strip();
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (top.toLowerCase(Locale.ROOT)) {
            case "radar":
                return "Radar/" + SUBMENU;
            case "optical":
                return "Optical/" + SUBMENU;
            case "vector":
                return join("Vector/" + SUBMENU, rest);
            case "raster":
                return rest.isEmpty() ? "Raster/" + SUBMENU : "Raster/" + rest;
            case "agriculture":
                return join("Optical/" + SUBMENU + "/Agriculture", rest);
            case "air quality", "airquality", "air-quality":
                return join("Raster/" + SUBMENU + "/Air Quality", rest);
            case "":
                return "Raster/" + SUBMENU;
            default:
                return join("Raster/" + SUBMENU + "/" + top, rest);
        }
    }

    private static String join(String base, String rest) {
        return rest.isEmpty() ? base : base + "/" + rest;
    }
}
