/**
 * Generators of consistent synthetic Sentinel-1 products in SENTINEL-SAFE layout, for tests
 * (tiny) and benchmarks (full IW size): {@link eu.ai4c.s1.synthetic.SyntheticGrd}.
 */
package eu.ai4c.s1.synthetic;
