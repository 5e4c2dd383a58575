package eu.ai4c.desktop.world;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.stac.Footprint;
import eu.ai4c.s1.safe.Manifest;
import eu.ai4c.s1.safe.S1Product;
import java.util.List;

/**
 * Where a product lies on the world map: its footprint in WGS84 longitude/latitude, split at the
 * antimeridian ({@link LonLatRings#splitAtAntimeridian}), or why it has none.
 * <ul>
 *   <li>A product on a map grid (GeoTIFF/COG, Sentinel-2 on its UTM tile grid, outputs of runs):
 *       the outer pixel corners of the grid, {@value Footprint#POINTS_PER_EDGE} points per edge so
 *       that a projected edge keeps its curve in degrees, transformed to WGS84 by the kit
 *       ({@link Footprint#of}, the same outline the STAC items state).</li>
 *   <li>A Sentinel-1 product (radar geometry): the footprint of its manifest
 *       ({@code frameSet/frame/footPrint}, four corners), as the reader exposes it
 *       ({@link S1Product#manifest()}).</li>
 *   <li>A Sentinel-2 product whose metadata has a footprint ({@code Global_Footprint}): that
 *       outline, where the tile has data (a product at the swath edge covers part of its tile);
 *       without one, its tile grid as above.</li>
 * </ul>
 * Immutable.
 *
 * @param parts   the rings, each {@code lon, lat, …}; empty when the product has no footprint
 * @param source  how it was found ({@code grid EPSG:32633}, {@code Sentinel-1 manifest}), or why
 *                there is none
 */
public record ProductOutline(List<double[]> parts, String source) {

    public ProductOutline {
        parts = List.copyOf(parts);
    }

    /** Whether there is something to draw. */
    public boolean exists() {
        return !parts.isEmpty();
    }

    /** The outline of {@code product}; never throws for a product without one (see {@link #source()}). */
    public static ProductOutline of(Product product) {
        var s1 = product.attachment(S1Product.class);
        if (s1.isPresent()) {
            List<Manifest.LatLon> corners = s1.get().manifest().footprint();
            if (corners.size() < 3) return new ProductOutline(List.of(), "no footprint in its Sentinel-1 manifest");
            double[] ring = new double[2 * corners.size()];
            for (int i = 0; i < corners.size(); i++) {
                ring[2 * i] = corners.get(i).longitude();
                ring[2 * i + 1] = corners.get(i).latitude();
            }
            return new ProductOutline(LonLatRings.splitAtAntimeridian(ring), "Sentinel-1 manifest footprint");
        }
        var s2 = product.attachment(eu.ai4c.s2.safe.S2Product.class).flatMap(p -> p.productMetadata())
                .map(m -> m.footprint()).orElse(List.of());
        if (!s2.isEmpty()) {
            List<double[]> parts = new java.util.ArrayList<>();
            for (double[] ring : s2) parts.addAll(LonLatRings.splitAtAntimeridian(ring));
            return new ProductOutline(parts, "Sentinel-2 product footprint");
        }
        if (product.raster().geoCoding() instanceof MapGeoCoding grid) {
            try {
                Footprint f = Footprint.of(grid, product.raster().width(), product.raster().height());
                String crs = grid.crsEpsgCode().isPresent() ? "EPSG:" + grid.crsEpsgCode().getAsInt() : grid.crsName();
                return new ProductOutline(LonLatRings.splitAtAntimeridian(f.ring()), "grid corners in " + crs);
            } catch (Ai4cException | IllegalArgumentException e) {
                return new ProductOutline(List.of(), "its grid in " + grid.crsName() + " cannot be transformed to WGS84");
            }
        }
        return new ProductOutline(List.of(), product.raster().geoCoding() == null ? "not geocoded"
                : "in radar geometry without a footprint in its metadata");
    }

    /** west, south, east, north of the parts (NaN when there are none). */
    public double[] bounds() {
        return LonLatRings.bounds(parts);
    }
}
