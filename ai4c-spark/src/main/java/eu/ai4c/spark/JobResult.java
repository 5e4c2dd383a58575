package eu.ai4c.spark;

import java.io.Serializable;

/**
 * The outcome of one job, a row of the results table. Immutable; serialisable.
 *
 * @param row     the job's row in the manifest
 * @param service the service
 * @param status  what happened
 * @param seconds wall-clock time of the job on its executor, seconds
 * @param output  the main file written (or found, when skipped); empty when failed
 * @param error   the command line's error message when failed; empty otherwise
 */
public record JobResult(int row, String service, Status status, double seconds, String output, String error)
        implements Serializable {

    /** How a job ended. */
    public enum Status {
        /** Ran and wrote its outputs and STAC item. */
        SUCCEEDED,
        /** Its outputs existed with a STAC item recording the same parameters: nothing was run. */
        SKIPPED,
        /** The service refused the job or failed; nothing of it was written. */
        FAILED
    }
}
