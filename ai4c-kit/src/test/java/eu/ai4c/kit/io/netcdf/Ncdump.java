package eu.ai4c.kit.io.netcdf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ncdump} (package netcdf-bin) as the independent reference for netCDF contents, and
 * {@code ncgen} to write files as the netCDF library does. A missing tool fails the test with what
 * to install.
 */
final class Ncdump {
    private Ncdump() {
    }

    static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ncdump"));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Writes {@code cdl} (CDL text) as a netCDF file of format {@code kind} ({@code classic}, {@code cdf5}, …). */
    static Path ncgen(String cdl, String kind, Path nc) throws IOException, InterruptedException {
        Path text = nc.resolveSibling(nc.getFileName() + ".cdl");
        java.nio.file.Files.writeString(text, cdl);
        exec(List.of("ncgen", "-k", kind, "-o", nc.toString(), text.toString()));
        return nc;
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(cmd.get(0) + " is not installed (" + e.getMessage() + "): install netcdf-bin (apt-get install netcdf-bin)"
                    + " to run the netCDF tests (.ci/run does).");
            throw e;
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) fail(String.join(" ", cmd) + " failed: " + text);
        return text;
    }

    /** The stored values of one variable as ncdump prints them ({@code _} for fill values becomes NaN). */
    static double[] values(Path file, String variable) throws IOException, InterruptedException {
        String text = run("-v", variable, "-p", "9,17", file.toString());
        int data = text.indexOf("\ndata:");
        int at = text.indexOf("\n " + variable + " =", data);
        if (at < 0) fail("ncdump printed no data for " + variable + ": " + text);
        String body = text.substring(text.indexOf('=', at) + 1, text.indexOf(';', at));
        List<Double> v = new ArrayList<>();
        for (String tok : body.split("[,\\s]+")) {
            if (tok.isEmpty()) continue;
            v.add(tok.equals("_") ? Double.NaN : Double.parseDouble(tok.replaceAll("[a-zA-Z]+$", "")));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = v.get(i);
        return out;
    }
}
