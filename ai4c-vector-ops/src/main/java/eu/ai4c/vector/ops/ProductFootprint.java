package eu.ai4c.vector.ops;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.raster.Product;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The footprint of a product as a WGS84 longitude/latitude polygon: the outline of its pixel grid
 * (the outer corners of the outer pixels), transformed by the kit's reprojection, which densifies
 * the edges so that a projected grid (UTM, LAEA) keeps its curved edges in degrees. Only a map
 * geocoding (CRS + affine transform) has an exact outline; a product in radar geometry is refused
 * with the fix. Stateless.
 */
public final class ProductFootprint {
    private ProductFootprint() {
    }

    /**
     * @throws Ai4cException (usage) when the product has no map geocoding
     */
    public static Geometry lonLat(Product product) {
        if (!(product.raster().geoCoding() instanceof MapGeoCoding g)) {
            throw Ai4cException.usage("The product " + product.name() + " has no map geocoding (it is in radar "
                    + "geometry or not geocoded), so its footprint cannot be the area of interest. Give an AoI, or "
                    + "use a terrain-corrected or reprojected product.");
        }
        int w = product.raster().width(), h = product.raster().height();
        Coordinate[] ring = {corner(g, 0, 0), corner(g, w, 0), corner(g, w, h), corner(g, 0, h), corner(g, 0, 0)};
        Geometry outline = new GeometryFactory().createPolygon(ring);
        return AreaOfInterest.of(outline, g.crs(), "footprint of " + product.name())
                .toCrs(Projections.wgs84()).geometry();
    }

    private static Coordinate corner(MapGeoCoding g, double col, double row) {
        return new Coordinate(g.x(col, row), g.y(col, row));
    }
}
