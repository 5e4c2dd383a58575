/**
 * The AI4C desktop: NetBeans module with operator dialogs generated from the operator
 * descriptors, background runs with progress and log, quick-look viewer and plots.
 */
package eu.ai4c.desktop;
