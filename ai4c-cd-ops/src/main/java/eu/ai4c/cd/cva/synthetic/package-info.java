/**
 * Planted changes for synthetic Sentinel-2 pairs, so that change detection can be checked
 * against a known truth.
 */
package eu.ai4c.cd.cva.synthetic;
