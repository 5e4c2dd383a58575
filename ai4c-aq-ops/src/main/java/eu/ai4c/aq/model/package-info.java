/** The SRGAN generator and WGAN-GP critic on DJL/PyTorch (CPU), their training and the model file. */
package eu.ai4c.aq.model;
