package eu.ai4c.s1.cd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.synthetic.RepeatPassPair;
import eu.ai4c.s1.synthetic.SyntheticGrd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S1-CD's refusals of pairs that cannot be compared, each naming the values, and a stripmap pair. */
class S1CdInputsTest {
    @TempDir
    Path dir;

    static Product run(Path a, Path b, Map<String, String> extra) throws Exception {
        S1CdOperator op = new S1CdOperator();
        Map<String, String> params = new HashMap<>(Map.of("resolution", "20", "speckle", "None"));
        params.putAll(extra);
        return op.apply(Map.of("input1", ProductIO.read(a), "input2", ProductIO.read(b)), op.descriptor().validate(params),
                ProcessingContext.defaults());
    }

    static RepeatPassPair.Builder small() {
        return RepeatPassPair.builder(200, 60, 2).swaths(1);
    }

    Ai4cException refused(Path a, Path b, Map<String, String> extra) {
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(a, b, extra));
        assertTrue(e.isUsageError(), e.getMessage());
        return e;
    }

    @Test
    void anIntervalThatIsNoWholeNumberOfCyclesIsRefused() throws Exception {
        Path[] p = small().intervalDays(7).build().write(dir);
        String m = refused(p[0], p[1], Map.of()).getMessage();
        assertTrue(m.contains("7.000 days apart, not a whole multiple of the 6-day cycle"), m);
    }

    @Test
    void anotherRelativeOrbitIsRefused() throws Exception {
        Path[] p = small().orbitShift(3).build().write(dir);
        String m = refused(p[0], p[1], Map.of()).getMessage();
        assertTrue(m.contains("relative orbits differ: 76 and 79"), m);
    }

    @Test
    void aPolarisationMissingInOneProductIsRefused() throws Exception {
        Path[] p = small().build().write(dir);
        String m = refused(p[0], p[1], Map.of("polarization", "VH")).getMessage();
        assertTrue(m.contains("polarisation VH is not in"), m);
        assertTrue(m.contains("(it has [VV])"), m);
    }

    @Test
    void footprintsThatDoNotOverlapAreRefused() throws Exception {
        Path[] a = small().build().write(Files.createDirectories(dir.resolve("a")));
        Path[] b = small().centre(45.5, 20.0).build().write(Files.createDirectories(dir.resolve("b")));
        String m = refused(a[0], b[1], Map.of()).getMessage();
        assertTrue(m.contains("footprints do not overlap"), m);
    }

    @Test
    void aGrdProductAsEitherInputIsRefused() throws Exception {
        Path[] p = small().build().write(dir);
        Path grd = SyntheticGrd.builder(300, 200).build().write(dir);
        for (Path[] order : new Path[][] {{grd, p[1]}, {p[0], grd}}) {
            String m = refused(order[0], order[1], Map.of()).getMessage();
            assertTrue(m.contains("is a Sentinel-1 GRD product; S1-CD needs two SLC products"), m);
        }
    }

    @Test
    void twoPolarisationsAreRefused() throws Exception {
        Path[] p = small().build().write(dir);
        String m = refused(p[0], p[1], Map.of("polarization", "VV,VH")).getMessage();
        assertTrue(m.contains("S1-CD compares one"), m);
    }

    /** A stripmap pair has no bursts: no ESD, the rest of the chain as for IW, at the SM default of 5 m. */
    @Test
    void aStripmapPairIsComparedWithoutEsd() throws Exception {
        Path[] p = RepeatPassPair.stripmap(240, 300).area(0, 100, 200, 60, 160, 0.05, 0.6, 0.1).build().write(dir);
        S1CdOperator op = new S1CdOperator();
        Product out = op.apply(Map.of("input1", ProductIO.read(p[0]), "input2", ProductIO.read(p[1])),
                op.descriptor().validate(Map.of("speckle", "None")), ProcessingContext.defaults());
        S1CdOperator.Run run = out.attachment(S1CdOperator.Run.class).orElseThrow();
        assertTrue(Double.isNaN(run.esdShift()));
        assertEquals(java.util.List.of("S3"), run.swaths());
        Raster r = out.raster();
        float[] g = r.read(0, Region.of(r.width(), r.height())).toFloats();
        long valid = 0;
        for (float v : g) if (!Float.isNaN(v)) valid++;
        assertTrue(valid > 10_000, valid + " valid coherence pixels");
        double[] gt = ((eu.ai4c.kit.geo.MapGeoCoding) r.geoCoding()).geoTransform();
        assertEquals(5 / 6378137.0 * 180 / Math.PI, gt[1], 1e-12, "SM default resolution 5 m");
    }
}
