package eu.ai4c.kit.io;

import eu.ai4c.kit.progress.ProcessingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Files an operator's product wants written beside its main output (legends, colour tables,
 * reports) once that output exists. An operator attaches one to its product
 * ({@code product.withAttachment(SideOutputs.class, …)}); the command line calls it right after
 * writing the main file. Each file must appear whole or not at all ({@link AtomicOutput}).
 * Implementations are thread-safe or used by one caller.
 */
@FunctionalInterface
public interface SideOutputs {

    /**
     * Writes the side files.
     *
     * @param mainOutput the main output file just written
     * @return the files written (may be empty)
     */
    List<Path> write(Path mainOutput, ProcessingContext context) throws IOException;
}
