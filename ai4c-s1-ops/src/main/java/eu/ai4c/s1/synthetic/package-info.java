/**
 * Generators of consistent synthetic Sentinel-1 products in SENTINEL-SAFE layout, for tests
 * (tiny) and benchmarks (full IW size): {@link eu.ai4c.s1.synthetic.SyntheticGrd} (IW GRD) and
 * {@link eu.ai4c.s1.synthetic.SyntheticSlc} (TOPS IW SLC: sub-swaths, bursts with overlaps, complex samples).
 */
package eu.ai4c.s1.synthetic;
