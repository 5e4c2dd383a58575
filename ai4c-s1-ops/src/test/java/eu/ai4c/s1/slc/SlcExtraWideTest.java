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
import eu.ai4c.kit.tile.StageClock;
import eu.ai4c.s1.chain.BackscatterChain.CalibrationOutput;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s1.synthetic.SyntheticSlc;
import eu.ai4c.s1.tops.MergePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code S1-SLC-preprocess} on a tiny synthetic EW SLC (EW1–EW5 × 2 bursts): five sub-swaths merge
 * with four boundaries, the default resolution is 40 m, and a target planted in EW4 lands within
 * one output pixel of its geolocation-grid position.
 */
class SlcExtraWideTest {
    static final int W = 300, L = 100, B = 2;
    static final int[] TARGET = {3, 1, 50, 150};

    @TempDir
    static Path dir;
    static Path safe;
    static SyntheticSlc spec;

    @BeforeAll
    static void generate() throws Exception {
        spec = SyntheticSlc.builder(W, L, B).extraWide().polarisations("HH").seed(9)
                .pointTarget(TARGET[0], TARGET[1], TARGET[2], TARGET[3], 20000).build();
        safe = spec.write(dir);
    }

    @Test
    void fiveSubSwathsMergeAndTheTargetIsGeolocated() throws Exception {
        Product in = ProductIO.read(safe);
        S1Product s1 = in.attachment(S1Product.class).orElseThrow();
        assertEquals(List.of("EW1", "EW2", "EW3", "EW4", "EW5"), s1.swaths());
        MergePlan plan = SlcPreprocessOperator.merged("test", s1, s1.swaths(), List.of("HH"), CalibrationOutput.parse("Sigma"),
                true, new StageClock()).plan();
        int switches = 0;
        for (int x = 1; x < plan.width(); x++) if (plan.subSwath(x) != plan.subSwath(x - 1)) switches++;
        assertEquals(4, switches);

        SlcPreprocessOperator op = new SlcPreprocessOperator();
        Product p = op.apply(Map.of("input", in), op.descriptor().validate(Map.of("speckle", "None", "polarization", "HH")),
                ProcessingContext.defaults());
        Raster r = p.raster();
        MapGeoCoding gc = (MapGeoCoding) r.geoCoding();
        double[] a = gc.toPixel(12.5, 41.9), b = gc.toPixel(12.5, 41.9 + Math.toDegrees(4000.0 / 6_378_137));
        assertEquals(100, Math.abs(a[1] - b[1]), 0.01, "40 m pixels, the EW default");
        float[] v = r.read(0, Region.of(r.width(), r.height())).toFloats();

        GridByTime grid = new GridByTime(s1.image("EW4", "HH").annotation().geolocationGrid());
        Instant t = spec.lineTime(TARGET[0], TARGET[1], TARGET[2]);
        double[] g = grid.at(t, TARGET[3]), far = grid.at(t, TARGET[3] + 100);
        double h = Geoid.locate(null).undulation(g[0], g[1]), earth = 6_371_000;
        double east = Math.toRadians(far[1] - g[1]) * earth * Math.cos(Math.toRadians(g[0]));
        double north = Math.toRadians(far[0] - g[0]) * earth, norm = Math.hypot(east, north);
        double shift = h / Math.tan(Math.toRadians(g[2]));
        double[] p0 = gc.toPixel(g[1] + Math.toDegrees(east / norm * shift / (earth * Math.cos(Math.toRadians(g[0])))),
                g[0] + Math.toDegrees(north / norm * shift / earth));
        int best = -1;
        for (int i = 0; i < v.length; i++) if (!Float.isNaN(v[i]) && (best < 0 || v[i] > v[best])) best = i;
        double dx = best % r.width() + 0.5 - p0[0], dy = best / r.width() + 0.5 - p0[1];
        assertTrue(v[best] > 1, "the target is the brightest pixel: " + v[best]);
        assertTrue(Math.abs(dx) <= 1 && Math.abs(dy) <= 1, "target off by " + dx + ", " + dy + " pixels");
    }
}
