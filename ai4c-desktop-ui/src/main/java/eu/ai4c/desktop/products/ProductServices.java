package eu.ai4c.desktop.products;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.form.SourceField;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ProductKind;
import eu.ai4c.kit.op.SourceDescriptor;
import eu.ai4c.kit.raster.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which services can run on an open product, and the form of one prepared with it (the Products
 * window's "Run" menu). A service qualifies when its first source accepts the product, as its
 * descriptor states it ({@link SourceDescriptor#accepts()}, any one of the kinds; none: any product):
 * <ul>
 *   <li>{@link ProductKind#SENTINEL1_GRD}, {@link ProductKind#SENTINEL1_SLC}: a Sentinel-1 SAFE product of that type;</li>
 *   <li>{@link ProductKind#SENTINEL2_L1C}, {@link ProductKind#SENTINEL2_L2A}: a Sentinel-2 SAFE product of that level;</li>
 *   <li>{@link ProductKind#SAR}: a Sentinel-1 product, or a product whose bands are backscatter
 *       (sigma0, gamma0, beta0, intensity, amplitude);</li>
 *   <li>{@link ProductKind#MAP_GRID}: a map grid (GeoTIFF, BEAM-DIMAP, a terrain-corrected output);</li>
 *   <li>{@link ProductKind#LAT_LON_GRID}: a map grid in a geographic CRS.</li>
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
        if (source.accepts().isEmpty()) return true;
        for (ProductKind k : source.accepts()) {
            boolean match = switch (k) {
                case SENTINEL1_GRD -> "S1".equals(kind.mission()) && "GRD".equalsIgnoreCase(kind.type());
                case SENTINEL1_SLC -> "S1".equals(kind.mission()) && "SLC".equalsIgnoreCase(kind.type());
                case SENTINEL2_L1C -> "S2".equals(kind.mission()) && "L1C".equals(kind.type());
                case SENTINEL2_L2A -> "S2".equals(kind.mission()) && "L2A".equals(kind.type());
                case SAR -> "S1".equals(kind.mission()) || kind.backscatterBands();
                case MAP_GRID -> kind.mapGrid();
                case LAT_LON_GRID -> kind.mapGrid() && kind.geographic();
            };
            if (match) return true;
        }
        return false;
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
