/**
 * The {@code ai4c bench} harness, the one way to run an AI4C benchmark:
 * {@link eu.ai4c.cli.bench.Benchmark}s registered through {@link java.util.ServiceLoader}, each
 * timing AI4C and, where one exists, a peer (GDAL, NumPy, PyTorch, JTS, OpenJPEG, or the engine on
 * one thread) on the same inputs in the same invocation, and printing one JSON line per case with
 * both times, their ratio and AI4C's peak RSS and heap.
 */
package eu.ai4c.cli.bench;
