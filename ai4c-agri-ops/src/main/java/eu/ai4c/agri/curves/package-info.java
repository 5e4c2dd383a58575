/** Training-curves charts shared by the model trainers (LSTM, U-Net, SRGAN). */
package eu.ai4c.agri.curves;
