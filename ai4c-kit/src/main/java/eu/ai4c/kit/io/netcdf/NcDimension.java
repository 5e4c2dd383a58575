package eu.ai4c.kit.io.netcdf;

/**
 * A netCDF dimension. For the unlimited (record) dimension of a classic file, {@code length}
 * is the current number of records.
 *
 * @param name      the dimension name as in the file
 * @param length    number of indices
 * @param unlimited true for the record dimension
 */
public record NcDimension(String name, long length, boolean unlimited) {
}
