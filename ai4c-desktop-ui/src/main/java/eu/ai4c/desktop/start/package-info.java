/**
 * The start page of AI4C Desktop: the services grouped by AI4Copernicus domain with links that
 * open their dialogs; opened at start-up in the standalone application and from Help.
 */
package eu.ai4c.desktop.start;
