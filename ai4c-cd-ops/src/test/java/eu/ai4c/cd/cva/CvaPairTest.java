package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change Vector Analysis end to end on a synthetic pair with planted gains, offsets and changes. */
class CvaPairTest {
    static SyntheticPair pair;
    static CvaModel model;
    static byte[] classes;

    @BeforeAll
    static void run() throws IOException {
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 46), 499980, 5200020, 10, 10);
        pair = new SyntheticPair(gc);
        model = CvaStatistics.compute(pair.image1, pair.image2, new String[] {"B2", "B3", "B4", "B8"},
                new double[] {1, 0, 0, 0}, 99, 3, ProcessingContext.defaults());
        classes = CvaRaster.classes(pair.image1, pair.image2, model).read(0, Region.of(300, 300)).bytes();
    }

    @Test
    void normalisationRecoversGainsAndOffsets() {
        for (int b = 0; b < 4; b++) {
            assertEquals(SyntheticPair.GAINS[b], model.gains()[b], 0.01 * SyntheticPair.GAINS[b], "gain " + b);
            assertEquals(SyntheticPair.OFFSETS[b], model.offsets()[b], 0.01 * Math.abs(SyntheticPair.OFFSETS[b]), "offset " + b);
            assertEquals(SyntheticPair.DIFF_STD, model.differenceStd()[b], 0.05 * SyntheticPair.DIFF_STD, "std " + b);
        }
        assertEquals(13.2767, model.threshold(), 1e-3);
    }

    @Test
    void detectionFalseAlarmsAndClasses() {
        int n = 300 * 300;
        long planted = 0, detected = 0, unchanged = 0, falseAlarms = 0;
        int[] truth = new int[(int) countPlanted()], found = new int[truth.length];
        int j = 0;
        for (int i = 0; i < n; i++) {
            int c = classes[i] & 0xFF;
            if (i % 300 >= SyntheticPair.NO_DATA_FROM) {
                assertEquals(CvaRaster.NO_DATA, c, "no-data pixel " + i);
                continue;
            }
            if (pair.type[i] > 0) {
                planted++;
                if (c > 0) detected++;
                truth[j] = pair.type[i];
                found[j++] = c;
            } else {
                unchanged++;
                if (c > 0) falseAlarms++;
            }
        }
        double detection = detected / (double) planted, falseRate = falseAlarms / (double) unchanged;
        System.out.printf("S2-CD synthetic: detection %.4f, false alarms %.5f (expected 0.01), gains %s%n", detection,
                falseRate, java.util.Arrays.toString(model.gains()));
        assertTrue(detection >= 0.95, "detection rate " + detection);
        assertTrue(falseRate > 0.005 && falseRate < 0.02, "false-alarm rate " + falseRate);
        double ari = SyntheticPair.adjustedRand(truth, found, 4);
        System.out.printf("S2-CD synthetic: adjusted Rand index %.4f, centres %s / %s deg%n", ari,
                java.util.Arrays.toString(model.classes().centreMagnitudes()),
                java.util.Arrays.toString(model.classes().centreAngles()));
        assertTrue(ari >= 0.9, "adjusted Rand index " + ari);
        // classes ordered by magnitude: weakest planted type (8 std, 0°) is class 1
        assertEquals(1, classes[SyntheticPair.PATCHES[0][1] * 300 + SyntheticPair.PATCHES[0][0] + 30 * 301] & 0xFF);
    }

    /**
     * The polar plot: at each class centre (polar angle = angle, radius = magnitude) the density is
     * drawn in that class's colour, the no-change disc holds grey density, and the class sectors
     * tint the background outside the threshold circle.
     */
    private static void polarPlotShowsEveryClassAtItsCentre(java.awt.image.BufferedImage img) {
        int margin = 40, radius = PolarPlot.RADIUS;
        PolarPlot geometry = new PolarPlot(model);
        double[] mags = model.classes().centreMagnitudes(), angs = model.classes().centreAngles();
        for (int c = 0; c < mags.length; c++) {
            double r = geometry.radius(mags[c]), th = Math.toRadians(angs[c]);
            int x = (int) Math.round(margin + radius + r * Math.cos(th)), y = (int) Math.round(margin + radius - r * Math.sin(th));
            int want = ClassPalette.rgb(c + 1);
            boolean found = false;
            for (int dy = -3; dy <= 3 && !found; dy++) {
                for (int dx = -3; dx <= 3 && !found; dx++) found = closeTo(img.getRGB(x + dx, y + dy), want, 0.6);
            }
            assertTrue(found, "class " + (c + 1) + " density near (" + x + "," + y + ")");
        }
        // inside the threshold circle, near the origin: grey density of unchanged pixels
        int grey = 0;
        for (int dx = -10; dx <= 10; dx++) {
            int rgb = img.getRGB(margin + radius + dx, margin + radius - 2) & 0xFFFFFF;
            int r = rgb >> 16, g = (rgb >> 8) & 255, b = rgb & 255;
            if (r == g && g == b && r < 200) grey++;
        }
        assertTrue(grey > 0, "no-change density near the origin");
    }

    /** Whether {@code rgb} lies on the segment from white to {@code colour}, at least {@code strength} of the way. */
    private static boolean closeTo(int rgb, int colour, double strength) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int got = (rgb >> shift) & 255, full = (colour >> shift) & 255;
            double expectedAtStrength = full * strength + 255 * (1 - strength);
            if (full < 255 && got > expectedAtStrength + 2) return false;
        }
        return true;
    }

    private static long countPlanted() {
        long c = 0;
        for (int i = 0; i < pair.type.length; i++) if (pair.type[i] > 0 && i % 300 < SyntheticPair.NO_DATA_FROM) c++;
        return c;
    }

    @Test
    void sideOutputs(@TempDir Path dir) throws Exception {
        Product p = Product.of("pair_S2-CD", CvaRaster.classes(pair.image1, pair.image2, model))
                .withAttachment(CvaRaster.class, CvaRaster.vector(pair.image1, pair.image2, model));
        CvaOutputs.SideFiles f = CvaOutputs.write(p, dir.resolve("pair_S2-CD.tif"), ProcessingContext.defaults());
        assertTrue(f.cva().endsWith("pair_S2-CD_CVA.tif") && f.summary().endsWith("pair_S2-CD_summary.json"));
        JsonNode json = new ObjectMapper().readTree(f.summary().toFile());
        long total = json.get("noChangePixels").asLong() + json.get("noDataPixels").asLong();
        long[] expected = new long[4];
        for (byte c : classes) if ((c & 0xFF) < 4) expected[c & 0xFF]++;
        for (int c = 0; c < 3; c++) {
            JsonNode e = json.get("classes").get(c);
            assertEquals(expected[c + 1], e.get("pixels").asLong());
            total += e.get("pixels").asLong();
        }
        assertEquals(expected[0], json.get("noChangePixels").asLong());
        assertEquals(300 * 300, total);
        assertEquals(20 * 300, json.get("noDataPixels").asLong());
        assertEquals(SyntheticPair.GAINS[0], json.get("gains").get(0).asDouble(), 0.01);
        polarPlotShowsEveryClassAtItsCentre(ImageIO.read(f.polarPlot().toFile()));
        // the class GeoTIFF with its colour-table sidecar
        Path main = eu.ai4c.kit.io.ProductIO.writer("GeoTIFF").write(p, dir.resolve("pair_S2-CD.tif"), ProcessingContext.defaults());
        assertEquals(main.toString() + ".aux.xml", f.colourTable().toString());
        Process ct = new ProcessBuilder("gdalinfo", main.toString()).redirectErrorStream(true).start();
        String ctInfo = new String(ct.getInputStream().readAllBytes());
        assertEquals(0, ct.waitFor(), ctInfo);
        assertTrue(ctInfo.contains("Color Table (RGB with 256 entries)") && ctInfo.contains("1: 230,25,75,255")
                && ctInfo.contains("255: 0,0,0,0"), ctInfo);
        Process gdal = new ProcessBuilder("gdalinfo", "-stats", f.cva().toString()).redirectErrorStream(true).start();
        String info = new String(gdal.getInputStream().readAllBytes());
        assertEquals(0, gdal.waitFor(), info);
        assertTrue(info.contains("Band 2") && info.contains("Type=Float32") && !info.contains("Band 3"), info);
        eu.ai4c.kit.raster.Raster back = eu.ai4c.kit.io.ProductIO.read(f.cva()).raster();
        CvaRaster vector = CvaRaster.vector(pair.image1, pair.image2, model);
        for (int b = 0; b < 2; b++) {
            float[] want = vector.read(b, Region.of(300, 300)).floats(), got = back.read(b, Region.of(300, 300)).toFloats();
            for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 0, "band " + b + " pixel " + i);
        }
    }
}
