package eu.ai4c.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void plainLineFormat() {
        StageProgress.State s = new StageProgress.State("Warp", 120, 342, 4_200_000_000L);
        assertEquals("[12:00:01] Warp: 35% (120/342 tiles), 4.2 s elapsed",
                ProgressLines.line(s, LocalTime.of(12, 0, 1)));
    }

    @Test
    void barFormatWithEta() {
        StageProgress.State s = new StageProgress.State("Warp", 171, 342, 4_000_000_000L);
        assertEquals("Warp [############------------]  50%  171/342 tiles  4.0 s  ETA 4.0 s", TerminalProgressBar.line(s));
        assertEquals("1 min 05 s", StageProgress.seconds(65_000_000_000L));
        assertEquals("2 h 03 min", StageProgress.seconds((2 * 3600 + 3 * 60 + 9) * 1_000_000_000L));
    }

    @Test
    void linesAreRateLimitedButTheLastIsAlwaysShown() throws InterruptedException {
        StringWriter sw = new StringWriter();
        ProgressLines p = new ProgressLines(new PrintWriter(sw));
        p.begin("Stage", 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 10_000; i++) pool.execute(() -> p.worked(1));
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        p.end();
        List<String> lines = sw.toString().lines().toList();
        assertEquals(1, lines.size(), "2 s interval: only the 100 % line\n" + sw);
        assertTrue(lines.get(0).contains("Stage: 100% (10000/10000 tiles)"), lines.get(0));
    }

    @Test
    void everyIntervalGivesALineAndStagesRestart() {
        StringWriter sw = new StringWriter();
        ProgressLines p = new ProgressLines(new PrintWriter(sw), 0);
        p.begin("A", 4);
        for (int i = 0; i < 4; i++) p.worked(1);
        p.end();
        p.begin("B", 2);
        p.worked(2);
        p.end();
        List<String> lines = sw.toString().lines().map(l -> l.substring(11)).toList();
        assertEquals(List.of("A: 25% (1/4 tiles)", "A: 50% (2/4 tiles)", "A: 75% (3/4 tiles)", "A: 100% (4/4 tiles)",
                "B: 100% (2/2 tiles)"), lines.stream().map(l -> l.substring(0, l.indexOf(','))).toList());
    }

    @Test
    void barRedrawsInPlaceAndEndsWithNewline() {
        StringWriter sw = new StringWriter();
        TerminalProgressBar p = new TerminalProgressBar(new PrintWriter(sw));
        p.begin("S", 3);
        p.worked(3);
        p.end();
        String s = sw.toString();
        assertTrue(s.startsWith("\rS [########################] 100%  3/3 tiles"), s);
        assertTrue(s.endsWith("\n") && s.indexOf('\n') == s.length() - 1, s);
    }

    @Test
    void cancellation() {
        ProgressLines p = new ProgressLines(new PrintWriter(new StringWriter()));
        assertTrue(!p.isCancelled());
        p.cancel();
        assertTrue(p.isCancelled());
    }
}
