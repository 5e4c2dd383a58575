package eu.ai4c.desktop.view;

import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Reads a band decimated on read: the overview keeps at most {@code maxSize} pixels on the long
 * side (aspect kept, sizes rounded) and takes, for each overview pixel, the source pixel nearest
 * to its centre — the same pixels as GDAL's {@code gdal_translate -outsize W H -r nearest}. Only
 * the needed source rows are read, one row at a time, so memory stays at one source row plus the
 * overview whatever the scene size (a 10980² band never comes into memory; a tiled GeoTIFF's
 * chunk cache decodes each tile once). Stateless; thread-safe. An interrupt of the reading thread
 * stops the read with an {@link InterruptedIOException}.
 */
public final class OverviewReader {
    /** Default long side of a quick-look overview, in pixels. */
    public static final int DEFAULT_MAX_SIZE = 2048;

    private OverviewReader() {
    }

    /** Overview size {width, height} of a {@code w × h} raster with at most {@code maxSize} px on the long side. */
    public static int[] size(int w, int h, int maxSize) {
        int longSide = Math.max(w, h);
        if (longSide <= maxSize) return new int[] {w, h};
        double f = (double) maxSize / longSide;
        return new int[] {Math.max(1, (int) Math.round(w * f)), Math.max(1, (int) Math.round(h * f))};
    }

    /** The overview of {@code band} with at most {@code maxSize} px on the long side. */
    public static Overview read(Raster raster, int band, int maxSize) throws IOException {
        int[] s = size(raster.width(), raster.height(), maxSize);
        return read(raster, band, s[0], s[1]);
    }

    /** The overview of {@code band} at exactly {@code width × height} (each ≤ the source size). */
    public static Overview read(Raster raster, int band, int width, int height) throws IOException {
        return read(raster, band, Region.of(raster.width(), raster.height()), width, height);
    }

    /**
     * The overview of the source window {@code window} of {@code band} at exactly {@code width ×
     * height} (each ≤ the window's size): what {@code gdal_translate -srcwin x y w h -outsize width
     * height -r nearest} gives. Its source size is the window's; it serves the detail of a zoomed view.
     */
    public static Overview read(Raster raster, int band, Region window, int width, int height) throws IOException {
        return read(raster, band, window, width, height, () -> false);
    }

    /**
     * As {@link #read(Raster, int, Region, int, int)}, stopping with an {@link InterruptedIOException}
     * once {@code stop} says so (checked before each row). Callers that give up on a read use this
     * rather than interrupting the reading thread: an interrupt during a file read closes the file's
     * channel for every later read ({@link java.nio.channels.ClosedByInterruptException}).
     */
    public static Overview read(Raster raster, int band, Region window, int width, int height,
                                java.util.function.BooleanSupplier stop) throws IOException {
        int sw = window.width(), sh = window.height();
        if (window.x() < 0 || window.y() < 0 || window.x() + sw > raster.width() || window.y() + sh > raster.height()) {
            throw new IllegalArgumentException("Window " + window + " outside a " + raster.width() + "x" + raster.height()
                    + " raster");
        }
        if (width < 1 || height < 1 || width > sw || height > sh) {
            throw new IllegalArgumentException("Overview " + width + "x" + height + " of a " + sw + "x" + sh + " window");
        }
        int[] columns = new int[width];
        for (int x = 0; x < width; x++) columns[x] = window.x() + Overview.nearest(x, sw, width);
        int c0 = columns[0], span = columns[width - 1] - c0 + 1;
        Band b = raster.bands().get(band);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            if (Thread.currentThread().isInterrupted() || stop.getAsBoolean()) {
                throw new InterruptedIOException("Overview read cancelled");
            }
            Block row = raster.read(band, new Region(c0, window.y() + Overview.nearest(y, sh, height), span, 1));
            pick(row, columns, c0, b, out, y * width);
        }
        return new Overview(sw, sh, width, height, out);
    }

    /**
     * Copies the samples at {@code columns} (offset by {@code c0}) of a one-row block into
     * {@code out} as floats, no-data as NaN; one loop per sample type.
     */
    static void pick(Block row, int[] columns, int c0, Band band, float[] out, int offset) {
        int n = columns.length;
        switch (row.type()) {
            case BYTE -> {
                byte[] a = row.bytes();
                for (int i = 0; i < n; i++) out[offset + i] = a[columns[i] - c0] & 0xFF;
            }
            case INT16 -> {
                short[] a = row.shorts();
                for (int i = 0; i < n; i++) out[offset + i] = a[columns[i] - c0];
            }
            case UINT16 -> {
                short[] a = row.shorts();
                for (int i = 0; i < n; i++) out[offset + i] = a[columns[i] - c0] & 0xFFFF;
            }
            case INT32 -> {
                int[] a = row.ints();
                for (int i = 0; i < n; i++) out[offset + i] = a[columns[i] - c0];
            }
            case FLOAT32 -> {
                float[] a = row.floats();
                for (int i = 0; i < n; i++) out[offset + i] = a[columns[i] - c0];
            }
            case FLOAT64 -> {
                double[] a = row.doubles();
                for (int i = 0; i < n; i++) out[offset + i] = (float) a[columns[i] - c0];
            }
            case CFLOAT32 -> {
                float[] a = row.floats();
                for (int i = 0; i < n; i++) {
                    int j = 2 * (columns[i] - c0);
                    out[offset + i] = (float) Math.hypot(a[j], a[j + 1]);
                }
            }
        }
        if (band.hasNoData() && !Double.isNaN(band.noData())) {
            // compare in float: the samples were converted the same way
            float nd = (float) band.noData();
            for (int i = 0; i < n; i++) if (out[offset + i] == nd) out[offset + i] = Float.NaN;
        }
    }
}
