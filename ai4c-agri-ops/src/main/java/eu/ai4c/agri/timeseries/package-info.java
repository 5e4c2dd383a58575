/**
 * Labelled sets of pixel time series in one flat array, the common input of training and
 * evaluation.
 */
package eu.ai4c.agri.timeseries;
