package eu.ai4c.desktop.run;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes the engine's log ({@code eu.ai4c} loggers) to a {@link RunLog} while a run lasts. In the
 * NetBeans platform SLF4J is bound to {@code java.util.logging} (slf4j-jdk14), so a handler on the
 * {@code eu.ai4c} JUL logger sees every engine message. With another SLF4J binding the run still
 * logs its own stages through {@link RunProgress} and {@link OperatorRun}. Messages of other runs
 * that overlap in time reach this log too (the engine's loggers carry no run id).
 */
public final class LogRouting implements AutoCloseable {
    private static final Logger ENGINE = Logger.getLogger("eu.ai4c");
    private final Handler handler;

    private LogRouting(RunLog log) {
        SimpleFormatter formatter = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (!isLoggable(r)) return;
                String text = formatter.formatMessage(r);
                log.line(r.getLevel().intValue() >= Level.WARNING.intValue() ? "WARNING: " + text : text);
            }

            @Override public void flush() { }

            @Override public void close() { }
        };
        handler.setLevel(Level.INFO);
        ENGINE.addHandler(handler);
    }

    /** Starts routing to {@code log}; close to stop. */
    public static LogRouting to(RunLog log) {
        return new LogRouting(log);
    }

    @Override
    public void close() {
        ENGINE.removeHandler(handler);
    }
}
