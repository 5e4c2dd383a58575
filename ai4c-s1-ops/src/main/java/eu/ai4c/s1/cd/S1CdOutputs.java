package eu.ai4c.s1.cd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.io.geotiff.GeoTiffWriteOptions;
import eu.ai4c.kit.io.geotiff.read.TiffRaster;
import eu.ai4c.kit.io.geotiff.write.TiffFileWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.BandStack;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.opengis.referencing.crs.GeographicCRS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outputs of an {@code S1-CD} run beside its main output, the float stack
 * {@code <name>.tif} (coherence, backscatter 1, backscatter 2), all on its grid:
 * {@code <name>_coherence.tif}, {@code <name>_<Sigma0>_<pol>_<date>.tif} for each date (float32),
 * {@code <name>_ACD.tif} and {@code <name>_MTC.tif} (byte RGB), {@code <name>_change_mask.tif}
 * (byte: 1 change, 0 none, 255 no-data), {@code <name>_ACD.png} and {@code <name>_MTC.png}
 * (quick-looks at most 1024 pixels across) and {@code <name>_summary.json}. The whole-output
 * statistics (percentiles of both backscatters, histogram of their log-ratio for the minimum-error
 * threshold, mean coherence) were gathered while the stack was written ({@link StatisticsTap});
 * only when that could not follow the writer are they computed from the file. The float files
 * copy the stack's stored tiles; the composites and the mask are computed in one pass over the
 * stack, which also fills the quick-looks and sums the changed area. Each file appears whole or
 * not at all. Stateless.
 */
public final class S1CdOutputs {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");
    static final int QUICK_LOOK = 1024;

    /** The files written. */
    public record Written(Path coherence, Path backscatter1, Path backscatter2, Path acd, Path mtc, Path changeMask,
                        Path acdPng, Path mtcPng, Path summary) {
        public List<Path> paths() {
            return List.of(coherence, backscatter1, backscatter2, acd, mtc, changeMask, acdPng, mtcPng, summary);
        }
    }

    private S1CdOutputs() {
    }

