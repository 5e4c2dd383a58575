package eu.ai4c.aq.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.aq.testing.TestCams;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four aqgan services end to end on tiny synthetic data: pre-processing, one epoch of training,
 * generation (CF netCDF checked by ncdump and GDAL, GeoTIFF, points CSV, skill report) and the
 * one-file prediction with its missing-variable message.
 */
class AqganOperatorsTest {
    @TempDir
    Path dir;

    private static ParameterValues params(FileOperator op, Map<String, String> raw) {
        return op.descriptor().validate(raw);
    }

    @Test
    void preprocTrainGenerateAndPredict() throws Exception {
        TestCams.setUpTiny(dir, 12);
        Path out = dir.resolve("out");
        Map<String, String> common = new LinkedHashMap<>();
        common.put("startDate", "2024010100");
        common.put("endDate", "2024010221");
        common.put("config", dir.resolve("config.yaml").toString());
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);

        List<Path> pre = new AqganPreprocOperator().write(Map.of(), params(new AqganPreprocOperator(), common), out, ctx);
        assertEquals(List.of(out.resolve("samples/cams_train.nc"), out.resolve("samples/cams_val.nc")), pre);
        try (NetcdfFile f = Netcdf.open(pre.get(0))) {
            // 12 steps, 10 for training, 2 × 2 frames of 32 × 32 each
            assertEquals(40, f.variable("lr").shape()[0]);
            assertEquals("pm2p5,u10,v10,t2m,lsm,sp,z,pm10", f.globalAttributes().get("lr_inputs"));
            assertEquals(8, f.variable("lr_mean").size());
        }

        List<Path> trained = new AqganTrainOperator().write(Map.of(), params(new AqganTrainOperator(), common), out, ctx);
        assertEquals(out.resolve("srgan_cams.aqgan"), trained.get(0));
        List<String> log = Files.readAllLines(out.resolve("srgan_cams_training_log.csv"));
        assertTrue(log.get(0).startsWith("epoch,critic_loss,generator_loss,wasserstein_distance"), log.get(0));
        assertEquals(2, log.size());
        for (String v : log.get(1).split(",")) assertTrue(!v.equals("NaN"), "finite losses: " + log.get(1));
        Path curves = out.resolve("srgan_cams_training_curves.png");
        assertTrue(trained.contains(curves), trained.toString());
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(curves.toFile());
        assertEquals(900, chart.getWidth());
        assertEquals(600, chart.getHeight());

