package eu.ai4c.s2.safe;

import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reflectance of Sentinel-2 bands on one common grid, each band sampled by nearest neighbour
 * (the source pixel containing the target pixel centre): the product raster the generic readers
 * and writers see. Float32, NaN for no-data (DN 0, or outside a band's grid). S2 operators
 * resample from the native images of {@link S2Product} instead, with the methods asked for.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe (stateless reads).
 */
public final class ReflectanceRaster implements Raster {
    private final S2Product product;
    private final List<S2Band> order;
    private final List<Band> bands;
    private final MapGeoCoding grid;
    private final int width;
    private final int height;

    /**
     * @param product the product
     * @param order   the bands, in output order
     * @param grid    the common grid (same CRS as the bands)
     */
    public ReflectanceRaster(S2Product product, List<S2Band> order, MapGeoCoding grid, int width, int height) {
        this.product = product;
        this.order = List.copyOf(order);
        this.grid = grid;
        this.width = width;
        this.height = height;
        List<Band> b = new ArrayList<>();
        for (S2Band s : order) {
            b.add(Band.of(s.name(), DataType.FLOAT32, Double.NaN).withUnit("reflectance")
                    .withDescription(s.name() + " " + product.level() + " reflectance"));
        }
        this.bands = List.copyOf(b);
    }

    /** The reflectance of every band of the product on the grid of its finest band. */
    public static ReflectanceRaster allBands(S2Product product) {
        BandImage finest = null;
        for (BandImage b : product.bands().values()) {
            if (finest == null || b.grid().pixelSizeX() < finest.grid().pixelSizeX()) finest = b;
        }
        List<S2Band> order = product.bands().keySet().stream().sorted().toList();
        return new ReflectanceRaster(product, order, finest.grid(), finest.width(), finest.height());
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
        return bands;
    }

    @Override
    public GeoCoding geoCoding() {
        return grid;
    }

    @Override
    public Block read(int band, Region region) throws IOException {
        S2Band s2 = order.get(band);
        BandImage img = product.band(s2);
        MapGeoCoding src = img.grid();
        int w = region.width(), h = region.height();
        int[] cols = new int[w], rows = new int[h];
        int c0 = Integer.MAX_VALUE, c1 = Integer.MIN_VALUE, r0 = Integer.MAX_VALUE, r1 = Integer.MIN_VALUE;
        for (int i = 0; i < w; i++) {
            double x = grid.x(region.x() + i + 0.5, 0);
            int c = (int) Math.floor((x - src.x(0, 0)) / src.pixelSizeX());
            cols[i] = c >= 0 && c < img.width() ? c : -1;
            if (cols[i] >= 0) { c0 = Math.min(c0, c); c1 = Math.max(c1, c); }
        }
        for (int j = 0; j < h; j++) {
            double y = grid.y(0, region.y() + j + 0.5);
            int r = (int) Math.floor((src.y(0, 0) - y) / src.pixelSizeY());
            rows[j] = r >= 0 && r < img.height() ? r : -1;
            if (rows[j] >= 0) { r0 = Math.min(r0, r); r1 = Math.max(r1, r); }
        }
        float[] out = new float[w * h];
        java.util.Arrays.fill(out, Float.NaN);
        if (c0 <= c1 && r0 <= r1) {
            Region win = new Region(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
            Block dn = img.raster().read(0, win);
            float[] refl = new float[Math.toIntExact(win.area())];
            if (dn.type() == DataType.UINT16) {
                Radiometry.toReflectance(dn.shorts(), refl, refl.length, product.offset(s2), product.quantification(),
                        product.noDataValue());
            } else {
                Radiometry.toReflectance(dn.toFloats(), refl, refl.length, product.offset(s2), product.quantification(),
                        product.noDataValue());
            }
            int ww = win.width();
            for (int j = 0; j < h; j++) {
                if (rows[j] < 0) continue;
                int base = (rows[j] - r0) * ww - c0;
                for (int i = 0; i < w; i++) {
                    if (cols[i] >= 0) out[j * w + i] = refl[base + cols[i]];
                }
            }
        }
        return new Block(region, DataType.FLOAT32, out);
    }
}
