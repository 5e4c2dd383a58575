/**
 * Menu actions for every registered operator, generated at start-up as a layer
 * ({@link eu.ai4c.desktop.actions.OperatorLayerProvider}) and placed by
 * {@link eu.ai4c.desktop.actions.MenuPaths}.
 */
package eu.ai4c.desktop.actions;