        Path points = dir.resolve("points.csv");
        Files.writeString(points, "id,lat,lon\ncity,45.0,9.0\noutside,10.0,10.0\n");
        Map<String, String> gen = new LinkedHashMap<>(common);
        gen.put("startDate", "2024010203");
        gen.put("points", points.toString());
        List<Path> files = new AqganGenerateOperator().write(Map.of(), params(new AqganGenerateOperator(), gen), out, ctx);
        Path nc = out.resolve("cams_srgan_2024010203_2024010221.nc");
        assertTrue(files.containsAll(List.of(nc, out.resolve("cams_srgan_2024010203_2024010221_mean.tif"),
                out.resolve("cams_srgan_2024010203_2024010221_points.csv"),
                out.resolve("cams_srgan_2024010203_2024010221_skill.json"),
                out.resolve("cams_srgan_2024010203_2024010221_skill.png"))), files.toString());
        try (NetcdfFile f = Netcdf.open(nc)) {
            NcVariable pm = f.variable("pm2p5");
            assertEquals(List.of("time", "member", "lat", "lon"), pm.dimensions());
            assertEquals(4, pm.shape()[1]);
            assertEquals(64, pm.shape()[3]);
            float[] t0 = f.read(pm, 0);
            float[] m1 = Arrays.copyOfRange(t0, 0, 64 * 64);
            float[] m2 = Arrays.copyOfRange(t0, 64 * 64, 2 * 64 * 64);
            assertNotEquals(Arrays.hashCode(m1), Arrays.hashCode(m2), "members differ");
            float[] mean = f.read(f.variable("pm2p5_mean"), 0);
            double expect = 0;
            for (int k = 0; k < 4; k++) expect += t0[k * 64 * 64 + 100];
            assertEquals(expect / 4, mean[100], 1e-3);
            CfGrid g = CfGrid.of(f, pm);
            assertEquals(0.1, g.latStep(), 1e-6); // float coordinates
        }
        String header = run("ncdump", "-h", nc.toString());
        assertTrue(header.contains(":Conventions = \"CF-1.8\""), header);
        assertTrue(header.contains("pm2p5_std:long_name"), header);
        JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "--config", "GDAL_NETCDF_VERIFY_DIMS", "NO", "-json",
                "NETCDF:\"" + nc + "\":pm2p5_mean"));
        assertEquals(64, info.get("size").get(0).asInt());
        JsonNode tif = new ObjectMapper().readTree(run("gdalinfo", "-json", out.resolve(
                "cams_srgan_2024010203_2024010221_mean.tif").toString()));
        assertEquals(3, tif.get("bands").size(), "one band per time step (03, 06, 09 h of 2 January)");
        List<String> csv = Files.readAllLines(out.resolve("cams_srgan_2024010203_2024010221_points.csv"));
        assertEquals("id,lat,lon,time,mean,std,member_1,member_2,member_3,member_4", csv.get(0));
        assertEquals(1 + 3, csv.size(), "the point inside, 3 times; the point outside left out");
        JsonNode skill = new ObjectMapper().readTree(out.resolve("cams_srgan_2024010203_2024010221_skill.json").toFile());
        assertTrue(skill.get("srgan_ensemble").get("crps").asDouble() > 0);
        assertTrue(skill.get("bicubic").get("rmse").asDouble() > 0);

        // aqgan-predict on the LR file itself, and on a file without pm10 and sp
        Map<String, String> pred = new LinkedHashMap<>();
        pred.put("modelFile", out.resolve("srgan_cams.aqgan").toString());
        pred.put("input", dir.resolve("data/cams_lr.nc").toString());
        pred.put("staticPath", dir.resolve("data/static_hr.nc").toString());
        pred.put("members", "2");
        List<Path> predicted = new AqganPredictOperator().write(Map.of(), params(new AqganPredictOperator(), pred),
                dir.resolve("pred"), ctx);
        assertEquals(dir.resolve("pred/cams_lr_srgan.nc"), predicted.get(0));
        Path partial = dir.resolve("partial.nc");
        writeWithout(dir.resolve("data/cams_lr.nc"), partial, List.of("pm10", "sp"));
        pred.put("input", partial.toString());
        Ai4cException e = assertThrows(Ai4cException.class, () -> new AqganPredictOperator().write(Map.of(),
                params(new AqganPredictOperator(), pred), dir.resolve("pred2"), ctx));
        assertTrue(e.getMessage().contains("lacks the variables sp, pm10"), e.getMessage());
        assertTrue(e.getMessage().contains("partial.nc"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("pred2/partial_srgan.nc")));

        // the LR file with time made the record dimension and no records (classic header: a dimension's
        // length, 0 = unlimited, follows its name; the header's record count is 0): nothing to downscale
        byte[] bytes = Files.readAllBytes(dir.resolve("data/cams_lr.nc"));
        String lrHeader = new String(bytes, 0, 200, StandardCharsets.ISO_8859_1);
        int at = lrHeader.indexOf("\0\0\0\4time") + 8;
        assertTrue(at > 8 && java.nio.ByteBuffer.wrap(bytes, at, 4).getInt() > 0, "the time dimension's length");
        Arrays.fill(bytes, at, at + 4, (byte) 0);
        Path noSteps = Files.write(dir.resolve("no_steps.nc"), bytes);
        pred.put("input", noSteps.toString());
        e = assertThrows(Ai4cException.class, () -> new AqganPredictOperator().write(Map.of(),
                params(new AqganPredictOperator(), pred), dir.resolve("pred3"), ctx));
        assertTrue(e.getMessage().contains("no_steps.nc") && e.getMessage().contains("no time steps"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("pred3/no_steps_srgan.nc")));
    }

    /**
     * A training that dies in the last of three epochs (here: a listener throws at its end, before
     * its checkpoint, as a kill would stop it) leaves the checkpoint of epoch 2 and the best model
     * so far, and --resume continues from epoch 3.
     */
    @Test
    void checkpointAfterEveryEpoch() throws Exception {
        TestCams.setUpTiny(dir, 12);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, Files.readString(config).replace("epochs: 1", "epochs: 3"));
        Path out = dir.resolve("out");
        Map<String, String> common = new LinkedHashMap<>();
        common.put("startDate", "2024010100");
        common.put("endDate", "2024010221");
        common.put("config", config.toString());
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        new AqganPreprocOperator().write(Map.of(), params(new AqganPreprocOperator(), common), out, ctx);
        eu.ai4c.aq.model.SrganTrainer dying = new eu.ai4c.aq.model.SrganTrainer(
                eu.ai4c.aq.config.ConfigYaml.read(config));
        dying.addListener(e -> {
            if (e.epoch() == 3) throw new IllegalStateException("killed in epoch 3");
        });
        AqganTrainOperator op = new AqganTrainOperator();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> op.train(params(op, common), out, ctx, dying));
        assertEquals("killed in epoch 3", e.getMessage());
        assertEquals(2, eu.ai4c.aq.model.SrganModelFile.read(out.resolve("srgan_cams_checkpoint.aqgan")).epoch());
        int best = eu.ai4c.aq.model.SrganModelFile.read(out.resolve("srgan_cams.aqgan")).epoch();
        assertTrue(best == 1 || best == 2, "best epoch " + best);

        Map<String, String> resume = new LinkedHashMap<>(common);
        resume.put("resume", "true");
        op.write(Map.of(), params(op, resume), out, ctx);
        List<String> log = Files.readAllLines(out.resolve("srgan_cams_training_log.csv"));
        assertEquals(4, log.size(), "the two epochs before, and one more: " + log);
        assertTrue(log.get(1).startsWith("1,") && log.get(2).startsWith("2,"), log.toString());
        assertTrue(log.get(3).startsWith("3,"), log.get(3));
        assertEquals(3, eu.ai4c.aq.model.SrganModelFile.read(out.resolve("srgan_cams_checkpoint.aqgan")).epoch());
    }

    /** Copies a CAMS-like file without some variables (values unpacked to float). */
    private static void writeWithout(Path src, Path dst, List<String> drop) throws IOException {
        try (NetcdfFile f = Netcdf.open(src)) {
            Netcdf3Writer w = new Netcdf3Writer();
            f.dimensions().forEach(d -> w.dimension(d.name(), (int) d.length()));
            for (NcVariable v : f.variables()) {
                if (drop.contains(v.name())) continue;
                Map<String, Object> atts = new LinkedHashMap<>(v.attributes());
                atts.keySet().removeAll(List.of("scale_factor", "add_offset", "_FillValue", "missing_value"));
                w.variable(v.name(), v.rank() > 1 ? NcType.FLOAT : NcType.DOUBLE, v.dimensions(), atts);
            }
            w.write(dst, (name, index, out) -> {
                double[] vals = f.readDouble(f.variable(name), index);
                System.arraycopy(vals, 0, out, 0, vals.length);
            });
        }
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail(cmd[0] + " is not installed: install netcdf-bin and gdal-bin (.ci/run does).");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail(String.join(" ", cmd) + " failed: " + err);
        return out;
    }
}
