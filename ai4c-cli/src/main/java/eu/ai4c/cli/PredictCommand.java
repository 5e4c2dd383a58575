package eu.ai4c.cli;

import eu.ai4c.agri.cropmap.CropTypeLegend;
import eu.ai4c.agri.cropmap.SeriesFiles;
import eu.ai4c.agri.model.ModelFiles;
import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ai4c predict --model M FILE}: classifies the pixel time series of one file with a trained
 * model and prints, per series, the class id, its TimeSen2Crop name and the model's probability, as
 * CSV ({@code series,x,y,class_id,class_name,probability}) on stdout or into {@code --output}. Input
 * formats: see {@link SeriesFiles}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Classifies pixel time series with a trained crop-type model.",
        description = {"Reads the series of FILE and prints one CSV line per series: series (0-based index; "
                + "row-major pixel index for images), x and y (pixel column and row, empty for .csv/.npy), "
                + "class_id, class_name (TimeSen2Crop classes 0-15) and probability (of that class).",
            "",
            "FILE is one of:",
            "  .csv   one TimeSen2Crop sample: rows = dates, columns B2,B3,B4,B5,B6,B7,B8A,B11,B12[,condition]"
                + " (header optional). The rows must match the model's time steps: for a model of monthly "
                + "composites give 12 rows, the monthly medians of the clear (condition 0) dates.",
            "  .npy   an array [N, ts, b] or one series [ts, b] (float or integer).",
            "  .tif   a GeoTIFF with ts x b bands, time-major (all bands of month 1, then month 2, ...); "
                + "pixels with no-data get class_id 255 and no probability.",
            "  folder a folder of monthly composites, as for tile_classifier --mc_dir.",
            "Images are limited to 262144 pixels; use tile_classifier for crop maps."},
        footer = {"", "Example: ai4c predict --model lstm.h5 sample_1234.csv",
            "Exit codes: 0 success, 1 processing error, 2 usage error."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "<file>",
            description = "Trained model file (LSTM .h5 from train_lstm, or the pre-trained one).")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.csv>",
            description = "Write the CSV to this file instead of stdout.")
    Path output;

    @Option(names = "--batch_size", paramLabel = "<n>", defaultValue = "4096",
            description = "Series given to the model per call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Parameters(index = "0", paramLabel = "FILE", description = "Series to classify (.csv, .npy, GeoTIFF or folder).")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1) throw eu.ai4c.kit.Ai4cException.usage("--batch_size must be 1 or more, got " + batchSize + ".");
        try (SequenceClassifier classifier = ModelFiles.open(model)) {
            SeriesFiles.Input in = SeriesFiles.read(file, classifier.timesteps(), classifier.bands());
            if (output == null) {
                PrintWriter out = spec.commandLine().getOut();
                write(classifier, in, out);
                out.flush();
            } else {
                try (AtomicOutput atomic = AtomicOutput.create()) {
                    try (Writer w = Files.newBufferedWriter(atomic.temporaryFor(output))) {
                        write(classifier, in, w);
                    }
                    atomic.commit();
                }
                spec.commandLine().getOut().println(output);
                spec.commandLine().getOut().flush();
            }
        }
        return ExitCodes.OK;
    }

    private void write(SequenceClassifier classifier, SeriesFiles.Input in, Writer out) throws IOException {
        int n = in.series().count(), len = in.series().seriesLength(), k = classifier.classes();
        float[] values = in.series().values();
        int batch = Math.min(batchSize, Math.max(n, 1));
        float[] probabilities = new float[batch * k];
        out.write("series,x,y,class_id,class_name,probability\n");
        StringBuilder line = new StringBuilder();
        for (int start = 0; start < n; start += batch) {
            int m = Math.min(batch, n - start);
            classifier.predict(values, start * len, m, probabilities);
            for (int i = 0; i < m; i++) {
                int s = start + i;
                line.setLength(0);
                line.append(s).append(',');
                if (in.x() != null) line.append(in.x()[s]).append(',').append(in.y()[s]);
                else line.append(',');
                if (!in.valid()[s]) {
                    line.append(',').append(CropTypeLegend.NO_DATA).append(',').append(CropTypeLegend.name(CropTypeLegend.NO_DATA)).append(",\n");
                } else {
                    int best = 0;
                    for (int c = 1; c < k; c++) if (probabilities[i * k + c] > probabilities[i * k + best]) best = c;
                    line.append(',').append(best).append(',').append(CropTypeLegend.name(best)).append(',')
                            .append(String.format(Locale.ROOT, "%.4f", probabilities[i * k + best])).append('\n');
                }
                out.write(line.toString());
            }
        }
    }
}
