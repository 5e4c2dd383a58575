package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.aoi.AreaOfInterest;
import eu.ai4c.kit.aoi.PolygonMask;
import eu.ai4c.kit.aoi.vector.Polygons;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.BandImage;
import eu.ai4c.s2.safe.GmlCloudMask;
import java.io.IOException;
import java.util.List;

/**
 * The cloud flag on the target grid (1 cloudy, 0 clear), from the mask the product has:
 * <ul>
 * <li>L2A scene classification: classes 3 (cloud shadow), 8 (cloud, medium probability),
 *     9 (cloud, high probability) and 10 (thin cirrus) are cloudy ({@link #SCL_CLOUDY});</li>
 * <li>L1C {@code MSK_CLASSI_B00} (baseline 04.00+): opaque or cirrus component set;</li>
 * <li>L1C GML mask (before 04.00): pixel centre inside an opaque or cirrus polygon, rasterized
 *     directly on the target grid.</li>
 * </ul>
 * Raster masks are flagged at their native resolution, then brought to the target grid with the
 * flag downsampling method (coarser target) or nearest neighbour (finer target).
 *
 * <h2>Thread-safety</h2>
 * Thread-safe.
 */
public final class CloudFlags implements Raster {
    /** SCL classes set to no-data by the L2A cloud mask. */
    public static final int[] SCL_CLOUDY = {3, 8, 9, 10};

    /** Native flags of a source window. */
    private interface NativeFlags {
        byte[] flags(Region window) throws IOException;
    }

    private final MapGeoCoding target;
    private final int width;
    private final int height;
    private final BandImage source;
    private final NativeFlags nativeFlags;
    private final PolygonMask polygons;
    private final FlagDownsampling method;
    private static final List<Band> BANDS = List.of(Band.of("cloud_flag", DataType.BYTE));

    private CloudFlags(MapGeoCoding target, int width, int height, BandImage source, NativeFlags nativeFlags,
                       PolygonMask polygons, FlagDownsampling method) {
        this.target = target;
        this.width = width;
        this.height = height;
        this.source = source;
        this.nativeFlags = nativeFlags;
        this.polygons = polygons;
        this.method = method;
    }

    /** From the L2A scene classification. */
    public static CloudFlags fromScl(BandImage scl, MapGeoCoding target, int width, int height, FlagDownsampling m) {
        boolean[] cloudy = new boolean[256];
        for (int c : SCL_CLOUDY) cloudy[c] = true;
        return new CloudFlags(target, width, height, scl, w -> {
            byte[] classes = scl.raster().read(0, w).bytes();
            byte[] f = new byte[classes.length];
            for (int i = 0; i < f.length; i++) f[i] = (byte) (cloudy[classes[i] & 0xFF] ? 1 : 0);
            return f;
        }, null, m);
    }

    /** From the L1C {@code MSK_CLASSI_B00} image (components opaque, cirrus, snow). */
    public static CloudFlags fromClassification(BandImage classi, MapGeoCoding target, int width, int height,
                                                FlagDownsampling m) {
        return new CloudFlags(target, width, height, classi, w -> {
            byte[] opaque = classi.raster().read(0, w).bytes();
            byte[] cirrus = classi.raster().read(1, w).bytes();
            byte[] f = new byte[opaque.length];
            for (int i = 0; i < f.length; i++) f[i] = (byte) ((opaque[i] | cirrus[i]) != 0 ? 1 : 0);
            return f;
        }, null, m);
    }

    /** From the GML cloud polygons (in the CRS of {@code target}). */
    public static CloudFlags fromGml(GmlCloudMask gml, MapGeoCoding target, int width, int height) {
        PolygonMask mask = gml.all().isEmpty() ? null : PolygonMask.of(AreaOfInterest.of(
                Polygons.union(gml.all(), "the GML cloud mask"), target.crs(), "the GML cloud mask"), target);
        return new CloudFlags(target, width, height, null, null, mask, FlagDownsampling.First);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public List<Band> bands() {
        return BANDS;
    }

    @Override
    public GeoCoding geoCoding() {
        return target;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        int tw = region.width(), th = region.height();
        byte[] out = new byte[tw * th];
        if (source == null) {
            if (polygons != null) polygons.rasterize(region, out);
            return new Block(region, DataType.BYTE, out);
        }
        GridMapping map = GridMapping.between(target, source.grid());
        boolean down = map.downsampling();
        Region win = map.sourceWindow(region, 0, source.width(), source.height());
        if (win.isEmpty()) return new Block(region, DataType.BYTE, out);
        byte[] flags = nativeFlags.flags(win);
        double u0 = map.u0() + region.x() * map.sx() - win.x(), v0 = map.v0() + region.y() * map.sy() - win.y();
        if (down) {
            Aggregation.downsampleFlags(flags, win.width(), win.height(), u0, v0, map.sx(), out, tw, th, method);
        } else {
            nearest(flags, win.width(), win.height(), u0, v0, map.sx(), map.sy(), out, tw, th);
        }
        return new Block(region, DataType.BYTE, out);
    }

    /** Nearest neighbour: the source pixel containing each target pixel centre (0 outside). */
    static void nearest(byte[] src, int sw, int sh, double u0, double v0, double sx, double sy, byte[] out, int tw, int th) {
        int[] cols = new int[tw];
        for (int i = 0; i < tw; i++) cols[i] = (int) Math.floor(u0 + (i + 0.5) * sx + 1e-10);
        for (int j = 0; j < th; j++) {
            int r = (int) Math.floor(v0 + (j + 0.5) * sy + 1e-10);
            if (r < 0 || r >= sh) continue;
            for (int i = 0; i < tw; i++) {
                int c = cols[i];
                if (c >= 0 && c < sw) out[j * tw + i] = src[r * sw + c];
            }
        }
    }
}
