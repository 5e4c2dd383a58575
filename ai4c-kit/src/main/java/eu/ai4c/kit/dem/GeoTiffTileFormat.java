package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.read.GeoTiffOpener;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * GeoTIFF DEM tiles ({@code .tif}/{@code .tiff}) on a north-up WGS 84 longitude/latitude grid:
 * Copernicus DEM GLO-30/90 tiles (e.g. {@code Copernicus_DSM_COG_10_N41_00_E012_00_DEM.tif}) and
 * SRTM GeoTIFF tiles. Heights are the first band, metres above MSL.
 *
 * <p>Posts are the pixel centres of the geotransform the GeoTIFF reader gives (pixel-corner
 * convention, PixelIsPoint already shifted by the reader). The footprint is the posts' extent, with
 * edges within half a post spacing of a whole degree snapped to it, so that a tile whose pixels
 * overhang its 1° cell by half a pixel does not claim the neighbouring cell.</p>
 *
 * <p>Voids: the GeoTIFF no-data value (GDAL_NODATA, e.g. -32767) and, for int16 tiles without one,
 * the SRTM void -32768 become NaN, so {@link DemTiles} falls back to the geoid there.</p>
 *
 * <p>Files that are not such tiles (other extensions) are not of this format. A {@code .tif} that
 * cannot be read or is not on a north-up WGS 84 geographic grid (e.g. a projected GeoTIFF lying in
 * the DEM folder) is <em>skipped with a warning</em> rather than failing the whole folder.</p>
 *
 * <h2>Thread-safety</h2>
 * Stateless apart from the warning listener; thread-safe when the listener is.
 */
public final class GeoTiffTileFormat implements DemTileFormat {
    private final WarningListener warnings;

    /** Skipped files are logged (slf4j, warn). */
    public GeoTiffTileFormat() {
        this(msg -> LoggerFactory.getLogger(GeoTiffTileFormat.class).warn(msg));
    }

    /** @param warnings receives one message per skipped {@code .tif} file */
    public GeoTiffTileFormat(WarningListener warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    @Override
    public Optional<double[]> footprint(Path file) throws IOException {
        if (!isTiffName(file)) return Optional.empty();
        Product p;
        try {
            p = GeoTiffOpener.open(file, 0, msg -> { });
        } catch (Ai4cException e) {
            warnings.warning("Skipping " + file + " in the DEM folder: not a readable GeoTIFF (" + e.getMessage() + ").");
            return Optional.empty();
        }
        try {
            Optional<String> problem = problem(p.raster());
            if (problem.isPresent()) {
                warnings.warning("Skipping " + file + " in the DEM folder: " + problem.get()
                        + "; DEM tiles must be on a north-up WGS 84 longitude/latitude grid "
                        + "(gdalwarp -t_srs EPSG:4326 reprojects it).");
                return Optional.empty();
            }
            double[] gt = ((MapGeoCoding) p.raster().geoCoding()).geoTransform();
            Raster r = p.raster();
            double dLon = gt[1], dLat = -gt[5];
            double west = gt[0] + 0.5 * dLon, north = gt[3] - 0.5 * dLat;
            double east = west + (r.width() - 1) * dLon, south = north - (r.height() - 1) * dLat;
            return Optional.of(new double[] {snap(south, dLat), snap(west, dLon), snap(north, dLat), snap(east, dLon)});
        } finally {
            close(p);
        }
    }

    @Override
    public DemTile read(Path file) throws IOException {
        Product p = GeoTiffOpener.open(file, 0, msg -> { });
        try {
            Raster r = p.raster();
            Optional<String> problem = problem(r);
            if (problem.isPresent()) {
                throw new Ai4cException("DEM tile " + file + ": " + problem.get()
                        + ". Reproject it with gdalwarp -t_srs EPSG:4326 or remove it from the DEM folder.");
            }
            double[] gt = ((MapGeoCoding) r.geoCoding()).geoTransform();
            int w = r.width(), h = r.height();
            eu.ai4c.kit.raster.Block block = r.read(0, eu.ai4c.kit.raster.Region.of(w, h));
            float[] heights = block.toFloats();
            if (block.type() == DataType.FLOAT32) heights = heights.clone(); // voids are written below
            Band band = r.bands().get(0);
            boolean int16Void = !band.hasNoData() && band.type() == DataType.INT16;
            float noData = (float) band.noData();
            boolean hasNoData = band.hasNoData() && !Double.isNaN(band.noData());
            for (int i = 0; i < heights.length; i++) {
                float v = heights[i];
                if ((hasNoData && v == noData) || (int16Void && v == DemTile.INT16_VOID)) heights[i] = Float.NaN;
            }
            double dLon = gt[1], dLat = -gt[5];
            return DemTile.ofFloats(gt[3] - 0.5 * dLat, gt[0] + 0.5 * dLon, dLat, dLon, h, w, heights);
        } finally {
            close(p);
        }
    }

    /** Why the raster is not a usable DEM tile, if it is not. */
    private static Optional<String> problem(Raster r) {
        if (!(r.geoCoding() instanceof MapGeoCoding map)) return Optional.of("it has no map georeferencing");
        if (!Projections.isGeographic(map.crs()) || Projections.epsgCode(map.crs()).orElse(4326) != 4326) {
            return Optional.of("its grid is not WGS 84 longitude/latitude (" + map.crs().getName() + ")");
        }
        double[] gt = map.geoTransform();
        if (!map.isNorthUp() || gt[1] <= 0 || gt[5] >= 0) return Optional.of("its grid is not north-up");
        if (r.width() < 2 || r.height() < 2) return Optional.of("it has fewer than 2x2 posts");
        return Optional.empty();
    }

    /** An edge within half a post spacing of a whole degree is taken as that degree. */
    private static double snap(double edge, double spacing) {
        double whole = Math.rint(edge);
        return Math.abs(edge - whole) <= 0.5 * spacing * (1 + 1e-6) ? whole : edge;
    }

    private static boolean isTiffName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tif") || n.endsWith(".tiff");
    }

    private static void close(Product p) throws IOException {
        if (p.raster() instanceof Closeable c) c.close();
    }
}
