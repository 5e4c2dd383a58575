/**
 * {@code ai4c batch}: a manifest of service runs executed on Apache Spark — {@code local[N]} on one
 * machine by default, a cluster through {@code spark-submit} — each row through the command line's
 * own code path, resumable from the STAC items the runs leave beside their outputs.
 */
package eu.ai4c.spark;
