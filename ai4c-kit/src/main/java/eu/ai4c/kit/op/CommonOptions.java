package eu.ai4c.kit.op;

import java.util.Set;

/**
 * The option spellings every service has on the command line besides its own parameters
 * (output, format, run and help options), declared once: the {@code ai4c} command declares its
 * options with them and the desktop forms build the same argument lists from them. Constants only.
 */
public final class CommonOptions {
    /** The output file, or an existing folder to write into. */
    public static final String OUTPUT_PATH = "--output_path";
    public static final String OUTPUT_PATH_KEBAB = "--output-path";
    /** A folder (created when missing) to write into. */
    public static final String OUTPUT_DIR = "--output_dir";
    public static final String OUTPUT_DIR_KEBAB = "--output-dir";
    /** The writer format of a product. */
    public static final String OUTPUT_FORMAT = "--output_format";
    public static final String OUTPUT_FORMAT_KEBAB = "--output-format";
    public static final String THREADS = "--threads";
    public static final String QUIET = "--quiet";
    public static final String QUIET_SHORT = "-q";
    public static final String LOG_FILE = "--log-file";
    public static final String DEBUG = "--debug";
    /** Skips the STAC item ({@code <name>.json}) otherwise written beside every output. */
    public static final String NO_STAC = "--no-stac";

    /** Every spelling above plus picocli's help and version options: never a parameter option. */
    public static final Set<String> ALL = Set.of("-h", "--help", "-V", "--version", OUTPUT_PATH, OUTPUT_PATH_KEBAB,
            OUTPUT_DIR, OUTPUT_DIR_KEBAB, OUTPUT_FORMAT, OUTPUT_FORMAT_KEBAB, THREADS, QUIET, QUIET_SHORT, LOG_FILE, DEBUG,
            NO_STAC);

    private CommonOptions() {
    }
}
