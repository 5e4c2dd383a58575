/**
 * Agriculture services: monthly composites of Sentinel-2 reflectance, the TimeSen2Crop
 * dataset, LSTM crop-type training and crop-map inference. Packages: {@code npy} (NumPy
 * arrays), {@code timeseries} (labelled pixel series), {@code model} (the classifier contract
 * every front end uses).
 */
package eu.ai4c.agri;
