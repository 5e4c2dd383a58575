/**
 * Synthetic Sentinel-2 SAFE products in the real layout, for tests and benchmarks:
 * {@link eu.ai4c.s2.synthetic.SyntheticS2Product}.
 */
package eu.ai4c.s2.synthetic;
