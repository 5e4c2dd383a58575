package eu.ai4c.s2.preprocess;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.s2.jp2.Executables;
import eu.ai4c.s2.safe.S2Level;
import eu.ai4c.s2.safe.S2Product;
import eu.ai4c.s2.safe.S2SafeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ESA's Sen2Cor ({@code L2A_Process}) to turn an L1C product into L2A, as the specification
 * asks for L1C input (section 2.2.3.2). The executable is {@code L2A_Process} on the PATH, or the
 * one named by the system property {@code ai4c.sen2cor}. The L2A product is written to a
 * temporary folder, read lazily by the pipeline and deleted at JVM exit (it is never left behind
 * as an output). Stateless.
 */
public final class Sen2Cor {
    private static final Logger LOG = LoggerFactory.getLogger(Sen2Cor.class);

    private Sen2Cor() {
    }

    /** The Sen2Cor executable, if installed. */
    public static Optional<Path> executable() {
        String forced = System.getProperty("ai4c.sen2cor");
        if (forced != null && !forced.isBlank()) return Optional.of(Path.of(forced));
        return Executables.find("L2A_Process");
    }

    /**
     * Processes an L1C product to L2A.
     *
     * @param l1c the L1C product (its location is given to Sen2Cor)
     * @return the L2A product Sen2Cor wrote
     * @throws Ai4cException when Sen2Cor fails or writes no L2A product
     */
    public static S2Product toL2A(S2Product l1c, Path sen2cor) throws IOException {
        Path out = Files.createTempDirectory("ai4c-sen2cor-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                AtomicOutput.deleteTree(out);
            } catch (IOException ignored) {
                // temporary folder; nothing else to do at exit
            }
        }));
        Path log = out.resolve("sen2cor.log");
        long t0 = System.nanoTime();
        LOG.info("Running Sen2Cor ({}) on {}", sen2cor, l1c.location());
        ProcessBuilder pb = new ProcessBuilder(sen2cor.toString(), "--output_dir", out.toString(),
                l1c.location().toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new Ai4cException("Sen2Cor (" + sen2cor + ") cannot be started (" + e.getMessage() + "); check the "
                    + "Sen2Cor installation, or use --l1c-as-toa to process top-of-atmosphere reflectance.", e);
        }
        try {
            if (!p.waitFor(4, TimeUnit.HOURS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new Ai4cException("Sen2Cor (" + sen2cor + ") failed on " + l1c.location() + ": " + tail(log)
                        + ". Check the Sen2Cor installation, or use --l1c-as-toa to process top-of-atmosphere reflectance.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running Sen2Cor", e);
        }
        List<Path> products;
        try (Stream<Path> s = Files.list(out)) {
            products = s.filter(f -> f.getFileName().toString().contains("MSIL2A") && Files.isDirectory(f)).toList();
        }
        if (products.isEmpty()) {
            throw new Ai4cException("Sen2Cor ran on " + l1c.location() + " but wrote no L2A product in " + out + ": "
                    + tail(log) + ".");
        }
        S2Product l2a = S2SafeReader.read(products.get(0));
        if (l2a.level() != S2Level.L2A) {
            throw new Ai4cException("Sen2Cor wrote " + products.get(0) + ", which is not an L2A product.");
        }
        LOG.info("Sen2Cor wrote {} in {} s", products.get(0).getFileName(), (System.nanoTime() - t0) / 1_000_000_000);
        return l2a;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "no output";
        String s = Files.readString(log, StandardCharsets.UTF_8).trim();
        return s.isEmpty() ? "no output" : s.substring(Math.max(0, s.length() - 400));
    }
}
