package eu.ai4c.s1.slc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.dem.Geoid;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code S1-SLC-preprocess} on a tiny synthetic stripmap SLC (one swath S3, no bursts): no deburst
 * or merge is needed, the default resolution is the specification's 5 m for SM, a planted target
 * lands within one output pixel of its geolocation-grid position, and σ⁰ stays within 1 %.
 */
class SlcStripmapTest {
    static final int W = 500, H = 400, LINE = 200, SAMPLE = 250;
    static final double SIGMA0 = 0.05;

    @TempDir
    static Path dir;
    static Path safe;
    static SyntheticSlc spec;

    @BeforeAll
    static void generate() throws Exception {
        spec = SyntheticSlc.stripmap(W, H).polarisations("VV").noisePower(200).background(SIGMA0).seed(3)
                .pointTarget(0, 0, LINE, SAMPLE, 20000).build();
        safe = spec.write(dir);
    }

    @Test
    void stripmapIsCalibratedAndGeolocatedWithoutDeburst() throws Exception {
        Product in = ProductIO.read(safe);
        S1Product s1 = in.attachment(S1Product.class).orElseThrow();
        assertEquals(List.of("S3"), s1.swaths());
        assertTrue(s1.image("S3", "VV").topsTiming().swathTiming().isEmpty(), "no burst layout");
        SlcPreprocessOperator op = new SlcPreprocessOperator();
        Product p = op.apply(Map.of("input", in), op.descriptor().validate(Map.of("speckle", "None")),
                ProcessingContext.defaults());
        Raster r = p.raster();
        MapGeoCoding gc = (MapGeoCoding) r.geoCoding();
        // the default resolution of SM: 5 m, as degrees of the equatorial radius in WGS84
        double[] a = gc.toPixel(12.5, 41.9), b = gc.toPixel(12.5, 41.9 + Math.toDegrees(500.0 / 6_378_137));
        assertEquals(100, Math.abs(a[1] - b[1]), 0.01, "5 m pixels");
        float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();

        GridByTime grid = new GridByTime(s1.image("S3", "VV").annotation().geolocationGrid());
        Instant t = spec.lineTime(0, 0, LINE);
        double[] g = grid.at(t, SAMPLE), far = grid.at(t, SAMPLE + 100);
        double h = Geoid.locate(null).undulation(g[0], g[1]), earth = 6_371_000;
        double east = Math.toRadians(far[1] - g[1]) * earth * Math.cos(Math.toRadians(g[0]));
        double north = Math.toRadians(far[0] - g[0]) * earth, norm = Math.hypot(east, north);
        double shift = h / Math.tan(Math.toRadians(g[2]));
        double[] p0 = gc.toPixel(g[1] + Math.toDegrees(east / norm * shift / (earth * Math.cos(Math.toRadians(g[0])))),
                g[0] + Math.toDegrees(north / norm * shift / earth));
        int best = -1;
        for (int i = 0; i < v.length; i++) if (!Float.isNaN(v[i]) && (best < 0 || v[i] > v[best])) best = i;
        double dx = best % r.width() + 0.5 - p0[0], dy = best / r.width() + 0.5 - p0[1];
        assertTrue(Math.abs(dx) <= 1 && Math.abs(dy) <= 1, "target off by " + dx + ", " + dy + " pixels");

        double sum = 0;
        long n = 0;
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i]) || Math.abs(i % r.width() - p0[0]) < 8 && Math.abs(i / r.width() - p0[1]) < 8) continue;
            sum += v[i];
            n++;
        }
        assertTrue(n > 10_000, n + " pixels");
        assertEquals(SIGMA0, sum / n, 0.01 * SIGMA0);
    }
}
