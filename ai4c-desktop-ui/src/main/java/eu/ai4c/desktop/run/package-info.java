/**
 * Running operators from the desktop: {@link eu.ai4c.desktop.run.OperatorRun} (headless, as the
 * command line runs a service), {@link eu.ai4c.desktop.run.DesktopRun} (background thread,
 * progress bar, Output tab, error dialog, notification) and the
 * {@link eu.ai4c.desktop.run.OutputViewer} service other modules provide.
 */
package eu.ai4c.desktop.run;
