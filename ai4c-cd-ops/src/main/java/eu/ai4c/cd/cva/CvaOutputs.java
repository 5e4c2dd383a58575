package eu.ai4c.cd.cva;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GdalColourTable;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes the side outputs of an {@code S2-CD} product next to its main output (the operator API
 * returns one product, so the caller — the {@code ai4c} command's service run — asks for these
 * explicitly). With the main output {@code <name>.tif}: {@code <name>_CVA.tif} (float32
 * magnitude and angle), {@code <name>_polar.png} (polar scatter of the changed pixels: angle to
 * the reference as the polar angle 0…180°, magnitude as the radius, colour by class) and
 * {@code <name>_summary.json} (gains, offsets, difference std, threshold, class centres, pixel
 * counts per class), and for a GeoTIFF main output its colour table as a GDAL sidecar
 * {@code <name>.tif.aux.xml} (the kit's GeoTIFF writer writes no colour map; GDAL, QGIS and SNAP's
 * GDAL reader apply the sidecar): 0 light grey, classes in distinct colours, 255 transparent.
 * Each file appears whole or not at all. Stateless.
 */
public final class CvaOutputs {
    /** Largest number of points drawn in the polar plot. */
    static final int MAX_PLOT_POINTS = 200_000;
    private static final int PLOT_RADIUS = 300;
    private static final int[] PALETTE = {0xE6194B, 0x3CB44B, 0x4363D8, 0xF58231, 0x911EB4, 0x42D4F4, 0xF032E6,
        0xBFEF45, 0x469990, 0x9A6324, 0x800000, 0x808000, 0x000075, 0xA9A9A9, 0xFFE119, 0xDCBEFF, 0xAAFFC3,
        0xFFD8B1, 0xFABED4, 0x000000};

    /** Paths written by {@link #write}; {@code colourTable} is null when the main output is not a GeoTIFF. */
    public record Files3(Path cva, Path polarPlot, Path summary, Path colourTable) {
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
    public static Files3 write(Product product, Path mainOutput, ProcessingContext context) throws IOException {
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
        BufferedImage plot = new BufferedImage(2 * PLOT_RADIUS + 1, PLOT_RADIUS + 1, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < plot.getHeight(); y++) {
            for (int x = 0; x < plot.getWidth(); x++) plot.setRGB(x, y, 0xFFFFFF);
        }
        double maxMag = 0;
        if (model.classes() != null) {
            for (double m : model.classes().centreMagnitudes()) maxMag = Math.max(maxMag, 2 * m);
        }
        double rScale = PLOT_RADIUS / Math.max(maxMag, Math.sqrt(model.threshold()) * 2);
        drawAxes(plot, Math.sqrt(model.threshold()) * rScale);
        Tally tally = new Tally(model, k, stride, rScale, plot);
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
            ImageIO.write(plot, "png", out.temporaryFor(png).toFile());
            out.commit();
        }
        Path json = folder.resolve(base + "_summary.json");
        try (AtomicOutput out = AtomicOutput.create()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.temporaryFor(json).toFile(), summary(model, counts));
            out.commit();
        }
        Path aux = null;
        if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".tif") || file.toLowerCase(java.util.Locale.ROOT).endsWith(".tiff")) {
            aux = folder.resolve(file + ".aux.xml");
            try (AtomicOutput out = AtomicOutput.create()) {
                Files.writeString(out.temporaryFor(aux), colourTable(k));
                out.commit();
            }
        }
        return new Files3(cva, png, json, aux);
    }

    /** Class counts and polar-plot points of magnitude/angle tiles; thread-safe. */
    private static final class Tally {
        final CvaModel model;
        final int k;
        final int stride;
        final double rScale;
        final BufferedImage plot;
        final long[] counts; // [0] no change, [1..k] classes, [k+1] no-data
        long pixels;

        Tally(CvaModel model, int k, int stride, double rScale, BufferedImage plot) {
            this.model = model;
            this.k = k;
            this.stride = stride;
            this.rScale = rScale;
            this.plot = plot;
            this.counts = new long[k + 2];
        }

        void add(Region reg, float[] mag, float[] ang) {
            long[] local = new long[counts.length];
            for (int i = 0; i < mag.length; i++) {
                int cls = model.classOf(mag[i], ang[i]);
                local[cls == CvaRaster.NO_DATA ? k + 1 : cls]++;
                int col = reg.x() + i % reg.width(), row = reg.y() + i / reg.width();
                if (cls > 0 && cls != CvaRaster.NO_DATA && col % stride == 0 && row % stride == 0) dot(cls, mag[i], ang[i]);
            }
            synchronized (counts) {
                for (int j = 0; j < counts.length; j++) counts[j] += local[j];
                pixels += mag.length;
            }
        }

        /** A 3×3 dot (so that sparse classes stay visible): angle as polar angle, magnitude as radius. */
        private void dot(int cls, float mag, float ang) {
            double rad = Math.min(PLOT_RADIUS, mag * rScale), th = Math.toRadians(ang);
            int px = (int) Math.round(PLOT_RADIUS + rad * Math.cos(th));
            int py = (int) Math.round(PLOT_RADIUS - rad * Math.sin(th));
            synchronized (plot) {
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = px + dx, qy = py + dy;
                        if (qx >= 0 && qx < plot.getWidth() && qy >= 0 && qy < plot.getHeight()) {
                            plot.setRGB(qx, qy, PALETTE[(cls - 1) % PALETTE.length]);
                        }
                    }
                }
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

    /** GDAL PAM document with the palette of the class band (256 entries). */
    static String colourTable(int classes) {
        int[] argb = new int[256];
        for (int v = 0; v < 256; v++) {
            int rgb = v == 0 ? 0xD9D9D9 : v <= classes ? PALETTE[(v - 1) % PALETTE.length] : 0;
            argb[v] = (v == CvaRaster.NO_DATA ? 0 : 0xFF000000) | rgb;
        }
        return GdalColourTable.pamDocument(argb);
    }

    static Map<String, Object> summary(CvaModel model, long[] counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bands", List.of(model.bandNames()));
        m.put("gains", model.gains());
        m.put("offsets", model.offsets());
        m.put("differenceStd", model.differenceStd());
        m.put("referenceVector", model.reference());
        m.put("levelConfidence", model.confidence());
        m.put("threshold", model.threshold());
        m.put("samplePixels", model.samplePixels());
        m.put("invariantPixels", model.invariantPixels());
        int k = counts.length - 2;
        List<Map<String, Object>> classes = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("class", c + 1);
            e.put("centreMagnitude", model.classes().centreMagnitudes()[c]);
            e.put("centreAngleDeg", model.classes().centreAngles()[c]);
            e.put("pixels", counts[c + 1]);
            classes.add(e);
        }
        m.put("classes", classes);
        m.put("noChangePixels", counts[0]);
        m.put("noDataPixels", counts[k + 1]);
        return m;
    }

    private static void drawAxes(BufferedImage img, double thresholdRadius) {
        for (int a = 0; a <= 1800; a++) {
            double th = Math.toRadians(a / 10.0);
            for (double r : new double[] {thresholdRadius, PLOT_RADIUS}) {
                int x = (int) Math.round(PLOT_RADIUS + r * Math.cos(th)), y = (int) Math.round(PLOT_RADIUS - r * Math.sin(th));
                if (x >= 0 && x < img.getWidth() && y >= 0 && y < img.getHeight()) img.setRGB(x, y, 0x808080);
            }
        }
        for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, PLOT_RADIUS, 0x808080);
    }
}
