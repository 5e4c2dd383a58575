package eu.ai4c.cd.cva;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes the side outputs of an {@code S2-CD} product next to its main output (the operator API
 * returns one product, so the caller — the {@code ai4c} command's service run — asks for these
 * explicitly). With the main output {@code <name>.tif}: {@code <name>_CVA.tif} (float32
 * magnitude and angle), {@code <name>_polar.png} (density of a sample of change vectors in
 * polar coordinates with the threshold circle and the class sectors) and
 * {@code <name>_summary.json} (gains, offsets, difference std, threshold, class centres, pixel
 * counts per class), and for a GeoTIFF main output its colour table as a GDAL sidecar
 * {@code <name>.tif.aux.xml} (the kit's GeoTIFF writer writes no colour map; GDAL, QGIS and SNAP's
 * GDAL reader apply the sidecar) in the colours of {@link ClassPalette}. The plot is drawn by
 * {@link PolarPlot}, the summary made by {@link CvaSummary}; this class writes the files, counting
 * the classes and sampling the plot while the magnitude/angle GeoTIFF streams out. Each file
 * appears whole or not at all. Stateless.
 */
public final class CvaOutputs {
    /** Largest number of pixels sampled for the polar plot. */
    static final int MAX_PLOT_POINTS = 200_000;

    /** Paths written by {@link #write}; {@code colourTable} is null when the main output is not a GeoTIFF. */
    public record SideFiles(Path cva, Path polarPlot, Path summary, Path colourTable) {
        /** The files written, in order, without the absent colour table. */
        public List<Path> paths() {
            List<Path> all = new ArrayList<>(List.of(cva, polarPlot, summary));
            if (colourTable != null) all.add(colourTable);
            return all;
        }
    }

    private CvaOutputs() {
    }

    /**
     * Writes the three side outputs next to {@code mainOutput}.
     *
     * @param product    an {@code S2-CD} product (carries a {@link CvaRaster} attachment)
     * @param mainOutput the file the main product was written to; its name without extension is the prefix
     */
    public static SideFiles write(Product product, Path mainOutput, ProcessingContext context) throws IOException {
        CvaRaster vector = product.attachment(CvaRaster.class).orElseThrow(() -> Ai4cException.usage(
                "CVA outputs: product " + product.name() + " is not an S2-CD result."));
        CvaModel model = vector.model();
        Path folder = mainOutput.toAbsolutePath().getParent();
        String file = mainOutput.getFileName().toString();
        String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        Files.createDirectories(folder);
        int k = model.classes() == null ? 0 : model.classes().classCount();
        long area = (long) vector.width() * vector.height();
        int stride = (int) Math.max(1, Math.ceil(Math.sqrt((double) area / MAX_PLOT_POINTS)));
        PolarPlot plot = new PolarPlot(model);
        Tally tally = new Tally(model, k, stride, plot);
        // counts and plot from the magnitude/angle tiles as the writer pulls them: no second pass through
        // the chain and no read-back of the written floats
        Path cva = ProductIO.writer("GeoTIFF").write(Product.of(base + "_CVA", new TallyingRaster(vector, tally)),
                folder.resolve(base + "_CVA.tif"), context);
        long[] counts = tally.counts;
        if (tally.pixels != area) {
            // a writer that pulled some region twice or not band after band: count from the written file
            java.util.Arrays.fill(counts, 0);
            tally.pixels = 0;
            Raster written = ProductIO.read(cva).raster();
            TileEngine.run("S2-CD outputs", written, new int[] {0, 1},
                    new TileGrid(written.width(), written.height(), 512, 512), context,
                    (c, r, blocks) -> tally.add(blocks[0].region(), blocks[0].floats(), blocks[1].floats()));
        }
        Path png = folder.resolve(base + "_polar.png");
        try (AtomicOutput out = AtomicOutput.create()) {
            ImageIO.write(plot.render(counts), "png", out.temporaryFor(png).toFile());
            out.commit();
        }
        Path json = folder.resolve(base + "_summary.json");
        try (AtomicOutput out = AtomicOutput.create()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.temporaryFor(json).toFile(), CvaSummary.of(model, counts));
            out.commit();
        }
        Path aux = null;
        if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".tif") || file.toLowerCase(java.util.Locale.ROOT).endsWith(".tiff")) {
            aux = folder.resolve(file + ".aux.xml");
            try (AtomicOutput out = AtomicOutput.create()) {
                Files.writeString(out.temporaryFor(aux), ClassPalette.colourTable(k));
                out.commit();
            }
        }
        return new SideFiles(cva, png, json, aux);
    }

    /** Class counts of magnitude/angle tiles, and a sample of their vectors for the polar plot; thread-safe. */
    private static final class Tally {
        final CvaModel model;
        final int k;
        final int stride;
        final PolarPlot plot;
        final long[] counts; // [0] no change, [1..k] classes, [k+1] no-data
        long pixels;

        Tally(CvaModel model, int k, int stride, PolarPlot plot) {
            this.model = model;
            this.k = k;
            this.stride = stride;
            this.plot = plot;
            this.counts = new long[k + 2];
        }

        void add(Region reg, float[] mag, float[] ang) {
            long[] local = new long[counts.length];
            for (int i = 0; i < mag.length; i++) {
                int cls = model.classOf(mag[i], ang[i]);
                local[cls == CvaRaster.NO_DATA ? k + 1 : cls]++;
                int col = reg.x() + i % reg.width(), row = reg.y() + i / reg.width();
                if (cls != CvaRaster.NO_DATA && col % stride == 0 && row % stride == 0) plot.add(mag[i], ang[i], cls);
            }
            synchronized (counts) {
                for (int j = 0; j < counts.length; j++) counts[j] += local[j];
                pixels += mag.length;
            }
        }
    }

    /**
     * The magnitude/angle raster seen through a {@link Tally}: the tile engine reads the bands of a
     * region one after the other in one thread, so the magnitude block waits (per thread) for its
     * angle block and the pair is tallied once. Thread-safe.
     */
    private static final class TallyingRaster implements Raster {
        private final CvaRaster vector;
        private final Tally tally;
        private final ThreadLocal<Block> magnitude = new ThreadLocal<>();

        TallyingRaster(CvaRaster vector, Tally tally) {
            this.vector = vector;
            this.tally = tally;
        }

        @Override
        public int width() {
            return vector.width();
        }

        @Override
        public int height() {
            return vector.height();
        }

        @Override
        public List<eu.ai4c.kit.raster.Band> bands() {
            return vector.bands();
        }

        @Override
        public eu.ai4c.kit.geo.GeoCoding geoCoding() {
            return vector.geoCoding();
        }

        @Override
        public int[] preferredTileSize() {
            return vector.preferredTileSize();
        }

        @Override
        public Block read(int band, Region region) throws IOException {
            Block block = vector.read(band, region);
            if (band == 0) {
                magnitude.set(block);
            } else {
                Block mag = magnitude.get();
                magnitude.remove();
                if (mag != null && mag.region().equals(region)) tally.add(region, mag.floats(), block.floats());
            }
            return block;
        }
    }

}
