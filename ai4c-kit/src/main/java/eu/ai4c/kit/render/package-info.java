/**
 * Rendering of bands as pictures, shared by the demo report's quick-looks and the desktop's
 * viewer: colour ramps, contrast stretches from histograms or samples, ARGB kernels, and class
 * legends with the parsing of the colour tables and legend CSVs written beside class maps.
 */
package eu.ai4c.kit.render;
