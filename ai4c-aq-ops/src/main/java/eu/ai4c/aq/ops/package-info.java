/** The CAMS downscaling services as AI4C operators (specification 5.2.1, table 14): aqgan-preproc, aqgan-train, aqgan-generate and aqgan-predict. */
package eu.ai4c.aq.ops;
