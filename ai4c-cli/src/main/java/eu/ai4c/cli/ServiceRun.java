package eu.ai4c.cli;

import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorExecution;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a service as the command line does it: read the sources, apply the operator, write
 * the target atomically in the chosen format with its side outputs and STAC item ({@link OperatorExecution}).
 * Shared by the service subcommands, demo steps and benchmarks, so all three measure and show the same thing. Logs each stage with sizes and times.
 * Stateless.
 */
public final class ServiceRun {
    private static final Logger LOG = LoggerFactory.getLogger("eu.ai4c");

    private ServiceRun() {
    }

    /**
     * Runs the registered service {@code alias} with textual parameters (validated by its descriptor).
     *
     * @param inputs     source name ({@code input}, {@code input1}) to file
     * @param params     parameter name or option to value; missing ones take their defaults
     * @param outputPath output file or existing folder (see {@link ProductIO#outputFile})
     * @param format     writer format name, e.g. {@code GeoTIFF}
     * @return the file written
     */
    public static Path run(String alias, Map<String, Path> inputs, Map<String, String> params, Path outputPath,
                           String format, ProcessingContext context) throws IOException {
        Operator op = OperatorRegistry.load().get(alias);
        ParameterValues values = op.descriptor().validate(params);
        return run(op, inputs, values, outputPath, ProductIO.writer(format), context);
    }

    /**
     * Runs {@code op} with validated parameters through {@link OperatorExecution} (which also
     * writes the product's side outputs, or lets a {@link eu.ai4c.kit.op.FileOperator} write its
     * files into {@code outputPath}); see {@link #run(String, Map, Map, Path, String, ProcessingContext)}.
     *
     * @return the main file written (for a file operator: its first file)
     */
    public static Path run(Operator op, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                           ProductWriter writer, ProcessingContext context) throws IOException {
        return run(op, inputs, params, outputPath, writer, context, true);
    }

    /**
     * As {@link #run(Operator, Map, ParameterValues, Path, ProductWriter, ProcessingContext)}, with or
     * without the STAC item of the outputs.
     */
    public static Path run(Operator op, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                           ProductWriter writer, ProcessingContext context, boolean stacItem) throws IOException {
        List<Path> written = OperatorExecution.execute(op, inputs, params, outputPath, writer, context, LOG::info,
                stacItem);
        return written.isEmpty() ? outputPath : written.get(0);
    }
}
