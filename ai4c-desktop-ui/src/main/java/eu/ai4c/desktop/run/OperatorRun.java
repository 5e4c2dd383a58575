package eu.ai4c.desktop.run;

import eu.ai4c.cd.cva.CvaOutputs;
import eu.ai4c.cd.cva.CvaRaster;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.progress.Progress;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of an operator as the command line does it — read the sources, apply the operator,
 * write the target atomically in the chosen format (plus the side outputs of {@code S2-CD}) —
 * reporting each step to a {@link RunLog}. No display: the desktop runs it on a background
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
        String alias = operator.descriptor().alias();
        long t0 = System.nanoTime();
        Map<String, Product> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : new TreeMap<>(inputs).entrySet()) {
            context.progress().checkCancelled();
            Product p = ProductIO.read(e.getValue());
            log.line(String.format(Locale.ROOT, "%s: %s %s (%dx%d, %d bands)", alias, e.getKey(), e.getValue(),
                    p.raster().width(), p.raster().height(), p.raster().bands().size()));
            sources.put(e.getKey(), p);
        }
        context.progress().checkCancelled();
        Product target = operator.apply(sources, params, context);
        Path file = ProductIO.outputFile(outputPath, target.name(), writer);
        log.line(String.format(Locale.ROOT, "%s: writing %s (%dx%d, %d bands) as %s", alias, file,
                target.raster().width(), target.raster().height(), target.raster().bands().size(),
                writer.formatNames().get(0)));
        List<Path> written = new ArrayList<>();
        boolean complete = false;
        try {
            written.add(writer.write(target, file, context));
            if (target.attachment(CvaRaster.class).isPresent()) {
                // S2-CD's side outputs beside the change classes, as the command line writes them
                CvaOutputs.Files3 side = CvaOutputs.write(target, written.get(0), context);
                written.addAll(List.of(side.cva(), side.polarPlot(), side.summary()));
                if (side.colourTable() != null) written.add(side.colourTable());
            }
            context.progress().checkCancelled();
            complete = true;
        } finally {
            if (!complete) remove(written, log);
        }
        log.line(String.format(Locale.ROOT, "%s: wrote %s in %.1f s", alias, written.get(0),
                (System.nanoTime() - t0) / 1e9));
        return List.copyOf(written);
    }

    /** Deletes the files of an unfinished run; a BEAM-DIMAP header takes its {@code .data} folder along. */
    private static void remove(List<Path> files, RunLog log) {
        for (Path f : files) {
            try {
                String name = f.getFileName().toString();
                if (name.endsWith(".dim")) {
                    Path data = f.resolveSibling(name.substring(0, name.length() - 4) + ".data");
                    if (Files.isDirectory(data)) AtomicOutput.deleteTree(data);
                }
                Files.deleteIfExists(f);
            } catch (IOException e) {
                log.warning("could not remove the unfinished output " + f + ": " + e.getMessage()
                        + ". Delete it by hand.");
            }
        }
    }
}
