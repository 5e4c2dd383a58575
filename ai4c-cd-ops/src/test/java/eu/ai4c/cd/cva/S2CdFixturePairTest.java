package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.kit.testing.NumPy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S2-CD on a real L2A pair: the SSL4EO-S12 patch 0000200 (tile 43RCP) of 2020-06-04 and
 * 2020-08-13, per-band GeoTIFF folders (no SCL, so the run warns and uses the cloud-free,
 * large-change-excluded invariant set). Most of this crop scene changes between the dates, the
 * case the trimmed normalisation is built for.
 */
class S2CdFixturePairTest {
    private static final String PATCH = "rico-hdl/integration_tests/tiffs/SSL4EO-S12/s2a/0000200/";

    @Test
    void realPairGivesPlausibleNormalisationAndConsistentOutputs(@TempDir Path dir) throws IOException {
        Path june = Fixtures.file(PATCH + "20200604T054639_20200604T054831_T43RCP");
        Path august = Fixtures.file(PATCH + "20200813T054639_20200813T054952_T43RCP");
        List<String> warnings = new ArrayList<>();
        ProcessingContext context = ProcessingContext.defaults().withThreads(2)
                .withWarnings((WarningListener) warnings::add);
        Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(june), "input2", ProductIO.read(august)),
                S2CdDescriptor.DESCRIPTOR.validate(Map.of("bands", "B2,B3,B4,B8", "resolution", "10",
                        "projection", "UTM(Auto)", "numberClasses", "4", "levelConfidence", "99.99")), context);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SCL")), "warning about the missing SCL: " + warnings);

        CvaRaster vector = out.attachment(CvaRaster.class).orElseThrow();
        CvaModel model = vector.model();
        System.out.printf("S2-CD real pair: gains %s, offsets %s, %d of %d sample pixels invariant%n",
                java.util.Arrays.toString(model.gains()), java.util.Arrays.toString(model.offsets()),
                model.invariantPixels(), model.samplePixels());
        // Both dates are L2A surface reflectance of the same ground: over invariant targets they differ only by
        // residual calibration and atmospheric-correction (aerosol, adjacency) errors of a few percent, so a
        // plausible gain lies within a factor 2 of 1 and an offset within 0.05 reflectance (under half the 1–99 %
        // reflectance range of each of these bands, 0.1–0.25). The former least-squares fit over the 99 %
        // "invariant" set gave gains 0.13, 0.15, 0.12, −0.08 and offsets up to 0.31.
        for (int b = 0; b < 4; b++) {
            assertTrue(model.gains()[b] >= 0.5 && model.gains()[b] <= 2, "gain " + b + " " + model.gains()[b]);
            assertTrue(Math.abs(model.offsets()[b]) < 0.05, "offset " + b + " " + model.offsets()[b]);
            assertTrue(model.differenceStd()[b] > 0, "difference std " + b);
        }
        // June → August over crops: far from all pixels may be invariant, and at least the core quarter is
        assertTrue(model.invariantPixels() >= RadiometricNormalisation.CORE_SHARE * model.samplePixels()
                && model.invariantPixels() < 0.9 * model.samplePixels(), "invariant " + model.invariantPixels()
                + " of " + model.samplePixels());
        numpyRefit(vector, model, dir);

        Path main = ProductIO.writer("GeoTIFF").write(out, dir.resolve("cd.tif"), context);
        CvaOutputs.SideFiles side = CvaOutputs.write(out, main, context);
        for (Path p : List.of(main, side.cva(), side.polarPlot(), side.summary(), side.colourTable())) {
            assertTrue(Files.size(p) > 0, p + " written");
        }

        Raster classes = ProductIO.read(main).raster();
        Raster pre1 = out.attachment(CvaRaster.class).orElseThrow();
        byte[] cls = classes.read(0, classes.bounds()).bytes();
        float[] magnitude = pre1.read(0, pre1.bounds()).floats();
        long[] counts = new long[256];
        for (int i = 0; i < cls.length; i++) {
            int c = cls[i] & 0xFF;
            assertTrue(c <= 4 || c == CvaRaster.NO_DATA, "class " + c);
            counts[c]++;
            // no-data exactly where the change vector (from both inputs) is no-data
            assertEquals(Float.isNaN(magnitude[i]), c == CvaRaster.NO_DATA, "no-data at " + i);
        }
        long valid = cls.length - counts[CvaRaster.NO_DATA];
        long changed = valid - counts[0];
        assertTrue(valid > 0.8 * 264 * 264, "valid " + valid);
        assertTrue(changed > 0 && changed < 0.5 * valid, "changed " + changed + " of " + valid);

        JsonNode json = new ObjectMapper().readTree(side.summary().toFile());
        assertEquals(counts[0], json.get("noChangePixels").asLong());
        assertEquals(counts[CvaRaster.NO_DATA], json.get("noDataPixels").asLong());
        long classSum = 0;
        for (JsonNode c : json.get("classes")) {
            assertEquals(counts[c.get("class").asInt()], c.get("pixels").asLong(), "class " + c.get("class"));
            classSum += c.get("pixels").asLong();
        }
        assertEquals(changed, classSum);
        assertEquals(model.gains()[2], json.get("gains").get(2).asDouble(), 1e-12);
    }

    /**
     * Independent check: the same trimmed, reweighted reduced-major-axis fit written in NumPy
     * (np.partition for the core, closed-form χ² for 4 and 6 degrees of freedom) on the statistics sample
     * (the image is below the sample cap, so the sample is every pixel valid in both pre-processed images, in
     * row order). The quantisation floor of the scales (1e-4/√6) is left out: these scales are ≥ 0.005.
     */
    private static void numpyRefit(CvaRaster vector, CvaModel model, Path dir) throws IOException {
        Raster a = vector.image1(), c = vector.image2();
        int n = a.width() * a.height(), nb = 4;
        float[][] x1 = new float[nb][], x2 = new float[nb][];
        for (int b = 0; b < nb; b++) {
            x1[b] = a.read(b, a.bounds()).toFloats();
            x2[b] = c.read(b, c.bounds()).toFloats();
        }
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(2 * nb * n * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int valid = 0;
        for (float[][] img : new float[][][] {x1, x2}) {
            for (int b = 0; b < nb; b++) for (int i = 0; i < n; i++) buf.putFloat(img[b][i]);
        }
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (int b = 0; b < nb; b++) ok &= Float.isFinite(x1[b][i]) && Float.isFinite(x2[b][i]);
            if (ok) valid++;
        }
        assertEquals(model.samplePixels(), valid, "sample = all pixels valid in both");
        Path raw = dir.resolve("pair.f32");
        Files.write(raw, buf.array());
        String code = String.join("\n",
                "import numpy as np",
                "v = np.fromfile(r'" + raw + "', '<f4').reshape(2, " + nb + ", " + n + ")",
                "ok = np.isfinite(v).all(axis=(0, 1))",
                "X = v[0][:, ok].astype(np.float64); Y = v[1][:, ok].astype(np.float64)",
                "k = X.shape[0]",
                "def cdf(x, dof):",  // χ² CDF for even dof: 1 − e^{−x/2} Σ_{j<dof/2} (x/2)^j / j!
                "    t = x / 2.0; s = 0.0; term = 1.0",
                "    for j in range(dof // 2):",
                "        s += term; term *= t / (j + 1)",
                "    return 1 - np.exp(-t) * s",
                "def quantile(p, dof):",
                "    lo, hi = 0.0, 1000.0",
                "    for _ in range(200):",
                "        mid = (lo + hi) / 2",
                "        lo, hi = (mid, hi) if cdf(mid, dof) < p else (lo, mid)",
                "    return lo",
                "def rma(x, y):",
                "    g = np.sqrt(np.var(y) / np.var(x)); return g, y.mean() - g * x.mean()",
                "g = np.ones(k); o = np.zeros(k)",
                "d = Y - X; s = 1.4826 * np.median(np.abs(d - np.median(d, axis=1)[:, None]), axis=1)",
                "size = int(np.ceil(0.25 * X.shape[1])); core = None",
                "for it in range(30):",
                "    r = (Y - g[:, None] * X - o[:, None]) / s[:, None]",
                "    m = (r * r).sum(0)",
                "    new = m <= np.partition(m, size - 1)[size - 1]",
                "    for b in range(k): g[b], o[b] = rma(X[b, new], Y[b, new])",
                "    s = np.array([np.std(Y[b, new] - g[b] * X[b, new] - o[b], ddof=2) for b in range(k)])",
                "    if core is not None and (new == core).all(): break",
                "    core = new",
                "h = core.mean(); q = quantile(h, k)",
                "s = s / np.sqrt(cdf(q, k + 2) / h)",
                "r = (Y - g[:, None] * X - o[:, None]) / s[:, None]",
                "kept = (r * r).sum(0) <= quantile(0.99, k)",
                "for b in range(k): g[b], o[b] = rma(X[b, kept], Y[b, kept])",
                "print(' '.join(repr(float(t)) for t in list(g) + list(o) + [int(kept.sum())]))");
        String[] out;
        try {
            out = NumPy.run(code).trim().split("\\s+");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        System.out.println("S2-CD real pair, NumPy refit (gains, offsets, invariant): " + String.join(" ", out));
        for (int b = 0; b < nb; b++) {
            // float (Java) and double (NumPy) joint changes may order a few boundary pixels differently
            assertEquals(Double.parseDouble(out[b]), model.gains()[b], 1e-4, "NumPy gain " + b);
            assertEquals(Double.parseDouble(out[nb + b]), model.offsets()[b], 1e-5, "NumPy offset " + b);
        }
        assertEquals(Double.parseDouble(out[2 * nb]), model.invariantPixels(), 0.001 * model.samplePixels(),
                "NumPy invariant count");
    }
}
