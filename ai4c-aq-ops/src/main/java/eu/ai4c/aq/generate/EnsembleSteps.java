package eu.ai4c.aq.generate;

import java.io.IOException;

/**
 * The generated ensemble of a period, one time step at a time, as the output writers read it: held
 * in memory ({@link #of}) or spilled to disk while generating ({@link EnsembleSpill}), so that
 * writing a long period needs memory for one step only. Fields are canonical (rows north to
 * south) of {@code cells} values.
 */
public interface EnsembleSteps {
    int steps();

    int members();

    int cells();

    /** {@code [member][cell]} at step {@code t}. */
    float[][] members(int t) throws IOException;

    /** Ensemble mean at step {@code t}. */
    float[] mean(int t) throws IOException;

    /** Ensemble standard deviation (unbiased) at step {@code t}. */
    float[] std(int t) throws IOException;

    /** The members' values of one cell at step {@code t} (length {@link #members()}). */
    float[] cell(int t, int cell) throws IOException;

    /** An ensemble held in memory: {@code [time][member][cell]}. */
    static EnsembleSteps of(float[][][] ensemble) {
        return new EnsembleSteps() {
            @Override
            public int steps() {
                return ensemble.length;
            }

            @Override
            public int members() {
                return ensemble[0].length;
            }

            @Override
            public int cells() {
                return ensemble[0][0].length;
            }

            @Override
            public float[][] members(int t) {
                return ensemble[t];
            }

            @Override
            public float[] mean(int t) {
                return EnsembleOutputs.mean(ensemble[t]);
            }

            @Override
            public float[] std(int t) {
                return EnsembleOutputs.std(ensemble[t], mean(t));
            }

            @Override
            public float[] cell(int t, int cell) {
                float[] v = new float[ensemble[t].length];
                for (int k = 0; k < v.length; k++) v[k] = ensemble[t][k][cell];
                return v;
            }
        };
    }
}
