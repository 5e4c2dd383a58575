package eu.ai4c.cd.cva;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.cd.cva.synthetic.PlantedChange;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.synthetic.SyntheticS2Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator end to end on two synthetic L2A SAFE products (GeoTIFF band images), the second
 * rewritten with a planted gain/offset per band and two planted change patches.
 */
class S2CdSafePairTest {
    static final int N = 180;
    static final double[] GAINS = {1.06, 0.94, 1.1, 0.92};
    static final double[] OFFSETS = {0.015, -0.01, 0.02, 0.03};
    static final String[] TOKENS = {"B2", "B3", "B4", "B8"};

    /** Type 1: B8 +0.10 (angle 90° to B2); type 2: B2, B3, B4 −0.05 (angle 125°). */
    static final List<PlantedChange.Patch> PATCHES = List.of(
            new PlantedChange.Patch(30, 30, 80, 80, new double[] {0, 0, 0, 0.10}),
            new PlantedChange.Patch(100, 90, 160, 150, new double[] {-0.05, -0.05, -0.05, 0}));

    static int type(int col, int row) {
        return 1 + PlantedChange.patchAt(PATCHES, col, row);
    }

    @Test
    void plantedNormalisationAndChangesAreRecovered(@TempDir Path dir) throws IOException {
        SyntheticS2Product.Builder b = SyntheticS2Product.builder(S2Level.L2A).size(N).noDataColumns(0)
                .bands(S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8).geoTiff(true);
        Path p1 = b.build().write(Files.createDirectories(dir.resolve("a")));
        SyntheticS2Product syn = b.build();
        Path p2 = syn.write(Files.createDirectories(dir.resolve("b")));
        PlantedChange.apply(p2, new S2Band[] {S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B8}, GAINS, OFFSETS, PATCHES,
                syn.offset(), syn.quantification());

        Product out = new S2CdOperator().apply(Map.of("input1", ProductIO.read(p1), "input2", ProductIO.read(p2)),
                S2CdDescriptor.DESCRIPTOR.validate(Map.of("numberClasses", "2", "levelConfidence", "99",
                        "projection", "UTM(Auto)")),
                ProcessingContext.defaults());
        CvaModel m = out.attachment(CvaRaster.class).orElseThrow().model();
        System.out.println("SAFE pair: gains " + java.util.Arrays.toString(m.gains()) + " offsets " + java.util.Arrays.toString(m.offsets()) + " kept " + m.invariantPixels() + "/" + m.samplePixels() + " std " + java.util.Arrays.toString(m.differenceStd()));
        for (int k = 0; k < 4; k++) {
            assertEquals(GAINS[k], m.gains()[k], 0.01 * GAINS[k], "gain " + TOKENS[k]);
            assertEquals(OFFSETS[k], m.offsets()[k], 0.01 * Math.abs(OFFSETS[k]), "offset " + TOKENS[k]);
        }
        // invariant: SCL 2, 4, 5, 7 (the cloud classes 3, 8, 9, 10 are no-data already; 1, 6, 11 excluded):
        // 4 of the 11 classes of the synthetic pattern, minus the planted changes
        double share = m.invariantPixels() / (double) m.samplePixels();
        assertTrue(share > 0.3 && share < 0.6, "invariant share " + share);
        byte[] cls = out.raster().read(0, Region.of(N, N)).bytes();
        int planted = 0, detected = 0, valid = 0;
        int[] truth = new int[N * N], found = new int[N * N];
        int j = 0;
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < N; c++) {
                int v = cls[r * N + c] & 0xFF;
                if (v == CvaRaster.NO_DATA) continue; // SCL cloud classes
                valid++;
                int t = type(c, r);
                if (t > 0) {
                    planted++;
                    if (v > 0) detected++;
                    truth[j] = t;
                    found[j++] = v;
                }
            }
        }
        assertTrue(valid > N * N / 2 && planted > 2000, valid + " valid, " + planted + " planted");
        assertTrue(detected >= 0.95 * planted, detected + " of " + planted);
        double ari = SyntheticPair.adjustedRand(java.util.Arrays.copyOf(truth, j), java.util.Arrays.copyOf(found, j), 3);
        assertTrue(ari >= 0.9, "adjusted Rand index " + ari);
    }
}
