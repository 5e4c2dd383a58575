package eu.ai4c.agri.testing;

import eu.ai4c.agri.model.ModelFormat;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test model format: a nearest-centroid classifier of pixel series, stored as text
 * ({@code .ncm}): the line {@code AI4C-NEAREST-CENTROID}, then {@code timesteps bands classes}, then
 * one line per class with its centroid's {@code timesteps × bands} values (time-major). The class
 * of a series is the nearest centroid (Euclidean); probabilities are inverse squared distances,
 * normalised. Stands in for the LSTM in tests (real arithmetic on the series, exact expectations).
 * Thread-safe (immutable).
 */
public final class NearestCentroidFormat implements ModelFormat {
    /** Series classified by all instances so far (tests check that no pixel is inferred twice). */
    public static final AtomicLong SERIES_PREDICTED = new AtomicLong();
    static final String MAGIC = "AI4C-NEAREST-CENTROID";

    @Override
    public String name() {
        return "nearest-centroid .ncm (test)";
    }

    @Override
    public boolean accepts(Path file) {
        if (!file.toString().endsWith(".ncm")) return false;
        try (var r = Files.newBufferedReader(file)) {
            return MAGIC.equals(r.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public SequenceClassifier open(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] shape = lines.get(1).trim().split("\\s+");
            int ts = Integer.parseInt(shape[0]), b = Integer.parseInt(shape[1]), k = Integer.parseInt(shape[2]);
            if (lines.size() < 2 + k) throw new Ai4cException(file + ": " + k + " classes but " + (lines.size() - 2) + " centroids");
            float[] centroids = new float[k * ts * b];
            for (int c = 0; c < k; c++) {
                String[] v = lines.get(2 + c).trim().split("\\s+");
                if (v.length != ts * b) throw new Ai4cException(file + ": centroid " + c + " has " + v.length + " values");
                for (int i = 0; i < v.length; i++) centroids[c * ts * b + i] = Float.parseFloat(v[i]);
            }
            return new Classifier(ts, b, k, centroids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a model file with the given centroids ({@code classes × timesteps × bands}). */
    public static Path write(Path file, int timesteps, int bands, float[][] centroids) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC);
        lines.add(timesteps + " " + bands + " " + centroids.length);
        for (float[] c : centroids) {
            StringBuilder sb = new StringBuilder();
            for (float v : c) sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
            lines.add(sb.toString());
        }
        Files.write(file, lines);
        return file;
    }

    private record Classifier(int timesteps, int bands, int classes, float[] centroids) implements SequenceClassifier {
        @Override
        public void predict(float[] x, int offset, int n, float[] probabilities) {
            int len = timesteps * bands;
            SERIES_PREDICTED.addAndGet(n);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    double d = 0;
                    for (int j = 0; j < len; j++) {
                        double e = x[offset + i * len + j] - centroids[c * len + j];
                        d += e * e;
                    }
                    double w = 1 / (d + 1e-6);
                    probabilities[i * classes + c] = (float) w;
                    sum += w;
                }
                for (int c = 0; c < classes; c++) probabilities[i * classes + c] /= (float) sum;
            }
        }

        @Override
        public void close() {
        }
    }
}
