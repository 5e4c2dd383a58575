package eu.ai4c.kit.warp;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.envi.EnviBandFile;
import eu.ai4c.kit.io.envi.EnviHeader;
import eu.ai4c.kit.io.envi.EnviRaster;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Synthetic scenes and ENVI exchange with GDAL for the warp tests. */
final class WarpFixtures {
    static final double NO_DATA = -9999;

    private WarpFixtures() {
    }

    /**
     * A float32 scene: a smooth field plus a deterministic pseudo-random texture (so a wrong pixel
     * shows), with a rectangle and a sprinkle of no-data when asked.
     */
    static MemoryRaster scene(MapGeoCoding gc, int w, int h, boolean holes) {
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int hash = (c * 73856093) ^ (r * 19349663);
                double texture = Math.floorMod(hash, 1000) / 10.0;
                v[r * w + c] = (float) (1000 + 400 * Math.sin(0.21 * c) * Math.cos(0.17 * r) + texture);
                if (holes && ((c > w / 3 && c < w / 3 + 25 && r > h / 2 && r < h / 2 + 30) || Math.floorMod(hash, 97) == 0)) {
                    v[r * w + c] = (float) NO_DATA;
                }
            }
        }
        return new MemoryRaster(List.of(Band.of("b1", DataType.FLOAT32, NO_DATA)),
                new Block[] {new Block(Region.of(w, h), DataType.FLOAT32, v)}, gc);
    }

    /** The scene as UInt16 (values × 10, rounded) with no-data 0 where the float scene has holes. */
    static MemoryRaster unsignedScene(MapGeoCoding gc, int w, int h) {
        float[] f = scene(gc, w, h, true).read(0, Region.of(w, h)).floats();
        short[] v = new short[w * h];
        for (int i = 0; i < v.length; i++) v[i] = f[i] == (float) NO_DATA ? 0 : (short) Math.round(f[i] * 10);
        return new MemoryRaster(List.of(Band.of("b1", DataType.UINT16, 0)),
                new Block[] {new Block(Region.of(w, h), DataType.UINT16, v)}, gc);
    }

    /** A float32 scene of a smooth field only (steepest gradient ≈ 84 per pixel), no no-data. */
    static MemoryRaster smoothScene(MapGeoCoding gc, int w, int h) {
        float[] v = new float[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                v[r * w + c] = (float) (1000 + 400 * Math.sin(0.21 * c) * Math.cos(0.17 * r));
            }
        }
        return new MemoryRaster(List.of(Band.of("b1", DataType.FLOAT32, NO_DATA)),
                new Block[] {new Block(Region.of(w, h), DataType.FLOAT32, v)}, gc);
    }

    /** A UTM 33N grid of 20 m pixels near 45°N 13.7°E. */
    static MapGeoCoding utmGrid() {
        return MapGeoCoding.northUp(Projections.parse("EPSG:32633", 0, 0), 399960, 5000040, 20, 20);
    }

    /** A WGS 84 grid of 0.0002° pixels near 45°N 14.9°E (also in UTM zone 33). */
    static MapGeoCoding geographicGrid() {
        return MapGeoCoding.northUp(Projections.wgs84(), 14.9, 45.1, 0.0002, 0.0002);
    }

    /** Writes band 0 of a raster as a little-endian ENVI file pair; returns the .img path. */
    static Path writeEnvi(Raster r, Path img) throws IOException {
        Band b = r.bands().get(0);
        EnviHeader h = EnviHeader.forBand(b, r.width(), r.height(), r.geoCoding(), false, "warp test source");
        Files.writeString(img.resolveSibling(img.getFileName().toString().replace(".img", ".hdr")), h.format());
        try (EnviBandFile f = EnviBandFile.create(img, r.width(), r.height(), b.type(), false)) {
            f.write(r.read(0, r.bounds()));
        }
        return img;
    }

    /** All samples of band 0 of an ENVI file as doubles. */
    static double[] readEnvi(Path img) throws IOException {
        Path hdr = img.resolveSibling(img.getFileName().toString().replace(".img", ".hdr"));
        try (EnviRaster r = EnviRaster.open(hdr)) {
            Block b = r.read(0, r.bounds());
            double[] out = new double[r.width() * r.height()];
            for (int i = 0; i < out.length; i++) out[i] = b.getDouble(i);
            return out;
        }
    }

    /** All samples of band 0 of a raster, pulled tile by tile (to cross tile borders). */
    static double[] readTiled(Raster r, int tile) throws IOException {
        double[] out = new double[r.width() * r.height()];
        TileGrid g = new TileGrid(r.width(), r.height(), tile, tile);
        for (int tr = 0; tr < g.tilesDown(); tr++) {
            for (int tc = 0; tc < g.tilesAcross(); tc++) {
                Region reg = g.tile(tc, tr);
                Block b = r.read(0, reg);
                for (int y = 0; y < reg.height(); y++) {
                    for (int x = 0; x < reg.width(); x++) {
                        out[(reg.y() + y) * r.width() + reg.x() + x] = b.getDouble(y * reg.width() + x);
                    }
                }
            }
        }
        return out;
    }
}
