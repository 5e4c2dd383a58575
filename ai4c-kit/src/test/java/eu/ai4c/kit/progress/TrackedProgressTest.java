package eu.ai4c.kit.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackedProgressTest {

    /** Records what the hooks were told. */
    private static final class Recorder extends TrackedProgress {
        final List<String> events = new ArrayList<>();
        State ended;

        @Override
        protected void stageBegun(String stage, long total, long startNanos) {
            events.add("begin " + stage + " " + tiles(total));
        }

        @Override
        protected void advanced(long done, long total) {
            events.add(done + "/" + total);
        }

        @Override
        protected void stageEnded(State state) {
            ended = state;
        }
    }

    @Test
    void countsUnitsPerStageAndClampsTheEndState() {
        Recorder p = new Recorder();
        p.begin("Warp", 3);
        p.worked(2);
        p.worked(2);
        p.end();
        assertEquals(List.of("begin Warp 3 tiles", "2/3", "4/3"), p.events);
        assertEquals("Warp", p.ended.stage());
        assertEquals(3, p.ended.done());
        assertEquals(100, p.ended.percent());
        assertTrue(p.ended.elapsedNanos() >= 0);

        p.begin("Write", 1);
        p.end();
        assertEquals("begin Write 1 tile", p.events.get(3));
        assertEquals(0, p.ended.done(), "a new stage starts from zero");
    }

    @Test
    void stateEstimatesTimeLeftAndCancellationSticks() {
        TrackedProgress.State s = new TrackedProgress.State("S", 25, 100, 1_000);
        assertEquals(25, s.percent());
        assertEquals(3_000, s.etaNanos());
        assertEquals(-1, new TrackedProgress.State("S", 0, 100, 1_000).etaNanos());

        Recorder p = new Recorder();
        assertFalse(p.isCancelled());
        p.cancel();
        assertTrue(p.isCancelled());
        assertThrows(Progress.Cancelled.class, p::checkCancelled);
    }
}
