package eu.ai4c.agri.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Region;
import org.junit.jupiter.api.Test;

/**
 * The two prediction engines ({@link UnetEngine}) give the same class map through
 * {@link ClassMapRaster}, but for pixels whose two best classes tie within float rounding, and the
 * same probabilities within 1e-4 (the tolerance of {@code UnetInferenceTest} and {@code UnetOnnxTest});
 * the engine is chosen as documented.
 */
class UnetEngineTest {

    @Test
    void bothEnginesGiveTheSameMap() throws Exception {
        UnetModel model = TestModels.perturbed(ClassMapRasterTest.randomModel(2, 3, 64), 5);
        model = new UnetModel(model.backbone(), java.util.List.of("B4", "B8"), model.classIds(), model.patchSize(),
                new float[] {500, 3000}, new float[] {200, 800}, model.weights());
        MemoryRaster img = ClassMapRasterTest.image(150, 130, 8);
        Region all = Region.of(150, 130);
        float[] java;
        float[] torch;
        byte[] mapJava;
        byte[] mapTorch;
        try (ClassMapRaster a = new ClassMapRaster(img, new int[] {0, 1}, model, 2, UnetEngine.JAVA);
             ClassMapRaster b = new ClassMapRaster(img, new int[] {0, 1}, model, 2, UnetEngine.PYTORCH)) {
            assertEquals(UnetEngine.JAVA, a.engine());
            java = a.probabilities(all);
            torch = b.probabilities(all);
            mapJava = a.read(0, all).bytes();
            mapTorch = b.read(0, all).bytes();
        }
        int n = 150 * 130, k = model.classes(), compared = 0;
        double max = 0;
        for (int p = 0; p < n; p++) {
            if (Float.isNaN(torch[p])) {
                assertTrue(Float.isNaN(java[p]), "no-data at " + p);
                assertEquals(mapTorch[p], mapJava[p]);
                continue;
            }
            float best = -1, second = -1;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, Math.abs(java[c * n + p] - torch[c * n + p]));
                float v = torch[c * n + p];
                if (v > best) {
                    second = best;
                    best = v;
                } else if (v > second) {
                    second = v;
                }
            }
            if (best - second < 1e-3) continue; // a near tie may go either way
            assertEquals(mapTorch[p], mapJava[p], "class at pixel " + p);
            compared++;
        }
        System.out.printf("U-Net engines: max |Δ| probabilities %.2e, %d of %d pixels compared%n", max, compared, n);
        assertTrue(max < 1e-4, "max |Δ| probabilities " + max);
        assertTrue(compared > n * 0.9, compared + " of " + n + " pixels without a near tie");
    }

    @Test
    void chosenByTheSystemProperty() {
        String old = System.getProperty(UnetEngine.PROPERTY);
        try {
            System.setProperty(UnetEngine.PROPERTY, "PyTorch");
            assertEquals(UnetEngine.PYTORCH, UnetEngine.forThisJvm());
            System.setProperty(UnetEngine.PROPERTY, "java");
            assertEquals(UnetEngine.JAVA, UnetEngine.forThisJvm());
            System.setProperty(UnetEngine.PROPERTY, "gpu");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, UnetEngine::forThisJvm);
            assertTrue(e.getMessage().contains("expected java or pytorch"), e.getMessage());
            System.clearProperty(UnetEngine.PROPERTY);
            // the tests run with --add-modules jdk.incubator.vector, as bin/ai4c does
            assertEquals(UnetEngine.JAVA, UnetEngine.forThisJvm());
            assertTrue(UnetEngine.JAVA.describe().startsWith("plain Java (vector"), UnetEngine.JAVA.describe());
        } finally {
            if (old == null) System.clearProperty(UnetEngine.PROPERTY);
            else System.setProperty(UnetEngine.PROPERTY, old);
        }
    }
}
