/**
 * The {@code monthlycomposite} service: a Sentinel-2 time series (REFBOA and LAI GeoTIFFs
 * dated by file name) reduced to 12 monthly median composites of one agronomic year, cloudy
 * samples masked by LAI, streamed tile by tile for all months at once.
 */
package eu.ai4c.agri.composite;
