package eu.ai4c.kit.io.netcdf;

import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens HDF5 files (netCDF-4, Keras {@code .h5}) for jHDF so that a damaged size field costs
 * nothing: from a file channel, jHDF allocates and zeroes a buffer of whatever size an object
 * header claims before reading it (tens of seconds and gigabytes for a 150-byte damaged file);
 * from a memory-mapped file it takes a slice, which fails at once when it runs past the end.
 * Files of 2 GiB and more (beyond one mapping) are opened from the channel. Stateless.
 */
public final class Hdf5Files {
    private Hdf5Files() {
    }

    /** The file, memory-mapped read-only when under 2 GiB; close the result. */
    public static HdfFile open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < Integer.MAX_VALUE) {
                MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size); // stays valid after close
                return HdfFile.fromByteBuffer(map);
            }
        }
        return new HdfFile(file);
    }
}
