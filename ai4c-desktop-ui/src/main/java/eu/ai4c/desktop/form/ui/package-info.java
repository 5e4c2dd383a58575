/**
 * Swing view of the operator form: {@link eu.ai4c.desktop.form.ui.OperatorDialog} (entry point
 * {@code OperatorDialog.open(alias)}), its {@link eu.ai4c.desktop.form.ui.OperatorPanel} and one
 * editor per parameter type.
 */
package eu.ai4c.desktop.form.ui;
