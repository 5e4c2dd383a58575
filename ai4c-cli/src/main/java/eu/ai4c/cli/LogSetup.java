package eu.ai4c.cli;

import java.util.List;

/**
 * Applies the logging options before the first logger exists: slf4j-simple reads its settings
 * once, from system properties first, then {@code simplelogger.properties}. {@code --quiet}
 * lowers the {@code eu.ai4c} log to warnings; {@code --log-file FILE} sends the log to FILE
 * instead of stderr. Only {@link Main#main} calls this; in-process runs keep their logging.
 */
final class LogSetup {
    static final String LEVEL = "org.slf4j.simpleLogger.log.eu.ai4c";
    static final String FILE = "org.slf4j.simpleLogger.logFile";

    private LogSetup() {
    }

    static void configure(String[] args) {
        List<String> a = List.of(args);
        if (a.contains("-q") || a.contains("--quiet")) System.setProperty(LEVEL, "warn");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--log-file") && i + 1 < args.length) System.setProperty(FILE, args[i + 1]);
            else if (args[i].startsWith("--log-file=")) System.setProperty(FILE, args[i].substring("--log-file=".length()));
        }
    }
}
