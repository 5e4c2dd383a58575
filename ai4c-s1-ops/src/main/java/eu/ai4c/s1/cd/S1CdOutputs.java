package eu.ai4c.s1.cd;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.BandStack;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.tile.TileEngine;
import eu.ai4c.kit.tile.TileGrid;
import java.awt.image.BufferedImage;
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
 * (quick-looks at most 1024 pixels across) and {@code <name>_summary.json}. One pass over the
 * written stack gives the whole-output percentiles of both backscatters and the histogram of
 * their log-ratio (its minimum-error threshold); the other files are computed from the stack
 * tile by tile. Each file appears whole or not at all. Stateless.
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
        Path folder = mainOutput.toAbsolutePath().getParent();
        String file = mainOutput.getFileName().toString();
        String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        Raster stack = ProductIO.read(mainOutput).raster();
        if (stack.bands().size() != 3) {
            throw new Ai4cException("S1-CD outputs: " + mainOutput + " has " + stack.bands().size() + " bands, not the 3 "
                    + "of an S1-CD stack (coherence, backscatter 1, backscatter 2).");
        }
        // one pass: percentiles, log-ratio histogram, coherence mean
        BackscatterPercentiles p1 = new BackscatterPercentiles(), p2 = new BackscatterPercentiles();
        long[] histogram = ChangeMask.histogram();
        double[] coherence = new double[2];
        TileGrid grid = new TileGrid(stack.width(), stack.height(), 512, 512);
        TileEngine.run("S1-CD statistics", stack, new int[] {0, 1, 2}, grid, context, (c, r, blocks) -> {
            float[] g = blocks[0].toFloats(), b1 = blocks[1].toFloats(), b2 = blocks[2].toFloats();
            float[] lr = ChangeMask.absoluteLogRatio(b1, b2);
            long[] h = ChangeMask.histogram();
            ChangeMask.accumulate(lr, h);
            double sum = 0;
            long n = 0;
            for (float v : g) {
                if (!Float.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            synchronized (histogram) {
                p1.add(b1);
                p2.add(b2);
                for (int i = 0; i < h.length; i++) histogram[i] += h[i];
                coherence[0] += sum;
                coherence[1] += n;
            }
        });
        double[] pct = run.stretchPercentiles();
        double[] low = {p1.percentile(pct[0]), p2.percentile(pct[0])}, high = {p1.percentile(pct[1]), p2.percentile(pct[1])};
        boolean automatic = run.threshold() == null;
        double threshold = automatic ? ChangeMask.threshold(histogram) : run.threshold();
        if (Double.isNaN(threshold)) {
            throw new Ai4cException("S1-CD: no valid backscatter pixel in " + mainOutput + " to threshold the change "
                    + "mask; check the area of interest and the land/sea mask.");
        }
        LOG.info("S1-CD: stretch {}–{} % = {}–{} and {}–{}; change threshold {} dB ({})", pct[0], pct[1], low[0], high[0],
                low[1], high[1], String.format(java.util.Locale.ROOT, "%.3f", threshold), automatic ? "minimum error" : "given");

        ProductWriter tiff = ProductIO.writer("GeoTIFF");
        Path coh = tiff.write(Product.of(base + "_coherence", BandStack.builder().add(stack, 0, "coherence").build()),
                folder.resolve(base + "_coherence.tif"), context);
        written.add(coh);
        String n1 = stack.bands().get(1).name(), n2 = stack.bands().get(2).name();
        Path back1 = tiff.write(Product.of(base + "_" + n1, BandStack.builder().add(stack, 1, n1).build()),
                folder.resolve(base + "_" + n1 + ".tif"), context);
        written.add(back1);
        Path back2 = tiff.write(Product.of(base + "_" + n2, BandStack.builder().add(stack, 2, n2).build()),
                folder.resolve(base + "_" + n2 + ".tif"), context);
        written.add(back2);
        PairDerivedRaster acdRaster = PairDerivedRaster.acd(stack, low, high), mtcRaster = PairDerivedRaster.mtc(stack, low, high);
        Path acd = tiff.write(Product.of(base + "_ACD", acdRaster), folder.resolve(base + "_ACD.tif"), context);
        written.add(acd);
        Path mtc = tiff.write(Product.of(base + "_MTC", mtcRaster), folder.resolve(base + "_MTC.tif"), context);
        written.add(mtc);
        Path mask = tiff.write(Product.of(base + "_change_mask",
                        PairDerivedRaster.changeMask(stack, threshold, run.coherenceLimit(), run.minPixels())),
                folder.resolve(base + "_change_mask.tif"), context);
        written.add(mask);
        Path acdPng = quickLook(ProductIO.read(acd).raster(), folder.resolve(base + "_ACD.png"));
        written.add(acdPng);
        Path mtcPng = quickLook(ProductIO.read(mtc).raster(), folder.resolve(base + "_MTC.png"));
        written.add(mtcPng);

        // changed area from the written mask
        Raster maskRaster = ProductIO.read(mask).raster();
        double[] area = new double[3]; // changed km², changed pixels, valid pixels
        double[] rowArea = pixelAreas(maskRaster);
        TileEngine.run("S1-CD change area", maskRaster, new int[] {0}, new TileGrid(maskRaster.width(), maskRaster.height(), 512, 512),
                context, (c, r, blocks) -> {
                    byte[] m = blocks[0].bytes();
                    Region reg = blocks[0].region();
                    double km2 = 0;
                    long changed = 0, valid = 0;
                    for (int i = 0; i < m.length; i++) {
                        if (m[i] == ChangeMask.NO_DATA) continue;
                        valid++;
                        if (m[i] == ChangeMask.CHANGE) {
                            changed++;
                            km2 += rowArea[reg.y() + i / reg.width()];
                        }
                    }
                    synchronized (area) {
                        area[0] += km2 / 1e6;
                        area[1] += changed;
                        area[2] += valid;
                    }
                });
        Path json = folder.resolve(base + "_summary.json");
        Map<String, Object> summary = summary(run, low, high, threshold, automatic, area, coherence,
                List.of(mainOutput, coh, back1, back2, acd, mtc, mask, acdPng, mtcPng));
        try (AtomicOutput out = AtomicOutput.create()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.temporaryFor(json).toFile(), summary);
            out.commit();
        }
        written.add(json);
        context.progress().checkCancelled();
        LOG.info("S1-CD: changed {} km² ({} of {} valid pixels)", String.format(java.util.Locale.ROOT, "%.4f", area[0]),
                (long) area[1], (long) area[2]);
        return new Written(coh, back1, back2, acd, mtc, mask, acdPng, mtcPng, json);
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

    /** A PNG of an RGB byte raster, subsampled to at most {@link #QUICK_LOOK} pixels on its longer side. */
    static Path quickLook(Raster rgb, Path png) throws IOException {
        int step = Math.max(1, (int) Math.ceil(Math.max(rgb.width(), rgb.height()) / (double) QUICK_LOOK));
        int w = (rgb.width() + step - 1) / step, h = (rgb.height() + step - 1) / step;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int strip = Math.max(step, (512 / step) * step);
        for (int y0 = 0; y0 < rgb.height(); y0 += strip) {
            Region region = new Region(0, y0, rgb.width(), Math.min(strip, rgb.height() - y0));
            Block[] b = {rgb.read(0, region), rgb.read(1, region), rgb.read(2, region)};
            byte[] r = b[0].bytes(), g = b[1].bytes(), bl = b[2].bytes();
            for (int y = 0; y < region.height(); y += step) {
                for (int x = 0; x < rgb.width(); x += step) {
                    int i = y * rgb.width() + x;
                    image.setRGB(x / step, (y0 + y) / step, (r[i] & 255) << 16 | (g[i] & 255) << 8 | (bl[i] & 255));
                }
            }
        }
        try (AtomicOutput out = AtomicOutput.create()) {
            ImageIO.write(image, "png", out.temporaryFor(png).toFile());
            out.commit();
        }
        return png;
    }
}
