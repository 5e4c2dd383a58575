package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Region;

/**
 * How a target grid sits on a source grid of the same CRS, both north-up: target pixel-corner
 * column {@code c} is source column {@code u0 + c·sx}, row {@code r} is source row
 * {@code v0 + r·sy}, where {@code sx, sy} are the ratios of target to source pixel size. Immutable.
 *
 * @param u0 source column of the target's left edge
 * @param v0 source row of the target's top edge
 * @param sx target pixel width in source pixels
 * @param sy target pixel height in source pixels
 */
record GridMapping(double u0, double v0, double sx, double sy) {

    static GridMapping between(MapGeoCoding target, MapGeoCoding source) {
        return new GridMapping((target.x(0, 0) - source.x(0, 0)) / source.pixelSizeX(),
                (source.y(0, 0) - target.y(0, 0)) / source.pixelSizeY(),
                target.pixelSizeX() / source.pixelSizeX(), target.pixelSizeY() / source.pixelSizeY());
    }

    /** True when the target is coarser than the source (aggregation). */
    boolean downsampling() {
        return sx > 1 + 1e-9 || sy > 1 + 1e-9;
    }

    /** True when target pixels coincide with source pixels (same size, integer shift). */
    boolean identity() {
        return Math.abs(sx - 1) < 1e-9 && Math.abs(sy - 1) < 1e-9 && Math.abs(u0 - Math.rint(u0)) < 1e-6
                && Math.abs(v0 - Math.rint(v0)) < 1e-6;
    }

    /**
     * The source pixels a target region needs, grown by {@code halo}, clipped to the
     * {@code width × height} source; possibly empty.
     */
    Region sourceWindow(Region target, int halo, int width, int height) {
        double a = u0 + target.x() * sx, b = u0 + target.maxX() * sx;
        double c = v0 + target.y() * sy, d = v0 + target.maxY() * sy;
        int x0 = (int) Math.floor(a + 1e-9) - halo, x1 = (int) Math.ceil(b - 1e-9) + halo;
        int y0 = (int) Math.floor(c + 1e-9) - halo, y1 = (int) Math.ceil(d - 1e-9) + halo;
        return new Region(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)).intersect(Region.of(width, height));
    }
}
