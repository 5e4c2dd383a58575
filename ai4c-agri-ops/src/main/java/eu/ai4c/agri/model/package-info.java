/**
 * Sequence classifiers as the services see them ({@link
 * eu.ai4c.agri.model.SequenceClassifier}), and the registry of model file formats that opens a
 * model file into one ({@link eu.ai4c.agri.model.ModelFiles}).
 */
package eu.ai4c.agri.model;
