/** Reading CAMS-like netCDF inputs, regridding (bilinear, conservative), and the training samples of aqgan-preproc. */
package eu.ai4c.aq.data;
