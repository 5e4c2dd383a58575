/**
 * The raster model: products of named bands of one data type with no-data, blocks of samples
 * in primitive arrays, regions, metadata trees.
 */
package eu.ai4c.kit.raster;
