package eu.ai4c.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc,gc+heap+exit:file=F} says of its heap: the heap in use when each
 * collection started (the largest is the peak use, garbage included: the heap only grows between
 * collections), the largest heap still in use after a collection (the peak live set, what the heap
 * must at least hold; with the engine's tile cache of a quarter of the heap, a full cache counts),
 * the number of pauses and their total time, and the heap in use at exit. Unified logging's lines,
 * e.g. {@code [1.2s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms}
 * and, at exit, {@code garbage-first heap   total 262144K, used 12345K [...]}. Immutable.
 *
 * @param peakMiB      the largest heap in use before a collection or at exit, MiB; -1 without a log
 * @param peakLiveMiB  the largest heap in use after a collection, MiB; -1 when none was logged
 * @param exitMiB      the heap in use at exit, MiB; -1 when not logged (e.g. the JVM was killed)
 * @param pauses       collections logged
 * @param pauseSeconds their total pause time
 */
record GcLog(long peakMiB, long peakLiveMiB, long exitMiB, int pauses, double pauseSeconds) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)(?:\\s+(\\d+(?:\\.\\d+)?)ms)?");
    private static final Pattern EXIT_USED = Pattern.compile("\\bheap\\b.*\\btotal\\s+\\d+[KMG],\\s+used\\s+(\\d+)([KMG])");

    /** Parses the log file; a missing file gives -1 peaks and no pauses. */
    static GcLog parse(Path file) throws IOException {
        if (!Files.exists(file)) return new GcLog(-1, -1, -1, 0, 0);
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static GcLog parse(List<String> lines) {
        long peakKiB = -1, liveKiB = -1, exitKiB = -1;
        int pauses = 0;
        double ms = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("GC(") && m.find()) {
                peakKiB = Math.max(peakKiB, kib(m.group(1), m.group(2)));
                // a concurrent cycle's summary line also shows sizes; only pauses count as collections
                if (line.contains("Pause")) {
                    pauses++;
                    liveKiB = Math.max(liveKiB, kib(m.group(3), m.group(4)));
                    if (m.group(7) != null) ms += Double.parseDouble(m.group(7));
                }
                continue;
            }
            Matcher e = EXIT_USED.matcher(line);
            if (e.find()) {
                exitKiB = kib(e.group(1), e.group(2));
                peakKiB = Math.max(peakKiB, exitKiB);
            }
        }
        return new GcLog(peakKiB < 0 ? -1 : Math.round(peakKiB / 1024.0), liveKiB < 0 ? -1 : Math.round(liveKiB / 1024.0),
                exitKiB < 0 ? -1 : Math.round(exitKiB / 1024.0),
                pauses, ms / 1000);
    }

    private static long kib(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "G" -> v * 1024 * 1024;
            case "M" -> v * 1024;
            default -> v;
        };
    }
}
