package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The regular latitude–longitude grid of a CF variable whose last two dimensions are latitude and
 * longitude, in AI4C's canonical order: rows from north to south, columns from west to east,
 * longitudes in [−180, 180). Files with latitudes ascending (south first) or longitudes 0–360 are
 * reordered by {@link #toCanonical}. Coordinates are cell centres in degrees. Immutable.
 *
 * <p>A grid whose spacing varies by more than 0.1 % of a step (float coordinates of 0.1° steps
 * are exact to about 1e-6°) is refused: AI4C downscales regular grids only.</p>
 */
public final class CfGrid {
    private final String latName;
    private final String lonName;
    private final int width;
    private final int height;
    private final double north;
    private final double west;
    private final double dLat;
    private final double dLon;
    private final boolean flipRows;
    private final int lonShift;

    private CfGrid(String latName, String lonName, int width, int height, double north, double west, double dLat,
                   double dLon, boolean flipRows, int lonShift) {
        this.latName = latName;
        this.lonName = lonName;
        this.width = width;
        this.height = height;
        this.north = north;
        this.west = west;
        this.dLat = dLat;
        this.dLon = dLon;
        this.flipRows = flipRows;
        this.lonShift = lonShift;
    }

    /** A grid of {@code width × height} cells whose north-west cell centre is at ({@code north}, {@code west}). */
    public static CfGrid regular(int width, int height, double north, double west, double dLat, double dLon) {
        return new CfGrid("lat", "lon", width, height, north, west, dLat, dLon, false, 0);
    }

    /**
     * The grid of {@code variable} in {@code file}.
     *
     * @throws Ai4cException when the last two dimensions are not latitude and longitude with
     *                       coordinate variables, or are not regularly spaced
     */
    public static CfGrid of(NetcdfFile file, NcVariable variable) throws IOException {
        List<String> dims = variable.dimensions();
        if (dims.size() < 2) {
            throw new Ai4cException("Variable \"" + variable.name() + "\" of " + file.path() + " has dimensions " + dims
                    + ": a map needs latitude and longitude as its last two dimensions.");
        }
        String latName = dims.get(dims.size() - 2);
        String lonName = dims.get(dims.size() - 1);
        NcVariable lat = file.findVariable(latName);
        NcVariable lon = file.findVariable(lonName);
        if (lat == null || lon == null || !isLatitude(lat) || !isLongitude(lon)) {
            throw new Ai4cException("Variable \"" + variable.name() + "\" of " + file.path() + " has dimensions " + dims
                    + ": AI4C needs (…, latitude, longitude) with coordinate variables in degrees_north and"
                    + " degrees_east (a regular lat-lon grid, as CAMS and ERA5 deliver). Regrid it first (e.g. cdo"
                    + " remapbil).");
        }
        double[] la = file.readDouble(lat, -1);
        double[] lo = file.readDouble(lon, -1);
        double dLa = step(la, latName, file);
        double dLo = step(lo, lonName, file);
        boolean flip = dLa > 0;
        int shift = 0;
        double west = lo.length == 0 ? 0 : lo[0];
        if (dLo < 0) {
            throw new Ai4cException("Longitude \"" + lonName + "\" of " + file.path() + " decreases; AI4C reads grids"
                    + " whose longitudes increase eastwards. Reverse it first (cdo invertlon).");
        }
        double max = lo.length == 0 ? 0 : lo[lo.length - 1];
        if (max > 180) {
            // 0–360 longitudes: into −180…180 when that keeps the grid regular (all east of 180°,
            // or a global grid whose columns can be rotated); else kept as they are
            int k = 0;
            while (k < lo.length && lo[k] < 180) k++;
            if (k == 0) {
                west = lo[0] - 360;
            } else if (Math.abs(lo[0] + 360 - lo[lo.length - 1] - dLo) <= 1e-3 * dLo) {
                shift = k;
                west = lo[k] - 360;
            }
        }
        double north = flip ? la[la.length - 1] : la[0];
        return new CfGrid(latName, lonName, lo.length, la.length, north, west, Math.abs(dLa), dLo, flip, shift);
    }

    private static boolean isLatitude(NcVariable v) {
        String units = v.text("units");
        String std = v.text("standard_name");
        String name = v.name().toLowerCase(Locale.ROOT);
        return "latitude".equals(std) || (units != null && units.toLowerCase(Locale.ROOT).startsWith("degrees_n"))
                || name.equals("lat") || name.equals("latitude");
    }

    private static boolean isLongitude(NcVariable v) {
        String units = v.text("units");
        String std = v.text("standard_name");
        String name = v.name().toLowerCase(Locale.ROOT);
        return "longitude".equals(std) || (units != null && units.toLowerCase(Locale.ROOT).startsWith("degrees_e"))
                || name.equals("lon") || name.equals("longitude");
    }

    /** The constant step of a coordinate; a clear error when it is not constant. */
    private static double step(double[] c, String name, NetcdfFile file) {
        if (c.length < 2) {
            throw new Ai4cException("Coordinate \"" + name + "\" of " + file.path() + " has " + c.length
                    + " value(s); a grid needs at least 2 along each axis.");
        }
        double d = (c[c.length - 1] - c[0]) / (c.length - 1);
        for (int i = 1; i < c.length; i++) {
            double s = c[i] - c[i - 1];
            if (Double.isNaN(s) || Math.abs(s - d) > 1e-3 * Math.abs(d) || d == 0) {
                throw new Ai4cException(String.format(Locale.ROOT, "Coordinate \"%s\" of %s is not regularly spaced:"
                                + " step %.6g between indices %d and %d, %.6g on average. AI4C needs a regular lat-lon"
                                + " grid; regrid the file first (e.g. cdo remapbil,r<nx>x<ny>).", name, file.path(), s,
                        i - 1, i, d));
            }
        }
        return d;
    }

    /**
     * Reorders one or more stacked {@code [lat][lon]} planes as the file stores them into the
     * canonical order (north-up, west to east from −180).
     *
     * @param fileOrder values as read (any number of whole planes)
     * @return a new array in canonical order (the same array when nothing changes)
     */
    public float[] toCanonical(float[] fileOrder) {
        if (!flipRows && lonShift == 0) return fileOrder;
        int plane = width * height;
        float[] out = new float[fileOrder.length];
        for (int p = 0; p + plane <= fileOrder.length; p += plane) {
            for (int r = 0; r < height; r++) {
                int src = p + (flipRows ? height - 1 - r : r) * width;
                int dst = p + r * width;
                int tail = width - lonShift;
                System.arraycopy(fileOrder, src + lonShift, out, dst, tail);
                System.arraycopy(fileOrder, src, out, dst + tail, lonShift);
            }
        }
        return out;
    }

    public String latitudeName() {
        return latName;
    }

    public String longitudeName() {
        return lonName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Latitude of the centre of the first (northernmost) row, degrees. */
    public double north() {
        return north;
    }

    /** Longitude of the centre of the first (westernmost) column, degrees. */
    public double west() {
        return west;
    }

    /** Row spacing, degrees (positive). */
    public double latStep() {
        return dLat;
    }

    /** Column spacing, degrees (positive). */
    public double lonStep() {
        return dLon;
    }

    /** Latitude of the centre of canonical row {@code row}. */
    public double latitude(int row) {
        return north - row * dLat;
    }

    /** Longitude of the centre of canonical column {@code col}. */
    public double longitude(int col) {
        return west + col * dLon;
    }

    /** True when the file stores latitudes from south to north. */
    public boolean southFirst() {
        return flipRows;
    }

    /** Columns moved from the east end to the west end to bring 0–360 longitudes into −180…180. */
    public int longitudeShift() {
        return lonShift;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d × %d cells of %.4g° × %.4g°, NW centre %.4f°N %.4f°E", width, height,
                dLon, dLat, north, west);
    }
}
