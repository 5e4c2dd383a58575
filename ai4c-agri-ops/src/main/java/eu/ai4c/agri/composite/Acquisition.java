package eu.ai4c.agri.composite;

import eu.ai4c.kit.raster.Raster;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One acquisition of the time series: its date, its month in the agronomic year, and the opened
 * REFBOA and LAI rasters of that date. Immutable; the rasters are thread-safe for reading.
 *
 * @param date    acquisition date
 * @param month   month index in the agronomic year, 0 (September) to 11 (August)
 * @param boaFile the REFBOA GeoTIFF
 * @param laiFile the LAI GeoTIFF of the same date
 * @param boa     the REFBOA raster (bottom-of-atmosphere reflectance, one band per spectral band)
 * @param lai     the LAI raster (first band used)
 */
public record Acquisition(LocalDate date, int month, Path boaFile, Path laiFile, Raster boa, Raster lai) {
}
