package eu.ai4c.cd.cva.synthetic;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a synthetic SAFE product written with GeoTIFF band images
 * ({@code SyntheticS2Product.Builder.geoTiff(true)}) into a "second date": each 10 m band image
 * is rewritten as {@code gain · reflectance + offset + change}, the change being non-zero inside
 * planted rectangles. For change-detection tests and the demo. Stateless.
 */
public final class PlantedChange {

    /**
     * A planted change: a rectangle of 10 m pixels and the reflectance change of each band.
     *
     * @param x0     first column
     * @param y0     first row
     * @param x1     column after the last
     * @param y1     row after the last
     * @param change reflectance added per band, in the order of the bands given to {@link #apply}
     */
    public record Patch(int x0, int y0, int x1, int y1, double[] change) {
        boolean contains(int col, int row) {
            return col >= x0 && col < x1 && row >= y0 && row < y1;
        }
    }

    private PlantedChange() {
    }

    /** The planted patch index (0-based) at a pixel, or -1. */
    public static int patchAt(List<Patch> patches, int col, int row) {
        for (int p = 0; p < patches.size(); p++) {
            if (patches.get(p).contains(col, row)) return p;
        }
        return -1;
    }

    /**
     * Rewrites the 10 m images of {@code bands} in {@code safe} (an unzipped synthetic product) and its manifest.
     *
     * @param offset          the product's additive DN offset (−1000 from baseline 04.00)
     * @param quantification  the product's quantification value
     */
    public static void apply(Path safe, S2Band[] bands, double[] gains, double[] offsets, List<Patch> patches,
                             double offset, double quantification) throws IOException {
        for (int k = 0; k < bands.length; k++) {
            String suffix = "_" + bands[k].fileToken() + "_10m.tif";
            Path file;
            try (Stream<Path> s = Files.walk(safe)) {
                file = s.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow(
                        () -> new IOException(safe + " has no GeoTIFF image *" + suffix));
            }
            Raster r = ProductIO.read(file).raster();
            int w = r.width(), h = r.height();
            Block block = r.read(0, Region.of(w, h));
            short[] out = new short[w * h];
            for (int i = 0; i < out.length; i++) {
                double dn = block.getDouble(i);
                if (dn == 0) continue; // no-data stays no-data
                int p = patchAt(patches, i % w, i / w);
                double refl = gains[k] * (dn + offset) / quantification + offsets[k] + (p < 0 ? 0 : patches.get(p).change()[k]);
                out[i] = (short) Math.max(1, Math.min(65535, Math.round(refl * quantification - offset)));
            }
            MemoryRaster m = new MemoryRaster(List.of(r.bands().get(0)),
                    new Block[] {new Block(Region.of(w, h), DataType.UINT16, out)}, r.geoCoding());
            Path tmp = file.resolveSibling("planted-" + file.getFileName());
            ProductIO.writer("GeoTIFF").write(Product.of("planted", m), tmp, ProcessingContext.defaults());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        // the planted product is a product as made, so its manifest gives the new images' checksums
        SyntheticS2Product.refreshManifest(safe);
    }
}
