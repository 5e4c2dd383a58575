package eu.ai4c.desktop.run;

import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorExecution;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of an operator as the command line does it ({@link OperatorExecution}: read the
 * sources, apply the operator, write the target in the chosen format with its side outputs, or
 * let a file operator write its folder), reporting each step to a {@link RunLog}. No display: the desktop runs it on a background
 * thread ({@link DesktopRun}), tests call it directly. When cancelled, or failing after the main
 * output was written, every file of the run is removed, so nothing half-done remains.
 *
 * @param operator   the operator
 * @param inputs     source name to product file or folder
 * @param params     validated parameters
 * @param outputPath output file, or existing folder to write {@code <product name><extension>} into
 * @param writer     the output format
 */
public record OperatorRun(Operator operator, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                          ProductWriter writer) {

    public OperatorRun {
        Objects.requireNonNull(operator, "operator");
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(writer, "writer");
    }

    /**
     * Runs to completion on the calling thread (never call it on the event thread).
     *
     * @return the files written, the main output first
     * @throws eu.ai4c.kit.Ai4cException for inputs that do not fit (message for the user)
     * @throws Progress.Cancelled        when the context's progress was cancelled
     * @throws IOException               when a file cannot be read or written
     */
    public List<Path> execute(ProcessingContext runContext, RunLog log) throws IOException {
        ProcessingContext context = runContext.withWarnings(log::warning);
        return OperatorExecution.execute(operator, new TreeMap<>(inputs), params, outputPath, writer, context, log::line);
    }
}
