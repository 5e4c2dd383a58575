package eu.ai4c.kit.io.netcdf;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens netCDF files of any format, chosen by the file's first bytes (never by its name). */
public final class Netcdf {
    private Netcdf() {
    }

    /**
     * Opens a netCDF-3 (classic, 64-bit offset, CDF-5) or netCDF-4/HDF5 file.
     *
     * @throws Ai4cException when the file is missing, empty, truncated or not netCDF, with a message naming it
     */
    public static NetcdfFile open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new Ai4cException(path + " does not exist or is not a file. Give the path of a netCDF (.nc) file.");
        }
        byte[] magic = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(magic, 0, 8);
        }
        if (n >= 4 && magic[0] == 'C' && magic[1] == 'D' && magic[2] == 'F'
                && (magic[3] == 1 || magic[3] == 2 || magic[3] == 5)) {
            return new Netcdf3File(path);
        }
        if (n == 8 && (magic[0] & 0xFF) == 0x89 && magic[1] == 'H' && magic[2] == 'D' && magic[3] == 'F') {
            return new Netcdf4File(path);
        }
        if (n < 4) {
            throw new Ai4cException(path + " is empty or truncated (" + n + " bytes): not a netCDF file."
                    + " Download or copy it again.");
        }
        throw new Ai4cException(path + " is not a netCDF file (it starts with neither \"CDF\" nor the HDF5"
                + " signature). Give a netCDF-3 or netCDF-4 file, e.g. as downloaded from the CDS/ADS.");
    }
}
