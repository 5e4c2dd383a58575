package eu.ai4c.agri.unet;

import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.write.TiffFileWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the class map of one image ({@code NAME.tif}: uint8 label ids, {@value ClassMapRaster#NO_DATA}
 * = no data) and, when asked, its per-class probabilities ({@code NAME_probabilities.tif}) in one
 * pass: each output tile's windows run through the network once ({@link ClassMapRaster#probabilities})
 * and both files are encoded from that result ({@link TiffFileWriter#writeTogether}).
 *
 * <p>The probability file holds one float32 band per model class, in the model's class order,
 * named as in the legend ({@link UnetModel#className}: {@code background}, then the class names): the
 * blended softmax probabilities, which sum to 1 per pixel, NaN (the band's no-data value) where the
 * class map is no data. Float32 rather than uint8 percent: the values are what the map was decided
 * on (their first maximum is the class map, ties included), they sum to 1 to float precision where
 * rounded percents would not, and NaN needs no reserved value; the cost is 4 bytes per class and
 * pixel before DEFLATE.</p>
 *
 * <p>The TIFF tiles are the class map's preferred regions (whole numbers of window steps, a
 * multiple of 16 as TIFF needs), so that few windows lie astride tiles and each window result is
 * released soon ({@link ClassMapRaster} computes every window once); memory is about
 * {@code threads × (classes + 1) × tile² × 4} bytes besides the network copies and the window
 * results, independent of the image size. Stateless.</p>
 */
final class ClassMapFiles {
    /** The suffix of the probability file: {@code NAME_probabilities.tif}. */
    static final String PROBABILITIES = "_probabilities";

    private ClassMapFiles() {
    }

    /**
     * Writes the class map to {@code map} and, unless {@code probabilitiesOrNull} is null, the
     * probabilities to that file (each atomically; the caller moves them into place).
     *
     * @return pixels per label id (index 0–255, {@value ClassMapRaster#NO_DATA} = no data)
     */
    static long[] write(ClassMapRaster classes, UnetModel model, String name, Path map, Path probabilitiesOrNull,
                        ProcessingContext context) throws IOException {
        int[] ids = model.classIds();
        int k = ids.length;
        boolean withProbabilities = probabilitiesOrNull != null;
        List<TiffFileWriter.Part> parts = new ArrayList<>();
        parts.add(new TiffFileWriter.Part(Product.of(name + "_classes", classes), map));
        if (withProbabilities) {
            List<Band> bands = new ArrayList<>();
            for (int c = 0; c < k; c++) bands.add(Band.of(model.className(c), DataType.FLOAT32, Float.NaN));
            parts.add(TiffFileWriter.Part.of(name + PROBABILITIES, classes, bands,
                    probabilitiesOrNull));
        }
        long[] counts = new long[256];
        GeoTiffWriteOptions options = GeoTiffWriteOptions.defaults().withTileSize(tileSide(classes.preferredTileSize()[0]));
        TiffFileWriter.writeTogether("U-Net class map of " + name, parts, options, tile -> {
            float[] p = classes.probabilities(tile);
            int n = tile.width() * tile.height();
            byte[] map8 = ClassMapRaster.classes(p, n, ids);
            long[] local = new long[256];
            for (byte v : map8) local[v & 0xFF]++;
            synchronized (counts) {
                for (int i = 0; i < 256; i++) counts[i] += local[i];
            }
            Block[][] blocks = new Block[parts.size()][];
            blocks[0] = new Block[] {new Block(tile, DataType.BYTE, map8)};
            if (withProbabilities) {
                blocks[1] = new Block[k];
                for (int c = 0; c < k; c++) {
                    blocks[1][c] = new Block(tile, DataType.FLOAT32, Arrays.copyOfRange(p, c * n, (c + 1) * n));
                }
            }
            return blocks;
        }, context);
        return counts;
    }

    /** The TIFF tile side for regions of {@code preferred} px: the smallest multiple of 16 at least that large. */
    static int tileSide(int preferred) {
        return (preferred + 15) / 16 * 16;
    }
}