    /**
     * @param product    an {@code S1-CD} product (carries its {@link S1CdOperator.Run})
     * @param mainOutput the stack file just written
     */
    public static Written write(Product product, Path mainOutput, ProcessingContext context) throws IOException {
        List<Path> written = new ArrayList<>();
        boolean complete = false;
        try {
            Written w = write(product, mainOutput, context, written);
            complete = true;
            return w;
        } finally {
            // a failure or a cancellation leaves none of the side files (the caller removes the main one)
            if (!complete) {
                for (Path p : written) java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    private static Written write(Product product, Path mainOutput, ProcessingContext context, List<Path> written)
            throws IOException {
        S1CdOperator.Run run = product.attachment(S1CdOperator.Run.class).orElseThrow(() -> Ai4cException.usage(
                "S1-CD outputs: product " + product.name() + " is not an S1-CD result."));
        // the chain's tiles are no longer needed: their cache makes room for the stack's chunks
        product.attachment(S1CdOperator.ChainCaches.class).ifPresent(S1CdOperator.ChainCaches::clear);
        Path folder = mainOutput.toAbsolutePath().getParent();
        String file = mainOutput.getFileName().toString();
        String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        Raster stack = ProductIO.read(mainOutput).raster();
        try {
            if (stack.bands().size() != 3) {
                throw new Ai4cException("S1-CD outputs: " + mainOutput + " has " + stack.bands().size() + " bands, not the 3 "
                        + "of an S1-CD stack (coherence, backscatter 1, backscatter 2).");
            }
            if (stack instanceof TiffRaster tiff) {
                // the joint pass reads each tile with a halo, so the tiles of the rows above, at and below the one
                // being written are all in use: keep three rows of the stack's decoded tiles (with fewer, the least
                // recently used one is always the next needed, and every tile is decoded three times)
                int[] t = stack.preferredTileSize();
                long row = (long) t[0] * t[1] * 4 * 3 * ((stack.width() + t[0] - 1) / t[0]);
                long budget = Math.min(Math.max(GeoTiffReader.DEFAULT_CACHE_BYTES, context.cacheBytes()), 3 * row + (16L << 20));
                tiff.close();
                stack = GeoTiffReader.withFixedCache(budget, context.warnings()).read(mainOutput).raster();
            }
            return write(product, run, stack, mainOutput, folder, base, context, written);
        } finally {
            if (stack instanceof Closeable c) c.close();
        }
    }

    private static Written write(Product product, S1CdOperator.Run run, Raster stack, Path mainOutput, Path folder,
                                 String base, ProcessingContext context, List<Path> written) throws IOException {
        StackStatistics statistics = product.attachment(StatisticsTap.class).filter(StatisticsTap::complete)
                .map(StatisticsTap::statistics).orElse(null);
        if (statistics == null) {
            // the main output was written in a way the tap could not follow: one pass over the file
            StackStatistics read = new StackStatistics();
            TileEngine.run("S1-CD statistics", stack, new int[] {0, 1, 2}, new TileGrid(stack.width(), stack.height(), 512, 512),
                    context, (c, r, blocks) -> read.add(blocks[0].toFloats(), blocks[1].toFloats(), blocks[2].toFloats()));
            statistics = read;
        }
        double[] pct = run.stretchPercentiles();
        double[] low = {statistics.backscatter1.percentile(pct[0]), statistics.backscatter2.percentile(pct[0])};
        double[] high = {statistics.backscatter1.percentile(pct[1]), statistics.backscatter2.percentile(pct[1])};
        boolean automatic = run.threshold() == null;
        double threshold = automatic ? ChangeMask.threshold(statistics.logRatioHistogram) : run.threshold();
        if (Double.isNaN(threshold)) {
            throw new Ai4cException("S1-CD: no valid backscatter pixel in " + mainOutput + " to threshold the change "
                    + "mask; check the area of interest and the land/sea mask.");
        }
        LOG.info("S1-CD: stretch {}–{} % = {}–{} and {}–{}; change threshold {} dB ({})", pct[0], pct[1], low[0], high[0],
                low[1], high[1], String.format(java.util.Locale.ROOT, "%.3f", threshold), automatic ? "minimum error" : "given");

        // the single-band float files: the stack's tiles copied as they are stored
        GeoTiffWriteOptions options = GeoTiffWriteOptions.defaults();
        Path[] floats = new Path[3];
        for (int b = 0; b < 3; b++) {
            String name = b == 0 ? "coherence" : stack.bands().get(b).name();
            Product single = Product.of(base + "_" + name, BandStack.builder().add(stack, b, name).build());
            Path target = folder.resolve(base + "_" + name + ".tif");
            floats[b] = stack instanceof TiffRaster tiff
                    ? TiffFileWriter.copyBands(tiff, new int[] {b}, single, target, options, context)
                    : ProductIO.writer("GeoTIFF").write(single, target, context);
            written.add(floats[b]);
        }

        // ACD, MTC and the change mask in one pass over the stack; quick-looks and changed area on the way
        PairProducts products = new PairProducts(low, high, threshold, run.coherenceLimit(), run.minPixels());
        Path acd = folder.resolve(base + "_ACD.tif"), mtc = folder.resolve(base + "_MTC.tif");
        Path mask = folder.resolve(base + "_change_mask.tif");
        QuickLook acdLook = new QuickLook(stack.width(), stack.height()), mtcLook = new QuickLook(stack.width(), stack.height());
        double[] rowArea = pixelAreas(stack);
        double[] area = new double[3]; // changed km², changed pixels, valid pixels
        Raster source = stack;
        List<TiffFileWriter.Part> parts = List.of(
                TiffFileWriter.Part.of(base + "_ACD", stack, PairProducts.ACD_BANDS, acd),
                TiffFileWriter.Part.of(base + "_MTC", stack, PairProducts.MTC_BANDS, mtc),
                TiffFileWriter.Part.of(base + "_change_mask", stack, List.of(PairProducts.MASK_BAND), mask));
        written.addAll(List.of(acd, mtc, mask));
        TiffFileWriter.writeTogether("S1-CD composites and change mask", parts, options, tile -> {
            Region window = products.window(tile, source.width(), source.height());
            PairProducts.Tile t = products.compute(source.read(0, window).toFloats(), source.read(1, window).toFloats(),
                    source.read(2, window).toFloats(), window, tile);
            acdLook.add(tile, t.acd());
            mtcLook.add(tile, t.mtc());
            double km2 = 0;
            long changed = 0, valid = 0;
            byte[] m = t.mask();
            for (int i = 0; i < m.length; i++) {
                if (m[i] == ChangeMask.NO_DATA) continue;
                valid++;
                if (m[i] == ChangeMask.CHANGE) {
                    changed++;
                    km2 += rowArea[tile.y() + i / tile.width()];
                }
            }
            synchronized (area) {
                area[0] += km2 / 1e6;
                area[1] += changed;
                area[2] += valid;
            }
            // one Block per distinct array: the writer encodes a block shared by two files once
            Block red = new Block(tile, DataType.BYTE, t.acd()[0]), green = new Block(tile, DataType.BYTE, t.acd()[1]);
            return new Block[][] {{red, green, green}, {red, green, new Block(tile, DataType.BYTE, t.mtc()[2])},
                    {new Block(tile, DataType.BYTE, t.mask())}};
        }, context);
        Path acdPng = acdLook.write(folder.resolve(base + "_ACD.png"));
        written.add(acdPng);
        Path mtcPng = mtcLook.write(folder.resolve(base + "_MTC.png"));
        written.add(mtcPng);

        Path json = folder.resolve(base + "_summary.json");
        Map<String, Object> summary = summary(run, low, high, threshold, automatic, area, statistics.coherence(),
                List.of(mainOutput, floats[0], floats[1], floats[2], acd, mtc, mask, acdPng, mtcPng));
        try (AtomicOutput out = AtomicOutput.create()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.temporaryFor(json).toFile(), summary);
            out.commit();
        }
        written.add(json);
        context.progress().checkCancelled();
        LOG.info("S1-CD: changed {} km² ({} of {} valid pixels)", String.format(java.util.Locale.ROOT, "%.4f", area[0]),
                (long) area[1], (long) area[2]);
        return new Written(floats[0], floats[1], floats[2], acd, mtc, mask, acdPng, mtcPng, json);
    }

    private static Map<String, Object> summary(S1CdOperator.Run run, double[] low, double[] high, double threshold,
                                               boolean automatic, double[] area, double[] coherence, List<Path> files) {
        Map<String, Object> s = new LinkedHashMap<>();
        AcquisitionPair pair = run.pair();
        s.put("reference", input(pair.reference()));
        s.put("secondary", input(pair.secondary()));
        s.put("interval_days", pair.interval().toSeconds() / 86400.0);
        s.put("cycles", pair.cycles());
        s.put("polarisation", run.polarisation());
        s.put("sub_swaths", run.swaths());
        s.put("calibration", run.calibration());
        s.put("dem", run.dem());
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("perpendicular_m", finite(run.baseline()[0]));
        baseline.put("parallel_m", finite(run.baseline()[1]));
        s.put("baseline", baseline);
        Map<String, Object> esd = new LinkedHashMap<>();
        esd.put("applied", !Double.isNaN(run.esdShift()));
        esd.put("azimuth_shift_lines", finite(run.esdShift()));
        esd.put("residual_lines", finite(run.esdResidual()));
        esd.put("overlaps", run.esdOverlaps());
        s.put("esd", esd);
        Map<String, Object> stretch = new LinkedHashMap<>();
        stretch.put("percentiles", run.stretchPercentiles());
        stretch.put("backscatter1", new double[] {low[0], high[0]});
        stretch.put("backscatter2", new double[] {low[1], high[1]});
        s.put("stretch", stretch);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("method", "absolute log-ratio |10·log10(b2/b1)| of the speckle-filtered backscatters, "
                + (automatic ? "Kittler-Illingworth minimum-error threshold" : "given threshold")
                + (run.coherenceLimit() < 1 ? ", changed only where coherence < " + run.coherenceLimit() : "")
                + ", minimum mapping unit " + run.minPixels() + " pixels");
        change.put("threshold_db", threshold);
        change.put("changed_area_km2", area[0]);
        change.put("changed_pixels", (long) area[1]);
        change.put("valid_pixels", (long) area[2]);
        s.put("change", change);
        s.put("mean_coherence", coherence[1] > 0 ? coherence[0] / coherence[1] : null);
        List<String> names = new ArrayList<>();
        for (Path p : files) names.add(p.getFileName().toString());
        s.put("files", names);
        return s;
    }

    private static Map<String, Object> input(eu.ai4c.s1.safe.Manifest m) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("mission", m.mission());
        i.put("mode", m.mode());
        i.put("start", m.startTime().toString());
        i.put("relative_orbit", m.relativeOrbit());
        i.put("absolute_orbit", m.absoluteOrbit());
        i.put("pass", m.pass());
        return i;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Area of one pixel per row, m²: |dx·dy| in a projected CRS, the ellipsoidal cell in a geographic one. */
    static double[] pixelAreas(Raster r) {
        double[] a = new double[r.height()];
        GeoCoding g = r.geoCoding();
        if (!(g instanceof MapGeoCoding map)) return a;
        double dx = Math.abs(map.pixelSizeX()), dy = Math.abs(map.pixelSizeY());
        boolean geographic = map.crs() instanceof GeographicCRS;
        for (int y = 0; y < a.length; y++) {
            if (!geographic) {
                a[y] = dx * dy;
            } else {
                double lat = Math.toRadians(map.y(0, y + 0.5));
                // WGS 84 radii of curvature: meridian M and prime vertical N
                double e2 = eu.ai4c.kit.geo.Wgs84.E2, s = Math.sin(lat), w = Math.sqrt(1 - e2 * s * s);
                double n = eu.ai4c.kit.geo.Wgs84.A / w, mRadius = eu.ai4c.kit.geo.Wgs84.A * (1 - e2) / (w * w * w);
                a[y] = Math.toRadians(dx) * n * Math.cos(lat) * Math.toRadians(dy) * mRadius;
            }
        }
        return a;
    }

    /**
     * A quick-look PNG of an RGB composite filled tile by tile: the composite's pixels at every
     * {@code step}-th column and row, so that its longer side is at most {@link #QUICK_LOOK}.
     * Thread-safe: tiles fill disjoint pixels.
     */
    static final class QuickLook {
        private final int step, width, height;
        private final int[] rgb;

        QuickLook(int imageWidth, int imageHeight) {
            step = Math.max(1, (int) Math.ceil(Math.max(imageWidth, imageHeight) / (double) QUICK_LOOK));
            width = (imageWidth + step - 1) / step;
            height = (imageHeight + step - 1) / step;
            rgb = new int[width * height];
        }

        /** Takes the sampled pixels of one tile of the composite's three bands. */
        void add(Region tile, byte[][] bands) {
            int y0 = (tile.y() + step - 1) / step * step, x0 = (tile.x() + step - 1) / step * step;
            for (int y = y0; y < tile.maxY(); y += step) {
                for (int x = x0; x < tile.maxX(); x += step) {
                    int i = (y - tile.y()) * tile.width() + x - tile.x();
                    rgb[(y / step) * width + x / step] = (bands[0][i] & 255) << 16 | (bands[1][i] & 255) << 8 | (bands[2][i] & 255);
                }
            }
        }

        Path write(Path png) throws IOException {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, width, height, rgb, 0, width);
            try (AtomicOutput out = AtomicOutput.create()) {
                ImageIO.write(image, "png", out.temporaryFor(png).toFile());
                out.commit();
            }
            return png;
        }
    }
}
