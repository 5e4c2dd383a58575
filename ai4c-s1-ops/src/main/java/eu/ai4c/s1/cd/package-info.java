/**
 * Sentinel-1 change detection between two acquisitions of one relative orbit: the pair check,
 * interferometric coherence, the log-ratio change mask with its automatic threshold, and the
 * removal of isolated changed pixels. Kernels work on arrays, without I/O.
 */
package eu.ai4c.s1.cd;
