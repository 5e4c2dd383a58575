/** Synthetic CAMS-like air-quality data (high-resolution truth and its coarse model view) for tests, demo and benchmarks. */
package eu.ai4c.aq.synthetic;
