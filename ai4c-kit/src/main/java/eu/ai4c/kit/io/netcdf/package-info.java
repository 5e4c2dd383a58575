/**
 * netCDF input and output: readers of the classic formats (CDF-1, CDF-2 64-bit offset, CDF-5)
 * and of netCDF-4/HDF5 (through jHDF) behind {@link eu.ai4c.kit.io.netcdf.NetcdfFile}, CF
 * conventions (packing, fill values, time units and calendars, regular lat-lon grids in either
 * latitude order and with 0–360 longitudes), and a CF writer of 64-bit offset files.
 */
package eu.ai4c.kit.io.netcdf;
