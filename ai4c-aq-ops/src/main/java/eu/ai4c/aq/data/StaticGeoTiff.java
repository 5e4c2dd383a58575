package eu.ai4c.aq.data;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.opengis.referencing.crs.GeographicCRS;

/**
 * A high-resolution static field given as a single-band GeoTIFF on a regular latitude–longitude
 * grid, e.g. a DEM (Copernicus DEM, SRTM) for the orography. Its variable name is the file's name
 * without extension ({@code urban_frac.tif}, {@code orog.tif}); a file whose name starts with
 * {@code dem} holds {@code orog} (metres). No-data cells become NaN, which the regridding leaves out.
 *
 * @param name  the variable it provides
 * @param file  the GeoTIFF
 * @param grid  its grid as a {@link CfGrid} (cell centres, north first)
 * @param units the band's unit, or {@code m} for a DEM without one
 */
public record StaticGeoTiff(String name, Path file, CfGrid grid, String units) {
    /** True for the file names this reads: {@code .tif} and {@code .tiff}. */
    public static boolean isGeoTiff(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff");
    }

    /**
     * Reads the header of {@code file}.
     *
     * @param role names the input in messages, e.g. {@code data.static_path}
     */
    public static StaticGeoTiff open(Path file, String role) throws IOException {
        Raster r = ProductIO.read(file).raster();
        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.lastIndexOf('.'));
        String name = stem.toLowerCase(Locale.ROOT).startsWith("dem") ? "orog" : stem;
        if (r.bands().size() != 1) {
            throw new Ai4cException(role + ": " + file + " has " + r.bands().size() + " bands; a static field GeoTIFF"
                    + " holds one (the variable named by the file, e.g. orog.tif or urban_frac.tif).");
        }
        GeoCoding g = r.geoCoding();
        if (!(g instanceof MapGeoCoding m) || !(m.crs() instanceof GeographicCRS) || !m.isNorthUp()) {
            throw new Ai4cException(role + ": " + file + " is not on a north-up latitude-longitude grid (it has "
                    + (g == null ? "no georeferencing" : g) + "). Reproject it to EPSG:4326 first, e.g. with AI4C's Warp"
                    + " or gdalwarp -t_srs EPSG:4326.");
        }
        // cell centres: longitude along columns, latitude along rows (north first)
        double west = m.x(0.5, 0.5), north = m.y(0.5, 0.5);
        double dLon = m.x(1.5, 0.5) - west, dLat = north - m.y(0.5, 1.5);
        if (!(dLon > 0) || !(dLat > 0)) {
            throw new Ai4cException(role + ": " + file + " has cell sizes " + dLon + " × " + dLat + " degrees; they must"
                    + " be positive (a north-up grid, west to east).");
        }
        Band b = r.bands().get(0);
        String units = b.unit() == null || b.unit().isBlank() ? (name.equals("orog") ? "m" : "") : b.unit();
        return new StaticGeoTiff(name, file, CfGrid.regular(r.width(), r.height(), north, west, dLat, dLon), units);
    }

    /** The values, north first, with no-data as NaN. */
    public float[] read() throws IOException {
        Raster r = ProductIO.read(file).raster();
        float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();
        Band b = r.bands().get(0);
        if (b.hasNoData()) {
            float nd = (float) b.noData();
            for (int i = 0; i < v.length; i++) if (v[i] == nd) v[i] = Float.NaN;
        }
        return v;
    }
}
