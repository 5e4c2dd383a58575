/** The YAML configuration of the CAMS downscaling service (specification table 15). */
package eu.ai4c.aq.config;
