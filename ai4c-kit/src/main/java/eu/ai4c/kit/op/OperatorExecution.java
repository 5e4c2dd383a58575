package eu.ai4c.kit.op;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.kit.stac.StacItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of an operator from files to files, as every front end (command line, desktop, demo,
 * benchmarks) does it: read the sources, apply the operator, write the target in the chosen
 * format, then the product's {@link SideOutputs}; a {@link FileOperator} instead writes its own
 * files into the output folder; last the run's STAC item ({@link StacItems}, {@code <name>.json} beside
 * the main output) unless switched off. Each stage is reported to {@code log} as it happens. When a
 * stage fails or the run is cancelled, the files already written are removed, so a run leaves
 * its outputs whole or not at all. Stateless.
 */
public final class OperatorExecution {
    private OperatorExecution() {
    }

    /**
     * Runs {@code op}.
     *
     * @param inputs     source name ({@code input}, {@code input1}) to product file or folder
     * @param params     validated parameters
     * @param outputPath output file, or folder to write {@code <product name><extension>} into;
     *                   for a {@link FileOperator} the output folder
     * @param writer     the output format (ignored by file operators)
     * @param log        receives one line per stage
     * @return the files written, the main output first, the STAC item last
     */
    public static List<Path> execute(Operator op, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                                     ProductWriter writer, ProcessingContext context, Consumer<String> log)
            throws IOException {
        return execute(op, inputs, params, outputPath, writer, context, log, true);
    }

    /**
     * Runs {@code op}, with or without its STAC item; see
     * {@link #execute(Operator, Map, ParameterValues, Path, ProductWriter, ProcessingContext, Consumer)}.
     *
     * @param stacItem whether to write the STAC item of the outputs
     */
    public static List<Path> execute(Operator op, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                                     ProductWriter writer, ProcessingContext context, Consumer<String> log,
                                     boolean stacItem) throws IOException {
        String alias = op.descriptor().alias();
        long t0 = System.nanoTime();
        Map<String, Product> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            context.progress().checkCancelled();
            Product p = ProductIO.read(e.getValue());
            log.accept(alias + ": " + e.getKey() + " " + e.getValue() + " (" + describe(p.raster()) + ")");
            sources.put(e.getKey(), p);
        }
        context.progress().checkCancelled();
        List<Path> written;
        if (op instanceof FileOperator) {
            Files.createDirectories(outputPath);
            List<Path> files = new ArrayList<>(files(op, sources, params, outputPath, context));
            log.accept(alias + ": wrote " + files.size() + (files.size() == 1 ? " file" : " files")
                    + " into " + outputPath);
            if (stacItem && !files.isEmpty()) {
                boolean complete = false;
                try {
                    files.add(writeItem(new StacItems.Run(alias, inputs, sources, params, List.copyOf(files), null,
                            false, Instant.now()), log, alias));
                    complete = true;
                } finally {
                    if (!complete) remove(files, log);
                }
            }
            written = List.copyOf(files);
        } else {
            Product target = op.apply(sources, params, context);
            written = writeProduct(target, outputPath, writer, context, log, alias,
                    stacItem ? files -> new StacItems.Run(alias, inputs, sources, params, files, target,
                            writer.formatNames().get(0).equalsIgnoreCase("COG"), Instant.now()) : null);
        }
        log.accept(String.format(Locale.ROOT, "%s: done in %.1f s", alias, (System.nanoTime() - t0) / 1e9));
        return written;
    }

    private static List<Path> files(Operator op, Map<String, Product> sources, ParameterValues params, Path outputDir,
                                    ProcessingContext context) throws IOException {
        return ((FileOperator) op).write(sources, params, outputDir, context);
    }

    private static Path writeItem(StacItems.Run run, Consumer<String> log, String alias) throws IOException {
        Path item = StacItems.write(run);
        log.accept(alias + ": wrote " + item.getFileName() + " (STAC item)");
        return item;
    }

    private static List<Path> writeProduct(Product target, Path outputPath, ProductWriter writer,
                                           ProcessingContext context, Consumer<String> log, String alias,
                                           java.util.function.Function<List<Path>, StacItems.Run> stacRun)
            throws IOException {
        Path file = ProductIO.outputFile(outputPath, target.name(), writer);
        log.accept(alias + ": writing " + file + " (" + describe(target.raster()) + ") as "
                + writer.formatNames().get(0));
        List<Path> written = new ArrayList<>();
        boolean complete = false;
        try {
            written.add(writer.write(target, file, context));
            if (target.attachment(SideOutputs.class).isPresent()) {
                for (Path side : target.attachment(SideOutputs.class).get().write(written.get(0), context)) {
                    written.add(side);
                    log.accept(alias + ": wrote " + side.getFileName());
                }
            }
            context.progress().checkCancelled();
            if (stacRun != null) written.add(writeItem(stacRun.apply(List.copyOf(written)), log, alias));
            complete = true;
        } finally {
            if (!complete) remove(written, log);
        }
        return List.copyOf(written);
    }

    /** Deletes the files of an unfinished run; a BEAM-DIMAP header takes its {@code .data} folder along. */
    private static void remove(List<Path> files, Consumer<String> log) {
        for (Path f : files) {
            try {
                String name = f.getFileName().toString();
                if (name.endsWith(".dim")) {
                    Path data = f.resolveSibling(name.substring(0, name.length() - 4) + ".data");
                    if (Files.isDirectory(data)) AtomicOutput.deleteTree(data);
                }
                Files.deleteIfExists(f);
            } catch (IOException e) {
                log.accept("warning: could not remove the unfinished output " + f + ": " + e.getMessage()
                        + ". Delete it by hand.");
            }
        }
    }

    /** {@code 10980x10980, 4 bands: B02 uint16, …} */
    public static String describe(Raster r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.width()).append('x').append(r.height()).append(", ").append(r.bands().size())
                .append(r.bands().size() == 1 ? " band: " : " bands: ");
        for (int i = 0; i < r.bands().size(); i++) {
            if (i > 0) sb.append(", ");
            if (i == 8) {
                sb.append('…');
                break;
            }
            sb.append(r.bands().get(i).name()).append(' ').append(r.bands().get(i).type().name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
