/**
 * Synthetic map-projected scenes (fields, a river) for tests, the demo and benchmarks.
 */
package eu.ai4c.kit.synthetic;
