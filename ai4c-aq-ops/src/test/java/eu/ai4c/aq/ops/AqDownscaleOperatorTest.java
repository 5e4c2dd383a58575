package eu.ai4c.aq.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.data.CamsProducts;
import eu.ai4c.aq.synthetic.SyntheticCams;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.raster.Region;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AQ-Downscale} on a product against {@code aqgan-predict} on the file it was made from: a
 * tiny synthetic CAMS field ({@link SyntheticCams#TINY_CONFIG}, one epoch), the LR bands of time
 * steps 0 and 2 as a product on the geotransform a netCDF reader derives from the file's
 * coordinates ({@link CamsProducts}: corner = first centre − half a step), members, mean and spread equal predict's to
 * the last bit with the step index as seed offset; tiles are windows of the whole; the geocoding is
 * predict's HR grid; missing bands, a wrong band count and a projected product are refused naming
 * them.
 */
class AqDownscaleOperatorTest {
    private static final int MEMBERS = 3;

    @TempDir
    Path dir;

    @Test
    void equalsPredictBitForBit() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        new SyntheticCams(64, 64, 8, 46.0, 8.0, 0.1, Instant.parse("2024-01-01T00:00:00Z"), 12, 3, 5).write(data);
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, SyntheticCams.TINY_CONFIG);
        Path out = dir.resolve("out");
        Map<String, String> period = Map.of("startDate", "2024010100", "endDate", "2024010221", "config", config.toString());
        ProcessingContext ctx = ProcessingContext.defaults().withThreads(2);
        fileOp("aqgan-preproc").write(Map.of(), fileOp("aqgan-preproc").descriptor().validate(period), out, ctx);
        fileOp("aqgan-train").write(Map.of(), fileOp("aqgan-train").descriptor().validate(period), out, ctx);
        Path model = out.resolve("srgan_cams.aqgan");
        Path lrFile = data.resolve("cams_lr.nc");
        Path statics = data.resolve(SyntheticCams.STATIC_FILE);
        Map<String, String> pred = new LinkedHashMap<>();
        pred.put("modelFile", model.toString());
        pred.put("input", lrFile.toString());
        pred.put("staticPath", statics.toString());
        pred.put("members", Integer.toString(MEMBERS));
        Path predicted = fileOp("aqgan-predict").write(Map.of(), fileOp("aqgan-predict").descriptor().validate(pred),
                dir.resolve("pred"), ctx).get(0);

        AqDownscaleOperator op = (AqDownscaleOperator) OperatorRegistry.load().get("AQ-Downscale");
        try (NetcdfFile p = Netcdf.open(predicted)) {
            NcVariable pm = p.variable("pm2p5");
            CfGrid hr = CfGrid.of(p, pm);
            int plane = hr.width() * hr.height();
            for (int step : new int[] {0, 2}) {
                // step 2 with bands named as one time slice of a multi-step product, chosen with --bands
                String suffix = step == 0 ? "" : "_time" + step;
                Product product = lrProduct(lrFile, step, suffix);
                Map<String, String> raw = new LinkedHashMap<>();
                raw.put("modelFile", model.toString());
                raw.put("staticPath", statics.toString());
                raw.put("members", Integer.toString(MEMBERS));
                raw.put("stepIndex", Integer.toString(step));
                if (step != 0) {
                    raw.put("bands", String.join(",", List.of("pm2p5", "u10", "v10", "t2m", "lsm", "sp", "z", "pm10")
                            .stream().map(n -> n + suffix).toList()));
                }
                Product down = op.apply(Map.of("input", product), op.descriptor().validate(raw), ctx);
                Raster r = down.raster();
                assertEquals(hr.width(), r.width());
                assertEquals(hr.height(), r.height());
                List<String> names = r.bands().stream().map(Band::name).toList();
                assertEquals(List.of("pm2p5_mean", "pm2p5_std", "pm2p5_member_1", "pm2p5_member_2", "pm2p5_member_3"),
                        names);
                float[] members = hr.toCanonical(p.read(pm, step));
                for (int m = 0; m < MEMBERS; m++) {
                    float[] expected = Arrays.copyOfRange(members, m * plane, (m + 1) * plane);
                    float[] got = r.read(2 + m, r.bounds()).floats();
                    assertArrayEquals(expected, got, "member " + (m + 1) + " at step " + step + ": bit for bit");
                }
                assertArrayEquals(hr.toCanonical(p.read(p.variable("pm2p5_mean"), step)), r.read(0, r.bounds()).floats(),
                        "ensemble mean at step " + step);
                assertArrayEquals(hr.toCanonical(p.read(p.variable("pm2p5_std"), step)), r.read(1, r.bounds()).floats(),
                        "ensemble standard deviation at step " + step);
                // predict also wrote the LR input it downscaled (the viewer's comparison): the file's pm2p5
                assertArrayEquals(product.raster().read(0, product.raster().bounds()).floats(),
                        p.read(p.variable("pm2p5_lr"), step), "LR input written at step " + step);
                assertNotEquals(Arrays.hashCode(r.read(2, r.bounds()).floats()), Arrays.hashCode(r.read(3, r.bounds()).floats()),
                        "members differ");
                // a tile is the window of the whole
                Region tile = new Region(5, 7, 20, 13);
                float[] whole = r.read(3, r.bounds()).floats();
                float[] t = r.read(3, tile).floats();
                for (int y = 0; y < tile.height(); y++) {
                    for (int x = 0; x < tile.width(); x++) {
                        assertEquals(whole[(tile.y() + y) * r.width() + tile.x() + x], t[y * tile.width() + x], 0.0);
                    }
                }
                // geocoding: predict's HR grid (cell corners half a step off the centres)
                double[] gt = ((MapGeoCoding) r.geoCoding()).geoTransform();
                assertEquals(hr.west() - hr.lonStep() / 2, gt[0], 1e-9);
                assertEquals(hr.north() + hr.latStep() / 2, gt[3], 1e-9);
                assertEquals(hr.lonStep(), gt[1], 1e-9);
                assertEquals(-hr.latStep(), gt[5], 1e-9);
            }
        }

        // refusals naming what is wrong
        int steps;
        try (var f = eu.ai4c.kit.io.netcdf.Netcdf.open(lrFile)) {
            steps = (int) f.variable("pm2p5").shape()[0];
        }
        Ai4cException noStep = assertThrows(Ai4cException.class, () -> lrProduct(lrFile, steps, ""));
        assertTrue(noStep.getMessage().contains("has " + steps + " time steps; there is no step " + steps),
                noStep.getMessage());
        Product step0 = lrProduct(lrFile, 0, "_t0");
        Ai4cException missing = assertThrows(Ai4cException.class, () -> op.apply(Map.of("input", step0),
                op.descriptor().validate(Map.of("modelFile", model.toString(), "staticPath", statics.toString())), ctx));
        assertTrue(missing.getMessage().contains("lacks the bands pm2p5 (for pm2p5), u10 (for u10)")
                && missing.getMessage().contains("pm2p5_t0") && missing.getMessage().contains("--bands"), missing.getMessage());
        Ai4cException count = assertThrows(Ai4cException.class, () -> op.apply(Map.of("input", step0),
                op.descriptor().validate(Map.of("modelFile", model.toString(), "staticPath", statics.toString(),
                        "bands", "pm2p5_t0,u10_t0")), ctx));
        assertTrue(count.getMessage().contains("needs 8 inputs, in this order: pm2p5,u10,v10,t2m,lsm,sp,z,pm10"),
                count.getMessage());
        Product utm = Product.of("utm", MemoryRaster.ofFloats("pm2p5", 8, 8, new float[64],
                MapGeoCoding.northUp(Projections.parse("EPSG:32632", 9, 45), 500000, 5000000, 10000, 10000)));
        Ai4cException projected = assertThrows(Ai4cException.class, () -> op.apply(Map.of("input", utm),
                op.descriptor().validate(Map.of("modelFile", model.toString(), "staticPath", statics.toString())), ctx));
        assertTrue(projected.getMessage().contains("not on a latitude-longitude grid")
                && projected.getMessage().contains("Reprojection"), projected.getMessage());
    }

    private static FileOperator fileOp(String alias) {
        return (FileOperator) OperatorRegistry.load().get(alias);
    }

    private static Product lrProduct(Path lrFile, int step, String suffix) throws Exception {
        return CamsProducts.timeStep(lrFile, List.of("pm2p5", "u10", "v10", "t2m", "lsm", "sp", "z", "pm10"), step, suffix);
    }
}
