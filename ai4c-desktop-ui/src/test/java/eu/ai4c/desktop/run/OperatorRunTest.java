package eu.ai4c.desktop.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.kit.testing.SampleProducts;
import eu.ai4c.kit.testing.ScaleOp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run on a tiny product: output written, log streamed while it runs, cancellation leaves nothing. */
class OperatorRunTest {
    private final Operator scale = OperatorRegistry.load().get(ScaleOp.ALIAS);

    private OperatorRun run(Path input, Path out, Map<String, String> params, String format) {
        return new OperatorRun(scale, Map.of("input", input), scale.descriptor().validate(params), out,
                ProductIO.writer(format));
    }

    @Test
    void writesTheOutputAndStreamsLogLines(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> linesWhenStageBegan = new CopyOnWriteArrayList<>();
        RunProgress progress = new RunProgress(lines::add, new RunProgress.Listener() {
            @Override public void stage(String name, long total) { linesWhenStageBegan.addAll(lines); }
            @Override public void progressed(long done, long total) { }
        });
        List<Path> written = run(input, out, Map.of("factor", "3", "outputName", "scaled"), "RAW-TEST")
                .execute(ProcessingContext.defaults().withProgress(progress), lines::add);
        assertEquals(out.resolve("scaled.a4r").toAbsolutePath(), written.get(0));
        Product p = ProductIO.read(written.get(0));
        // b1 = 100·y + x, scaled by 3: pixel (4, 2) = 612
        assertEquals(612, p.raster().read(0, new Region(4, 2, 1, 1)).getDouble(0), 0);
        assertTrue(lines.get(0).startsWith("Test-scale: input " + input), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Test-scale: writing ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Write RAW-TEST: started")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Write RAW-TEST: done in")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("Test-scale: done in "), lines.toString());
        // streamed: the reading and writing lines were there before the write stage began
        assertTrue(linesWhenStageBegan.stream().anyMatch(l -> l.startsWith("Test-scale: writing ")),
                linesWhenStageBegan.toString());
    }

    @Test
    void cancellationLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        for (String format : List.of("RAW-TEST", "BEAM-DIMAP", "GeoTIFF")) {
            Path out = Files.createDirectory(dir.resolve("out-" + format));
            RunProgress[] progress = new RunProgress[1];
            progress[0] = new RunProgress(line -> { }, new RunProgress.Listener() {
                @Override public void stage(String name, long total) { }
                @Override public void progressed(long done, long total) { progress[0].cancel(); }
            });
            OperatorRun r = run(input, out, Map.of(), format);
            ProcessingContext ctx = ProcessingContext.defaults().withProgress(progress[0]);
            assertThrows(Progress.Cancelled.class, () -> r.execute(ctx, line -> { }), format);
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of(), left.toList(), format + ": nothing may remain");
            }
        }
    }

    @Test
    void cancelledBeforeStartReadsNothing(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Progress cancelled = Progress.silent();
        cancelled.cancel();
        List<String> lines = new CopyOnWriteArrayList<>();
        assertThrows(Progress.Cancelled.class, () -> run(input, dir, Map.of(), "RAW-TEST")
                .execute(ProcessingContext.defaults().withProgress(cancelled), lines::add));
        assertEquals(List.of(), lines);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(input), left.toList());
        }
    }

    @Test
    void operatorErrorsReachTheCallerAsTheirMessage(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Ai4cException e = assertThrows(Ai4cException.class, () -> run(input, dir, Map.of("bands", "b9"), "RAW-TEST")
                .execute(ProcessingContext.defaults(), line -> { }));
        assertEquals("Test-scale: no band b9 in in", e.getMessage());
    }
}
