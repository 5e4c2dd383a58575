package eu.ai4c.s1.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.noise.ThermalNoise;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.S1Image;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.safe.S1Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny synthetic GRD, read back through ProductIO: metadata, planted DNs, speckle statistics, geometry. */
class SyntheticGrdReaderTest {
    static final int W = 420, H = 300;
    static final Region AREA = new Region(100, 120, 200, 150);

    @TempDir
    static Path dir;
    static Path safe;

    @BeforeAll
    static void generate() throws Exception {
        safe = SyntheticGrd.builder(W, H).centre(41.9, 12.5).heading(-167).seed(42)
                .homogeneousArea(AREA, 0.2, 5)
                .pointTarget(10, 20, 5000).pointTarget(299, 419, 65535).pointTarget(150, 0, 777)
                .build().write(dir);
    }

    static Product open(Path p) throws Exception {
        return ProductIO.read(p);
    }

    @Test
    void readerFindsProductAndModel() throws Exception {
        Product p = open(safe);
        assertEquals(safe.getFileName().toString().replace(".SAFE", ""), p.name());
        assertEquals(W, p.raster().width());
        assertEquals(H, p.raster().height());
        assertEquals(List.of("Amplitude_VV", "Amplitude_VH"), p.raster().bands().stream().map(b -> b.name()).toList());
        assertEquals(DataType.UINT16, p.raster().bands().get(0).type());
        eu.ai4c.s1.safe.SarGeoCoding g = assertInstanceOf(eu.ai4c.s1.safe.SarGeoCoding.class, p.raster().geoCoding());
        assertTrue(g.isGroundRange());
        assertEquals(g.lineTime(0).plusNanos(Math.round((H - 1) * g.azimuthTimeInterval() * 1e9)), g.lineTime(H - 1));
        assertEquals((H - 1) * g.azimuthTimeInterval(), g.secondsSinceFirstLine(g.lineTime(H - 1)), 1e-9);
        assertEquals(g.geolocationGrid().get(0).slantRangeTime(), g.nearRangeSlantRangeTime(), 1e-12);
        S1Product s1 = p.attachment(S1Product.class).orElseThrow();
        assertEquals("GRD", s1.productType());
        assertEquals("003.40", s1.ipfVersion());
        assertEquals(List.of("VV", "VH"), s1.polarisations());
        assertEquals("S1A", s1.manifest().mission());
        assertEquals("DESCENDING", s1.manifest().pass());
        assertEquals("GRD", p.metadata().child("Abstracted_Metadata").orElseThrow().get("PRODUCT_TYPE").orElseThrow());
        assertEquals(26, s1.image("IW", "VV").calibration().calibrationVectorList().size());
        Ai4cException e = assertThrows(Ai4cException.class, () -> s1.image("IW", "HH"));
        assertTrue(e.isUsageError());
        assertTrue(e.getMessage().contains("[VV, VH]"), e.getMessage());
        s1.close();
    }

