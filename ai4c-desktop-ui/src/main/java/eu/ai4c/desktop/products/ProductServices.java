package eu.ai4c.desktop.products;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.SourceField;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.raster.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which services can run on an open product, and the form of one prepared with it (the Products
 * window's "Run" menu). A service qualifies when its first source accepts the product; what a
 * source accepts is read from its descriptor's description, the one statement of accepted inputs
 * every front end shows (the dialogs' hint, {@code ai4c <service> --help}, the SNAP help pages):
 * <ul>
 *   <li>"Sentinel-1" — a Sentinel-1 SAFE product; when the text names GRD and/or SLC, of that type;</li>
 *   <li>"Sentinel-2" — a Sentinel-2 SAFE product; when the text names L1C and/or L2A, of that level;</li>
 *   <li>"SAR product" — a Sentinel-1 product, or a product whose bands are backscatter (sigma0,
 *       gamma0, beta0, intensity, amplitude);</li>
 *   <li>"latitude-longitude grid" — a map grid in a geographic CRS;</li>
 *   <li>"map-projected" or "map geocoding" — a map grid (GeoTIFF, BEAM-DIMAP, a terrain-corrected output);</li>
 *   <li>anything else — any product (the operator checks it when it runs).</li>
 * </ul>
 * Stateless; thread-safe.
 */
public final class ProductServices {

    private ProductServices() {
    }

    /** What a product is, as far as choosing services goes. */
    record Kind(String mission, String type, boolean mapGrid, boolean geographic, boolean backscatterBands) {
    }

    /** The services among {@code services} whose first source accepts {@code product}, in the given order. */
    public static List<OperatorDescriptor> accepting(OpenProduct product, List<OperatorDescriptor> services) {
        Kind kind = kind(product);
        return services.stream().filter(d -> !d.sources().isEmpty() && accepts(d.sources().get(0), kind)).toList();
    }

    /** Whether {@code source} accepts a product of {@code kind} (see the class comment). */
    static boolean accepts(SourceDescriptor source, Kind kind) {
        String d = source.description().toLowerCase(Locale.ROOT);
        if (d.contains("sentinel-1")) {
            return "S1".equals(kind.mission()) && typeNamed(d, kind.type(), "grd", "slc");
        }
        if (d.contains("sentinel-2")) {
            return "S2".equals(kind.mission()) && typeNamed(d, kind.type(), "l1c", "l2a");
        }
        if (d.contains("sar product")) return "S1".equals(kind.mission()) || kind.backscatterBands();
        if (d.contains("latitude-longitude grid")) return kind.mapGrid() && kind.geographic();
        if (d.contains("map-projected") || d.contains("map geocoding")) return kind.mapGrid();
        return true;
    }

    /** True when the description names none of {@code types}, or names the product's type. */
    private static boolean typeNamed(String description, String type, String... types) {
        boolean any = false;
        for (String t : types) any |= description.contains(t);
        return !any || (type != null && description.contains(type.toLowerCase(Locale.ROOT)));
    }

    static Kind kind(OpenProduct p) {
        String mission = null, type = null;
        Metadata md = p.product().metadata();
        String format = p.format().toUpperCase(Locale.ROOT);
        if (format.contains("SENTINEL-1")) {
            mission = "S1";
            type = md.child("Abstracted_Metadata").flatMap(m -> m.get("PRODUCT_TYPE")).orElse(null);
        } else if (format.contains("SENTINEL-2")) {
            mission = "S2";
            type = md.child("Sentinel-2").flatMap(m -> m.get("level")).map(ProductServices::level).orElse(null);
        }
        boolean grid = p.product().raster().geoCoding() instanceof MapGeoCoding;
        boolean geographic = p.product().raster().geoCoding() instanceof MapGeoCoding g && Projections.isGeographic(g.crs());
        boolean backscatter = p.bandNames().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.contains("sigma0") || n.contains("gamma0") || n.contains("beta0")
                        || n.contains("intensity") || n.contains("amplitude"));
        return new Kind(mission, type, grid, geographic, backscatter);
    }

    /** {@code L2A} from a level text such as {@code Level-2A} or {@code L2A}. */
    private static String level(String text) {
        String t = text.toUpperCase(Locale.ROOT).replace("LEVEL-", "L").replace("LEVEL", "L").replace(" ", "");
        return t.contains("L1C") ? "L1C" : t.contains("L2A") ? "L2A" : t;
    }

    /**
     * Prepares the form of a service for {@code product}, as choosing the product in the dialog
     * does: the product's location in the first source, its bands ticking the matching
     * polarisations, sub-swaths or Sentinel-2 bands ({@link FormModel#offerBands}), and, when no
     * target folder is set (none remembered from an earlier run), the folder the product is in.
     */
    public static void prepare(FormModel form, OpenProduct product) {
        Optional<SourceField> first = form.sources().stream().findFirst();
        if (first.isEmpty()) return;
        first.get().setText(product.location().toString());
        form.offerBands(product.bandNames());
        Path parent = product.location().getParent();
        if (form.target().folder().isBlank() && parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
            form.target().setFolder(parent.toString());
        }
    }
}
