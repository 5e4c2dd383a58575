/**
 * NetBeans window for air quality: the downscaled PM2.5 ensemble of {@code aqgan-generate} or
 * {@code aqgan-predict} (mean and spread over time, colour bars in µg/m³), a model's training
 * curves, and the input format the services expect.
 */
package eu.ai4c.aq.ui;
