/**
 * Synthetic TimeSen2Crop-format folders with class-specific phenology, clouds, shadows and
 * snow, for tests, the demo and benchmarks.
 */
package eu.ai4c.agri.timesen2crop.synthetic;
