package eu.ai4c.s1.safe;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;

/**
 * Any bytes given as a Sentinel-1 manifest, annotation, calibration or noise file either parse or
 * are refused with {@link Ai4cException}, naming the file; never another exception, never a hang.
 * {@code mvn verify} runs the kept inputs of {@code SafeXmlFuzzTestInputs/<method>/} (the files
 * of a small synthetic GRD and SLC product, and findings); {@code JAZZER_FUZZ=1} fuzzes.
 */
class SafeXmlFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void manifest(byte[] xml) {
        try {
            Manifest.parse(xml, "manifest.safe");
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }

    @FuzzTest(maxDuration = "2m")
    void annotation(byte[] xml) {
        try {
            Annotation.parse(xml, "annotation.xml");
            TopsTiming.parse(xml, "annotation.xml");
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }

    /**
     * SLC annotations (TOPS and stripmap): the image description, and the burst table with its
     * valid-sample arrays, FM rates and Doppler centroids, which deburst relies on.
     */
    @FuzzTest(maxDuration = "2m")
    void slcAnnotation(byte[] xml) {
        try {
            Annotation.parse(xml, "annotation.xml");
            TopsTiming t = TopsTiming.parse(xml, "annotation.xml");
            t.swathTiming().ifPresent(st -> {
                for (Burst b : st.bursts()) {
                    if (b.firstValidSample().length != st.linesPerBurst()) {
                        throw new AssertionError("burst " + b.index());
                    }
                    b.firstValidLine();
                    b.lastValidSampleOfRectangle();
                }
            });
        } catch (Ai4cException e) {
            eu.ai4c.kit.testing.FuzzInput.refused(e);
        }
    }

    @FuzzTest(maxDuration = "2m")
    void calibration(byte[] xml) {
        try {
            CalibrationLuts.parse(xml, "calibration.xml");
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }

    @FuzzTest(maxDuration = "2m")
    void noise(byte[] xml) {
        try {
            NoiseLuts.parse(xml, "noise.xml");
        } catch (Ai4cException expected) {
            // refused with a message
        }
    }
}
