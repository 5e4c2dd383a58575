/**
 * The {@code ai4c bench} harness: {@link eu.ai4c.cli.bench.Benchmark}s registered through
 * {@link java.util.ServiceLoader}, each timing AI4C against a peer and printing JSON lines.
 */
package eu.ai4c.cli.bench;
