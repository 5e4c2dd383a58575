/**
 * The energy datasets of specification section 4.2 / table 11: loaders of the JRC Open Power
 * Plants Database and of EMODnet's offshore wind farms into the human-features store, and ERA5
 * time series at points ({@code era5-extract}).
 */
package eu.ai4c.vector.energy;
