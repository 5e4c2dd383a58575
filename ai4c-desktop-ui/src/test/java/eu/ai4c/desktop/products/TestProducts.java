package eu.ai4c.desktop.products;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small products written by the tests: a UTM GeoTIFF and a Sentinel-1 GRD SAFE folder. */
final class TestProducts {
    static final int W = 40, H = 30;

    private TestProducts() {
    }

    /**
     * {@code dir/scene.tif}: {@value #W}×{@value #H}, bands {@code sigma0_VV} in dB and
     * {@code mask} without unit, float32 with no-data NaN, on UTM 33N.
     */
    static Path geoTiff(Path dir) throws IOException {
        float[] db = new float[W * H];
        float[] mask = new float[W * H];
        for (int i = 0; i < db.length; i++) {
            db[i] = -20 + i % W * 0.25f;
            mask[i] = i % 2;
        }
        Region all = Region.of(W, H);
        MemoryRaster r = new MemoryRaster(
                List.of(Band.of("sigma0_VV", DataType.FLOAT32, Double.NaN).withUnit("dB"), Band.of("mask", DataType.FLOAT32, Double.NaN)),
                new Block[] {new Block(all, DataType.FLOAT32, db), new Block(all, DataType.FLOAT32, mask)},
                MapGeoCoding.northUp(Projections.eastingFirst(Projections.parse("EPSG:32633", 15, 45)), 500000, 5000000, 10, 10));
        Path file = dir.resolve("scene.tif");
        ProductIO.writer("GeoTIFF").write(Product.of("scene", r), file, ProcessingContext.defaults());
        return file;
    }

    /** A dual-polarisation (VV, VH) Sentinel-1 GRD SAFE folder of 64×48 pixels in {@code dir}. */
    static Path grdSafe(Path dir) throws IOException {
        return SyntheticGrd.builder(64, 48).polarisations("VV", "VH").seed(7).build().write(dir);
    }
}
