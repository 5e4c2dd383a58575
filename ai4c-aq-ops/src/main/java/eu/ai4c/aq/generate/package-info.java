/** Ensemble generation with a trained SRGAN, the bicubic baseline, skill scores and the output files. */
package eu.ai4c.aq.generate;
