/**
 * The TimeSen2Crop dataset: its folder layout and CSV samples, its 16 crop classes, and the
 * {@code timesen2crop-export} service that turns it into {@code train.npy}/{@code y_train.npy}
 * with a stratified validation part.
 */
package eu.ai4c.agri.timesen2crop;