    @Test
    void plantedTargetsRoundTrip() throws Exception {
        Product p = open(safe);
        Block all = p.raster().read(0, Region.of(W, H));
        short[] s = all.shorts();
        assertEquals(5000, s[10 * W + 20] & 0xFFFF);
        assertEquals(65535, s[299 * W + 419] & 0xFFFF);
        assertEquals(777, s[150 * W] & 0xFFFF);
        Block window = p.raster().read(0, new Region(15, 5, 10, 10));
        assertEquals(5000, window.shorts()[5 * 10 + 5] & 0xFFFF);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                assertEquals(s[(5 + y) * W + 15 + x], window.shorts()[y * 10 + x]);
            }
        }
        p.attachment(S1Product.class).orElseThrow().close();
    }

    @Test
    void concurrentWindowReadsAgree() throws Exception {
        Product p = open(safe);
        short[] all = p.raster().read(1, Region.of(W, H)).shorts();
        java.util.List<Region> tiles = new java.util.ArrayList<>();
        for (int y = 0; y < H; y += 64) {
            for (int x = 0; x < W; x += 100) tiles.add(new Region(x, y, Math.min(100, W - x), Math.min(64, H - y)));
        }
        tiles.parallelStream().forEach(r -> {
            try {
                short[] t = p.raster().read(1, r).shorts();
                for (int y = 0; y < r.height(); y++) {
                    for (int x = 0; x < r.width(); x++) {
                        assertEquals(all[(r.y() + y) * W + r.x() + x], t[y * r.width() + x]);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        p.attachment(S1Product.class).orElseThrow().close();
    }

    @Test
    void gdalReadsTheSameProduct() throws Exception {
        S1Product s1 = S1Product.open(safe);
        Path tiff = safe.resolve(s1.image("IW", "VV").measurementHref());
        s1.close();
        // the measurement TIFF alone, and the whole SAFE through GDAL's own Sentinel-1 driver
        assertEquals("5000", gdal("gdallocationinfo", "-valonly", tiff.toString(), "20", "10"));
        String manifest = safe.resolve("manifest.safe").toString();
        assertEquals("5000\n5000", gdal("gdallocationinfo", "-valonly", manifest, "20", "10"));
        String info = gdal("gdalinfo", manifest);
        assertTrue(info.contains("Driver: SAFE/Sentinel-1 SAR SAFE Product"), info);
        assertTrue(info.contains("Size is " + W + ", " + H), info);
        assertTrue(info.contains("GCP[209]"), "GDAL reads the 210-point geolocation grid as GCPs");
        assertTrue(info.contains("SUBDATASET_2_NAME=SENTINEL1_CALIB:UNCALIB:" + manifest + ":IW_VV:AMPLITUDE")
                || info.contains("SUBDATASET_1_NAME=SENTINEL1_CALIB:UNCALIB:" + manifest + ":IW_VV:AMPLITUDE"), info);
    }

    /** Runs a GDAL tool; fails (never skips) when GDAL is missing. */
    static String gdal(String... command) throws Exception {
        Process pr;
        try {
            pr = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            throw new AssertionError(command[0] + " (gdal-bin) is needed for this independent check: " + e.getMessage(), e);
        }
        String out = new String(pr.getInputStream().readAllBytes()).trim();
        String err = new String(pr.getErrorStream().readAllBytes());
        assertEquals(0, pr.waitFor(), String.join(" ", command) + ": " + err);
        return out;
    }

    @Test
    void homogeneousAreaCalibratesToItsSigmaNought() throws Exception {
        // generator: |DN|² ~ Gamma(L, σ⁰·A² + N); reader + kernels: mean of max(|DN|² − N, 0)/A² ≈ σ⁰
        try (S1Product s1 = S1Product.open(safe)) {
            S1Image vv = s1.image("IW", "VV");
            int w = AREA.width(), h = AREA.height(), n = w * h;
            Block dn = new S1Raster(s1, "IW").read(0, AREA);
            float[] a = new float[n], noise = new float[n], sigma = new float[n];
            CalibrationType.SIGMA_NOUGHT.lut(vv.calibration()).interpolate(AREA.x(), AREA.y(), w, h, a, 0, false);
            NoisePowerLut.of(vv.noise()).interpolate(AREA.x(), AREA.y(), w, h, noise);
            ThermalNoise.denoiseAndCalibrate(dn.shorts(), noise, a, sigma, n);
            double sum = 0, sum2 = 0;
            for (float v : sigma) {
                sum += v;
            }
            double mean = sum / n;
            // DN rounding to integers adds ~1/12 DN² of variance only; 30,000 samples of 5 looks: σ/mean ≈ 0.3%
            assertEquals(0.2, mean, 0.2 * 0.02);
            // equivalent number of looks of the (un-denoised) intensity
            float[] raw = new float[n];
            eu.ai4c.s1.calibration.Calibration.detected(dn.shorts(), a, raw, n);
            sum = 0;
            for (float v : raw) {
                sum += v;
                sum2 += (double) v * v;
            }
            double m = sum / n, var = sum2 / n - m * m;
            assertEquals(5, m * m / var, 0.5, "ENL");
        }
    }

    @Test
    void geometryIsConsistent() throws Exception {
        try (S1Product s1 = S1Product.open(safe)) {
            Annotation a = s1.image("IW", "VV").annotation();
            assertEquals(210, a.geolocationGrid().size());
            // centre of the grid is the requested scene centre
            double lat = 0, lon = 0;
            int count = 0;
            for (Annotation.GeolocationGridPoint g : a.geolocationGrid()) {
                if (Math.abs(g.line() - (H - 1) / 2.0) < H / 9.0 && Math.abs(g.pixel() - (W - 1) / 2.0) < W / 20.0) {
                    lat += g.latitude();
                    lon += g.longitude();
                    count++;
                }
            }
            assertTrue(count > 0);
            assertEquals(41.9, lat / count, 0.01);
            assertEquals(12.5, lon / count, 0.01);
            assertEquals(-167, a.productInformation().platformHeading(), 5);
            assertEquals(38.25, a.imageInformation().incidenceAngleMidSwath(), 0.05);
            // neighbouring grid points are 10 m per pixel apart on the ground
            Annotation.GeolocationGridPoint p0 = a.geolocationGrid().get(0), p1 = a.geolocationGrid().get(1);
            double dy = Math.toRadians(p1.latitude() - p0.latitude()) * 6371000;
            double dx = Math.toRadians(p1.longitude() - p0.longitude()) * 6371000 * Math.cos(Math.toRadians(p0.latitude()));
            assertEquals(10.0 * (p1.pixel() - p0.pixel()), Math.hypot(dx, dy), 0.05 * 10 * (p1.pixel() - p0.pixel()));
            // slant range time grows with pixel and matches imageInformation at pixel 0
            assertTrue(p1.slantRangeTime() > p0.slantRangeTime());
            assertEquals(a.imageInformation().slantRangeTime(), p0.slantRangeTime(), 1e-9);
            // SRGR polynomial maps slant range of the last grid pixel to its ground range
            Annotation.CoordinateConversion cc = a.coordinateConversionList().get(0);
            Annotation.GeolocationGridPoint last = a.geolocationGrid().get(Math.min(21, W) - 1);
            double sr = last.slantRangeTime() * 299792458.0 / 2 - cc.sr0(), gr = 0, pw = 1;
            for (double c : cc.srgrCoefficients()) {
                gr += c * pw;
                pw *= sr;
            }
            assertEquals(last.pixel() * 10.0, gr, 0.5);
        }
    }

    @Test
    void generationIsDeterministicForAnyThreadCount() throws Exception {
        SyntheticGrd.Builder spec = SyntheticGrd.builder(300, 90).polarisations("VV").seed(9).noValueBorder(5);
        Path one = spec.threads(1).build().write(Files.createDirectories(dir.resolve("t1")));
        Path three = spec.threads(3).build().write(Files.createDirectories(dir.resolve("t3")));
        try (S1Product a = S1Product.open(one); S1Product b = S1Product.open(three)) {
            Path ta = one.resolve(a.image("IW", "VV").measurementHref()), tb = three.resolve(b.image("IW", "VV").measurementHref());
            assertEquals(-1L, Files.mismatch(ta, tb));
        }
    }

    @Test
    void noValueBorderIsFoundByBorderNoiseRemoval() throws Exception {
        Path p = SyntheticGrd.builder(300, 40).polarisations("VV").seed(3).noValueBorder(7).build()
                .write(Files.createDirectories(dir.resolve("border")));
        try (S1Product s1 = S1Product.open(p)) {
            S1Image vv = s1.image("IW", "VV");
            Block dn = s1.measurement(vv).read(Region.of(300, 40));
            float[] noise = new float[300 * 40], denoised = new float[300 * 40];
            NoisePowerLut.of(vv.noise()).interpolate(0, 0, 300, 40, noise);
            ThermalNoise.denoiseDetected(dn.shorts(), noise, denoised, 300 * 40);
            int[] near = new int[40], far = new int[40];
            eu.ai4c.s1.noise.BorderNoise.leadingTrim(denoised, 0, 300, 1, 500, 40, 0.5, near);
            eu.ai4c.s1.noise.BorderNoise.leadingTrim(denoised, 299, 300, -1, 500, 40, 0.5, far);
            for (int y = 0; y < 40; y++) {
                assertEquals(7, near[y], "line " + y);
                assertEquals(7, far[y], "line " + y);
            }
        }
    }

    @Test
    void probe() {
        Sentinel1ProductReaderAccess r = new Sentinel1ProductReaderAccess();
        assertEquals("SPECIFIC", r.probe(safe));
        assertEquals("SPECIFIC", r.probe(safe.resolve("manifest.safe")));
        assertEquals("NONE", r.probe(dir));
        assertInstanceOf(String.class, r.probe(safe.resolve("nothing.zip")));
        assertTrue(Files.isDirectory(safe.resolve("annotation/calibration")));
    }

    /** Small helper to call the reader's probe with readable results. */
    static final class Sentinel1ProductReaderAccess {
        private final eu.ai4c.s1.safe.Sentinel1ProductReader reader = new eu.ai4c.s1.safe.Sentinel1ProductReader();

        String probe(Path p) {
            return reader.probe(p).name();
        }
    }
}
