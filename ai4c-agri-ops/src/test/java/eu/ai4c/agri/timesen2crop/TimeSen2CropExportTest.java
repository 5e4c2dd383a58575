package eu.ai4c.agri.timesen2crop;

import eu.ai4c.agri.timesen2crop.synthetic.SyntheticTimeSen2Crop;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.NumPy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.*;

/** The timesen2crop-export operator, its files checked by NumPy against the CSV files themselves. */
class TimeSen2CropExportTest {
    @TempDir Path dir;

    /** Loads every sample CSV of the tiles in reader order as A[N, ts, 9], C[N, ts], Y[N] (NumPy, independent). */
    private static String loadCsv(Path data, String... tiles) {
        return String.join("\n",
                "import numpy as np, os, datetime",
                "A=[]; C=[]; Y=[]; D={}",
                "for t in " + pyList(tiles) + ":",
                "    D[t]=[datetime.datetime.strptime(l.strip(),'%Y%m%d').date() for l in open(os.path.join('" + data
                        + "',t,'dates.csv')).read().split()[1:]]",
                "    for c in range(16):",
                "        folder=os.path.join('" + data + "',t,str(c))",
                "        for f in sorted(os.listdir(folder), key=lambda n: int(n[:-4])):",
                "            m=np.loadtxt(os.path.join(folder,f), delimiter=',', skiprows=1)",
                "            A.append(m[:,:9]); C.append(m[:,9]); Y.append(c)",
                "A=np.array(A,dtype=np.float32); C=np.array(C); Y=np.array(Y)");
    }

    private static String pyList(String... s) {
        return "[" + String.join(",", Stream.of(s).map(x -> "'" + x + "'").toList()) + "]";
    }

    /** Runs as a front end does: {@code --output_dir} is the output folder, the rest the operator's parameters. */
    private static TimeSen2CropExport.Summary run(Map<String, String> params) throws Exception {
        TimeSen2CropExportOperator op = (TimeSen2CropExportOperator) OperatorRegistry.load().get("timesen2crop-export");
        Map<String, String> rest = new LinkedHashMap<>(params);
        Path out = Path.of(rest.remove("--output_dir"));
        return op.export(op.descriptor().validate(rest), out, ProcessingContext.defaults());
    }

