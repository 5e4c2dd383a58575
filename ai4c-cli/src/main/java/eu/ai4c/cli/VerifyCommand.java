package eu.ai4c.cli;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s1.safe.S1Product;
import eu.ai4c.s2.safe.SafeChecksums;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ai4c verify PRODUCT...}: checks downloaded Sentinel-1 and Sentinel-2 SAFE products
 * (folders or zips) whole against the checksums of their own {@code manifest.safe} (S1: MD5, and
 * the zip's CRC-32; S2: MD5, SHA3-256 from baseline 05.09), before a batch of runs. One line per
 * product on standard output: {@code OK}, {@code DAMAGED} (a file does not give its checksum, or
 * one the manifest lists is missing) or {@code UNKNOWN} (not a Sentinel-1/-2 SAFE product).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Checks downloaded Sentinel-1/-2 SAFE products against their manifest checksums.",
        description = {"Reads every file that a product's manifest.safe lists and compares it with the checksum "
                + "there (Sentinel-1: MD5, and in a zip each entry's CRC-32; Sentinel-2: MD5, or SHA3-256 from "
                + "processing baseline 05.09). The services check the files they read themselves (--verify); this "
                + "command checks whole products, e.g. after a bulk download.",
                "",
                "Prints one line per product: OK <product> (<n> files), DAMAGED <product>: <what>, or "
                        + "UNKNOWN <product>: <why>."},
        footer = {"", "Exit codes: 0 every product is whole, 1 a product is damaged or incomplete, 2 an input is no "
                + "Sentinel-1/-2 SAFE product."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PRODUCT",
            description = "Sentinel-1 or Sentinel-2 SAFE products: .SAFE folders or .zip files.")
    List<Path> products;

    @Option(names = "--threads", paramLabel = "<n>", description = "Files hashed at once (default: the processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw Ai4cException.usage("verify: --threads " + n + " must be at least 1.");
        int exit = ExitCodes.OK;
        for (Path p : products) {
            String mission = mission(p);
            if (mission == null) {
                out.println("UNKNOWN " + p + ": not a Sentinel-1 or Sentinel-2 SAFE product (a folder named *.SAFE"
                        + " or a .zip named S1*/S2*)");
                exit = Math.max(exit, ExitCodes.USAGE);
                continue;
            }
            long t0 = System.nanoTime();
            try {
                int checked = mission.equals("S1") ? verifyS1(p, n) : SafeChecksums.verifyAll(p, n);
                if (checked == 0) {
                    out.println("UNKNOWN " + p + ": its manifest gives no checksums to compare with");
                    exit = Math.max(exit, ExitCodes.USAGE);
                } else {
                    out.printf(Locale.ROOT, "OK %s (%d files, %.1f s)%n", p, checked, (System.nanoTime() - t0) / 1e9);
                }
            } catch (Ai4cException e) {
                out.println("DAMAGED " + p + ": " + e.getMessage());
                if (exit == ExitCodes.OK) exit = ExitCodes.PROCESSING;
            }
            out.flush();
        }
        return exit;
    }

    private static int verifyS1(Path p, int threads) throws IOException {
        try (S1Product s1 = S1Product.open(p, false)) {
            return s1.verifyAll(threads);
        }
    }

    /** {@code S1} or {@code S2} from ESA's product name (S1A_…, S2B_MSIL2A_…), or null. */
    static String mission(Path p) {
        if (!Files.exists(p)) return null;
        String name = p.getFileName().toString().toUpperCase(Locale.ROOT);
        boolean safe = Files.isDirectory(p) ? name.endsWith(".SAFE") : name.endsWith(".ZIP");
        if (!safe) return null;
        if (name.startsWith("S1")) return "S1";
        if (name.startsWith("S2")) return "S2";
        return null;
    }
}
