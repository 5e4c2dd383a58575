package eu.ai4c.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits for a child process while sampling, every 100 ms, its peak resident set ({@code VmHWM} of
 * {@code /proc/PID/status}, a high-water mark kept by the kernel, so a sample misses at most the
 * growth of the child's last 100 ms) and the machine's 1-minute load average; kills the child
 * (and its descendants) after {@code timeoutNanos}. Immutable once returned.
 *
 * @param peakRssMiB the largest VmHWM seen, in MiB; -1 without {@code /proc}
 * @param meanLoad   the mean of the 1-minute load averages sampled during the run; NaN without {@code /proc}
 * @param timedOut   whether the child was killed for running too long
 */
record ChildWatch(long peakRssMiB, double meanLoad, boolean timedOut) {
    private static final long SAMPLE_MILLIS = 100;

    /** Waits for {@code p} (at most {@code timeoutNanos}) and returns what was sampled. */
    static ChildWatch of(Process p, long timeoutNanos) throws IOException {
        long start = System.nanoTime();
        long peak = -1;
        double loadSum = 0;
        int loads = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        boolean timedOut = false;
        try {
            while (true) {
                peak = Math.max(peak, vmHwmKiB(status));
                double load = load1();
                if (!Double.isNaN(load)) {
                    loadSum += load;
                    loads++;
                }
                if (p.waitFor(SAMPLE_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) break;
                if (System.nanoTime() - start > timeoutNanos) {
                    timedOut = true;
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                    break;
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the service run (pid " + p.pid() + ")", e);
        }
        return new ChildWatch(peak < 0 ? -1 : peak / 1024, loads == 0 ? Double.NaN : loadSum / loads, timedOut);
    }

    /** VmHWM in KiB, or -1 when the process is gone or /proc is absent. */
    static long vmHwmKiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return -1;
        }
        return -1;
    }

    /** The 1-minute load average, or NaN without /proc. */
    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }
}
