package eu.ai4c.cli;

import eu.ai4c.cd.cva.CvaOutputs;
import eu.ai4c.cd.cva.CvaRaster;
import eu.ai4c.kit.io.ProductIO;
import eu.ai4c.kit.io.ProductWriter;
import eu.ai4c.kit.io.SideOutputs;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a service as the command line does it: read the sources, apply the operator, write
 * the target atomically in the chosen format (plus the side outputs of {@code S2-CD}, see
 * {@link CvaOutputs}). Shared by the service subcommands, demo steps and
 * benchmarks, so all three measure and show the same thing. Logs each stage with sizes and times.
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

    /** Runs {@code op} with validated parameters; see {@link #run(String, Map, Map, Path, String, ProcessingContext)}. */
    public static Path run(Operator op, Map<String, Path> inputs, ParameterValues params, Path outputPath,
                           ProductWriter writer, ProcessingContext context) throws IOException {
        String alias = op.descriptor().alias();
        long t0 = System.nanoTime();
        Map<String, Product> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            Product p = ProductIO.read(e.getValue());
            LOG.info("{}: {} {} ({})", alias, e.getKey(), e.getValue(), describe(p.raster()));
            sources.put(e.getKey(), p);
        }
        Product target = op.apply(sources, params, context);
        Path file = ProductIO.outputFile(outputPath, target.name(), writer);
        LOG.info("{}: writing {} ({}) as {}", alias, file, describe(target.raster()), writer.formatNames().get(0));
        Path written = writer.write(target, file, context);
        if (target.attachment(CvaRaster.class).isPresent()) {
            // S2-CD's side outputs: magnitude/angle GeoTIFF, polar plot, JSON summary next to the classes
            CvaOutputs.Files3 side = CvaOutputs.write(target, written, context);
            LOG.info("{}: wrote {}, {}, {}", alias, side.cva().getFileName(), side.polarPlot().getFileName(),
                    side.summary().getFileName());
        }
        if (target.attachment(SideOutputs.class).isPresent()) {
            for (Path side : target.attachment(SideOutputs.class).get().write(written, context)) {
                LOG.info("{}: wrote {}", alias, side.getFileName());
            }
        }
        LOG.info("{}: done in {}", alias, String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        return written;
    }

    /** {@code 10980x10980, 4 bands: B02 uint16, …} */
    static String describe(Raster r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.width()).append('x').append(r.height()).append(", ").append(r.bands().size())
                .append(r.bands().size() == 1 ? " band: " : " bands: ");
        int shown = 0;
        for (Band b : r.bands()) {
            if (shown > 0) sb.append(", ");
            if (shown == 8) {
                sb.append('…');
                break;
            }
            sb.append(b.name()).append(' ').append(b.type().name().toLowerCase(Locale.ROOT));
            shown++;
        }
        return sb.toString();
    }
}
