/**
 * NetBeans window for LSTM training: the {@code train_lstm} form, live loss and accuracy
 * curves, Stop keeping the best model, and the confusion matrix of the validation set.
 */
package eu.ai4c.agri.ui;
