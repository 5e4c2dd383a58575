package eu.ai4c.kit.progress;

import org.slf4j.LoggerFactory;

/** Receives tolerable oddities found while reading or processing (e.g. "no DEM: using the geoid"). */
@FunctionalInterface
public interface WarningListener {

    /** Logs warnings through SLF4J under the logger {@code eu.ai4c}. */
    WarningListener LOG = message -> LoggerFactory.getLogger("eu.ai4c").warn(message);

    void warning(String message);
}
