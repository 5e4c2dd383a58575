/**
 * The binding of the AI4C engine to ESA SNAP's GPF: the adapter base classes that turn SNAP source
 * products into engine products and engine results into SNAP targets (product operators and
 * file-writing services), CRS exchange by EPSG code or WKT, and the installation of the graphs at
 * module start.
 */
package eu.ai4c.snap;
