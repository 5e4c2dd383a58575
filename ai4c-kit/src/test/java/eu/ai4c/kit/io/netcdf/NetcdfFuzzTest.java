package eu.ai4c.kit.io.netcdf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.FuzzInput;
import java.io.IOException;

/**
 * Any bytes given as a netCDF-3 (classic, 64-bit offset, CDF-5) or netCDF-4 file either open, and
 * every variable's first slab reads and unpacks, or are refused with {@link Ai4cException} and a
 * message; never another exception, never a hang, never an array larger than the file can fill.
 * {@code mvn verify} runs the kept inputs of {@code NetcdfFuzzTestInputs/<method>/} (the ERA5
 * fixture in both formats, files of {@link Netcdf3Writer}) and findings; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class NetcdfFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void classic(byte[] data) throws IOException {
        openAndRead(data, ".nc");
    }

    @FuzzTest(maxDuration = "2m")
    void netcdf4(byte[] data) throws IOException {
        openAndRead(data, ".nc4");
    }

    private static void openAndRead(byte[] data, String suffix) throws IOException {
        try (NetcdfFile f = Netcdf.open(FuzzInput.file(data, suffix))) {
            for (NcVariable v : f.variables()) {
                // a record variable may hold no records (numrecs 0): then there is no slab 0, read it whole
                f.read(v, v.rank() == 0 || v.shape()[0] == 0 ? -1 : 0);
                if (v.name().equals("time")) CfTime.of(v);
            }
        } catch (Ai4cException e) {
            FuzzInput.refused(e);
        }
    }
}
