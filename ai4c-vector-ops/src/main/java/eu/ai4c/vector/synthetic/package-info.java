/** Synthetic OSM data of any size for benchmarks ({@link eu.ai4c.vector.synthetic.SyntheticTownPbf}). */
package eu.ai4c.vector.synthetic;
