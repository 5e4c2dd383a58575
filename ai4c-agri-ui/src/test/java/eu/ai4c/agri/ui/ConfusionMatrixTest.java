package eu.ai4c.agri.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Confusion matrix and accuracies against values counted by hand. */
class ConfusionMatrixTest {
    @Test
    void countsAndAccuraciesMatchAHandCount() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] pred = {0, 1, 0, 1, 1, 2, 0, 2, 2};
        ConfusionMatrix m = ConfusionMatrix.of(truth, pred, 4);
        assertEquals(2, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(3, m.count(2, 2));
        assertEquals(2.0 / 3, m.classAccuracy(0), 1e-12);
        assertEquals(1.0, m.classAccuracy(1), 1e-12);
        assertEquals(0.75, m.classAccuracy(2), 1e-12);
        assertTrue(Double.isNaN(m.classAccuracy(3)), "no sample of class 3");
        assertEquals(7.0 / 9, m.overallAccuracy(), 1e-12);
    }
}
