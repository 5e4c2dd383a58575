package eu.ai4c.spark;

import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The results of a batch as CSV: {@code row,service,status,seconds,output,error}, one line per job
 * in manifest order, cells quoted as RFC 4180 wants; written atomically. Stateless.
 */
public final class ResultsTable {
    public static final String HEADER = "row,service,status,seconds,output,error";

    private ResultsTable() {
    }

    /** Writes {@code results} to {@code file}. */
    public static void write(List<JobResult> results, Path file) throws IOException {
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(file);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(HEADER + "\n");
                for (JobResult r : results) {
                    w.write(r.row() + "," + cell(r.service()) + "," + r.status().name().toLowerCase(Locale.ROOT) + ","
                            + String.format(Locale.ROOT, "%.2f", r.seconds()) + "," + cell(r.output()) + ","
                            + cell(r.error()) + "\n");
                }
            }
            out.commit();
        }
    }

    static String cell(String s) {
        if (s.isEmpty()) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
