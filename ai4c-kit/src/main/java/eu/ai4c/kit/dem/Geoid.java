package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The EGM96 geoid as a regular latitude/longitude grid of undulations N (metres above the WGS 84
 * ellipsoid), read from a NOAA/VDatum {@code .gtx} file such as PROJ's {@code egm96_15.gtx}
 * (15' grid, 721 × 1440 nodes). Undulations between nodes are interpolated bilinearly, the way
 * PROJ and GDAL do. Ellipsoid height = orthometric (MSL) height + N.
 *
 * <p>GTX layout (big-endian): header of four doubles {@code lat0, lon0, dlat, dlon} (degrees, the
 * south-west node and the node spacing) and two ints {@code rows, cols}; then {@code rows × cols}
 * float32, row 0 at {@code lat0} (south) going north, column 0 at {@code lon0}. Longitudes may be
 * given in 0..360; a grid spanning 360° wraps around. Nodes equal to -88.8888 are voids.</p>
 *
 * <h2>Thread-safety</h2>
 * Immutable once loaded; safe for concurrent use.
 */
public final class Geoid {
    /** Where Debian's {@code proj-data} package installs the EGM96 15' grid. */
    public static final Path DEFAULT_PATH = Path.of("/usr/share/proj/egm96_15.gtx");

    private static final int HEADER_BYTES = 40;
    private static final float VOID = -88.8888f;

    private final Path source;
    private final double lat0;
    private final double lon0;
    private final double dLat;
    private final double dLon;
    private final int rows;
    private final int cols;
    private final boolean wraps;
    private final boolean hasVoids;
    private final double invDLat;
    private final double invDLon;
    private final float[] n;

    private Geoid(Path source, double lat0, double lon0, double dLat, double dLon, int rows, int cols,
                  float[] n) {
        this.source = source;
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.dLat = dLat;
        this.dLon = dLon;
        this.rows = rows;
        this.cols = cols;
        this.n = n;
        this.wraps = Math.abs(cols * dLon - 360.0) < 1e-6;
        this.invDLat = 1 / dLat;
        this.invDLon = 1 / dLon;
        boolean voids = false;
        for (float v : n) voids |= v == VOID;
        this.hasVoids = voids;
    }

    /**
     * The geoid from {@code explicitPath} when given, else from {@link #DEFAULT_PATH}.
     *
     * @param explicitPath a {@code .gtx} file chosen by the user, or null
     * @throws Ai4cException when no file is found (telling to install proj-data or pass the path)
     *                       or the file is not a valid GTX grid
     */
    public static Geoid locate(Path explicitPath) {
        if (explicitPath != null) {
            if (!Files.isRegularFile(explicitPath)) {
                throw Ai4cException.usage("Geoid grid " + explicitPath + " does not exist or is not a file: "
                        + "give the path of an EGM96 .gtx grid such as egm96_15.gtx.");
            }
            return load(explicitPath);
        }
        if (Files.isRegularFile(DEFAULT_PATH)) {
            return load(DEFAULT_PATH);
        }
        throw new Ai4cException("The EGM96 geoid grid is needed to convert DEM heights to ellipsoid heights, "
                + "but " + DEFAULT_PATH + " does not exist: install the Debian/Ubuntu package proj-data "
                + "(apt-get install proj-data) or pass the path of an egm96_15.gtx file with the geoid option.");
    }

    /**
     * Reads a GTX grid.
     *
     * @throws Ai4cException when the file cannot be read or its header is inconsistent with its size
     */
    public static Geoid load(Path gtx) {
        try (FileChannel ch = FileChannel.open(gtx, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES) {
                throw badFile(gtx, "it has only " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
            readFully(ch, header, 0);
            header.flip();
            double lat0 = header.getDouble(), lon0 = header.getDouble();
            double dLat = header.getDouble(), dLon = header.getDouble();
            int rows = header.getInt(), cols = header.getInt();
            long expected = HEADER_BYTES + 4L * rows * cols;
            if (rows < 2 || cols < 2 || !(dLat > 0) || !(dLon > 0) || size != expected
                    || Math.abs(lat0) > 90 || Math.abs(lon0) > 360) {
                throw badFile(gtx, "its header (lat0 " + lat0 + ", lon0 " + lon0 + ", dlat " + dLat + ", dlon "
                        + dLon + ", " + rows + " rows, " + cols + " cols) does not match its size of " + size
                        + " bytes");
            }
            ByteBuffer body = ByteBuffer.allocate(4 * rows * cols).order(ByteOrder.BIG_ENDIAN);
            readFully(ch, body, HEADER_BYTES);
            body.flip();
            float[] values = new float[rows * cols];
            body.asFloatBuffer().get(values);
            return new Geoid(gtx, lat0, lon0, dLat, dLon, rows, cols, values);
        } catch (IOException e) {
            throw new Ai4cException("Cannot read the geoid grid " + gtx + ": " + e.getMessage()
                    + ". Check the file or pass another egm96_15.gtx.", e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) throw new IOException("unexpected end of file");
            pos += r;
        }
    }

    private static Ai4cException badFile(Path gtx, String why) {
        return new Ai4cException("Geoid grid " + gtx + " is not a valid GTX file: " + why
                + ". Use egm96_15.gtx from the proj-data package.");
    }

    /** The file read. */
    public Path source() {
        return source;
    }

    /**
     * Undulation N at one point, bilinear between the four surrounding nodes.
     *
     * @param lat geodetic latitude, degrees
     * @param lon longitude, degrees (any range)
     * @return N in metres; 0 where the grid has no value
     */
    public double undulation(double lat, double lon) {
        double fr = (lat - lat0) * invDLat;
        if (fr < 0) fr = 0; else if (fr > rows - 1) fr = rows - 1;
        int r = (int) fr;
        if (r > rows - 2) r = rows - 2;
        double wy = fr - r;
        double fc = (lon - lon0) * invDLon;
        int c0, c1;
        double wx;
        if (wraps) {
            if (fc < 0 || fc >= cols) fc -= Math.floor(fc / cols) * cols;
            c0 = (int) fc;
            if (c0 >= cols) c0 = cols - 1;
            wx = fc - c0;
            c1 = c0 + 1 == cols ? 0 : c0 + 1;
        } else {
            if (fc < 0 && (lon + 360 - lon0) * invDLon <= cols - 1) fc = (lon + 360 - lon0) * invDLon;
            if (fc > cols - 1 && (lon - 360 - lon0) * invDLon >= 0) fc = (lon - 360 - lon0) * invDLon;
            fc = Math.max(0, Math.min(cols - 1, fc));
            c0 = Math.min((int) fc, cols - 2);
            wx = fc - c0;
            c1 = c0 + 1;
        }
        int i0 = r * cols, i1 = i0 + cols;
        float a = n[i0 + c0], b = n[i0 + c1], c = n[i1 + c0], d = n[i1 + c1];
        if (hasVoids && (a == VOID || b == VOID || c == VOID || d == VOID)) {
            return voidAware(a, b, c, d, wx, wy);
        }
        double top = a + wx * (b - a), bottom = c + wx * (d - c);
        return top + wy * (bottom - top);
    }

    /**
     * Undulations at many points.
     *
     * @param lat latitudes, degrees
     * @param lon longitudes, degrees
     * @param out receives N in metres
     * @param count number of points
     */
    public void undulations(double[] lat, double[] lon, double[] out, int count) {
        for (int i = 0; i < count; i++) {
            out[i] = undulation(lat[i], lon[i]);
        }
    }

    private static double voidAware(float a, float b, float c, float d, double wx, double wy) {
        double sum = 0, wsum = 0;
        double[] w = {(1 - wx) * (1 - wy), wx * (1 - wy), (1 - wx) * wy, wx * wy};
        float[] v = {a, b, c, d};
        for (int k = 0; k < 4; k++) {
            if (v[k] != VOID) {
                sum += w[k] * v[k];
                wsum += w[k];
            }
        }
        return wsum > 0 ? sum / wsum : 0;
    }

    @Override
    public String toString() {
        return "Geoid[" + source + ", " + rows + "x" + cols + " nodes from (" + lat0 + ", " + lon0 + ") step ("
                + dLat + ", " + dLon + ")]";
    }
}