    private static Map<String, String> params(Path in, Path out, String... more) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("--input_dir", in.toString());
        p.put("--output_dir", out.toString());
        for (int i = 0; i < more.length; i += 2) p.put(more[i], more[i + 1]);
        return p;
    }

    @Test
    void registeredWithTheSpecificationsSpellings() {
        eu.ai4c.kit.op.OperatorDescriptor d = OperatorRegistry.load().get("timesen2crop-export").descriptor();
        assertEquals("Agriculture", d.category());
        assertInstanceOf(eu.ai4c.kit.op.FileOperator.class, OperatorRegistry.load().get("timesen2crop-export"));
        assertTrue(d.sources().isEmpty());
        assertEquals("--input_dir", d.parameter("inputDir").orElseThrow().option());
        assertTrue(d.parameter("outputDir").isEmpty(), "the output folder is the front end's --output_dir");
        assertEquals("2017", d.parameter("seasonStart").orElseThrow().defaultValue());
        assertEquals("--season_start", d.parameter("seasonStart").orElseThrow().option());
        assertEquals("0.2", d.parameter("valFraction").orElseThrow().defaultValue());
        assertEquals("true", d.parameter("monthly").orElseThrow().defaultValue());
        Ai4cException e = assertThrows(Ai4cException.class, () -> d.validate(Map.of()));
        assertTrue(e.isUsageError() && e.getMessage().contains("--input_dir"), e.getMessage());
    }

    @Test
    void monthlyExportEqualsIndependentMedians() throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("out");
        SyntheticTimeSen2Crop.write(data, 4, 3, "33UVP");
        TimeSen2CropExport.Summary summary = run(params(data, out, "--val_fraction", "0", "--season_start", "2017"));
        assertFalse(Files.exists(out.resolve("val")));
        assertEquals(4, summary.trainPerClass()[15]);
        assertEquals(0, summary.validationPerClass()[15]);
        String check = loadCsv(data, "33UVP") + "\n" + String.join("\n",
                "X=np.load('" + out.resolve("train.npy") + "'); y=np.load('" + out.resolve("y_train.npy") + "')",
                "month=np.array([(d.year-2017)*12+d.month-9 for d in D['33UVP']])",
                "M=np.zeros((len(A),12,9),dtype=np.float64); gaps=0",
                "for i in range(len(A)):",
                "    have=[k for k in range(12) if ((month==k)&(C[i]==0)).any()]; gaps+=12-len(have)",
                "    for k in have: M[i,k]=np.median(A[i][(month==k)&(C[i]==0)].astype(np.float64),axis=0)",
                "    for b in range(9): M[i,:,b]=np.interp(np.arange(12), have, M[i,have,b])",
                "print(X.dtype, X.shape, y.dtype, y.shape, (y==Y).all(), gaps > 0, float(np.abs(X-M).max()) < 0.01, float(X[5,3,6]) == float(np.float32(M[5,3,6])) or abs(float(X[5,3,6]) - M[5,3,6]) < 0.01)");
        // gaps > 0: some months have no clear observation, so the interpolation is checked too
        assertEquals("float32 (64, 12, 9) int64 (64,) True True True True", NumPy.run(check).trim());
    }

    @Test
    void rawExportSplitsEachClassInProportionDeterministically() throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("out");
        SyntheticTimeSen2Crop.write(data, 10, 4, "33UVP", "33TWN");
        TimeSen2CropExport.Summary s = run(params(data, out, "--monthly", "false", "--val_fraction", "0.3",
                "--seed", "9"));
        for (int c = 0; c < 16; c++) {
            assertEquals(6, s.validationPerClass()[c], "class " + c); // round(20 × 0.3)
            assertEquals(14, s.trainPerClass()[c], "class " + c);
        }
        assertEquals(out.resolve("val").resolve("train.npy").toAbsolutePath(), s.validationSamples());
        String check = loadCsv(data, "33TWN", "33UVP") + "\n" + String.join("\n",
                "X=np.load('" + out.resolve("train.npy") + "'); y=np.load('" + out.resolve("y_train.npy") + "')",
                "V=np.load('" + out.resolve("val/train.npy") + "'); w=np.load('" + out.resolve("val/y_train.npy") + "')",
                "rows={A[i].tobytes(): Y[i] for i in range(len(A))}",
                "both=[r.tobytes() for r in X]+[r.tobytes() for r in V]",
                "ok=set(both)==set(rows) and len(set(both))==len(both) and all(rows[r.tobytes()]==l for r,l in zip(X,y))"
                        + " and all(rows[r.tobytes()]==l for r,l in zip(V,w))",
                "print(X.dtype, X.shape, V.shape, w.dtype, np.bincount(w).tolist()==[6]*16, ok)");
        assertEquals("float32 (224, 73, 9) (96, 73, 9) int64 True True", NumPy.run(check).trim());

        byte[] val = Files.readAllBytes(out.resolve("val/y_train.npy"));
        byte[] valSamples = Files.readAllBytes(out.resolve("val/train.npy"));
        run(params(data, out, "--monthly", "false", "--val_fraction", "0.3", "--seed", "9"));
        assertArrayEquals(valSamples, Files.readAllBytes(out.resolve("val/train.npy")));
        assertArrayEquals(val, Files.readAllBytes(out.resolve("val/y_train.npy")));
        TimeSen2CropExport.Summary other = run(params(data, out, "--monthly", "false", "--val_fraction", "0.3",
                "--seed", "10"));
        assertArrayEquals(s.validationPerClass(), other.validationPerClass()); // same proportions …
        assertFalse(java.util.Arrays.equals(valSamples, Files.readAllBytes(out.resolve("val/train.npy")))); // … other fields
    }

    @Test
    void badInputWritesNothing() throws Exception {
        Path data = dir.resolve("data"), out = dir.resolve("out");
        TimeSen2CropReaderTest.handWritten(data);
        TimeSen2CropReaderTest.file(data.resolve("T1/5/bad.csv"), "1,2,3,4,5,6,7,8,9,0\n1,2,3\n1,2,3,4,5,6,7,8,9,0\n");
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(params(data, out)));
        assertTrue(e.getMessage().contains("bad.csv, line 2: 3 columns, expected 10"), e.getMessage());
        assertFalse(Files.exists(out), "nothing may be written");

        Files.delete(data.resolve("T1/5/bad.csv"));
        e = assertThrows(Ai4cException.class, () -> run(params(data, out, "--tiles", "T1,33UVP")));
        assertTrue(e.isUsageError() && e.getMessage().contains("33UVP") && e.getMessage().contains("Tiles there: T1"),
                e.getMessage());
        e = assertThrows(Ai4cException.class, () -> run(params(data, out, "--season_start", "2019")));
        assertTrue(e.getMessage().contains("no acquisition between September 2019 and August 2020"), e.getMessage());
        SyntheticTimeSen2Crop.write(data, 1, 1, "33UVP");
        e = assertThrows(Ai4cException.class, () -> run(params(data, out, "--monthly", "false")));
        assertTrue(e.getMessage().contains("raw series of different lengths"), e.getMessage());
        assertFalse(Files.exists(out), "nothing may be written");

        e = assertThrows(Ai4cException.class, () -> run(params(data, out, "--val_fraction", "1")));
        assertTrue(e.isUsageError(), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> run(params(data, data.resolve("T1/out"))));
        assertTrue(e.getMessage().contains("inside --input_dir"), e.getMessage());
    }
}
