package eu.ai4c.aq.data;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.netcdf.CfGrid;
import eu.ai4c.kit.io.netcdf.NcVariable;
import eu.ai4c.kit.io.netcdf.Netcdf;
import eu.ai4c.kit.io.netcdf.NetcdfFile;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One time step of CAMS-like netCDF variables as a raster product, the way a netCDF reader (SNAP's
 * CF reader) presents it to an operator that works on products: one float32 band per variable
 * (unpacked, units as in the file), rows north to south, and a WGS 84 geotransform derived from
 * the coordinate variables (corner = first cell centre − half the mean step). For {@code
 * AQ-Downscale}'s tests and benchmark. The variables must share one grid.
 */
public final class CamsProducts {
    private CamsProducts() {
    }

    /**
     * @param suffix appended to each band name (e.g. {@code _time3}); empty for the plain names
     */
    public static Product timeStep(Path file, List<String> variables, int step, String suffix) throws IOException {
        try (NetcdfFile f = Netcdf.open(file)) {
            List<Band> bands = new ArrayList<>();
            List<Block> blocks = new ArrayList<>();
            CfGrid grid = null;
            for (String name : variables) {
                NcVariable v = f.variable(name);
                if (v.rank() >= 3 && (step < 0 || step >= v.shape()[0])) {
                    throw new Ai4cException(file + ": " + name + " has " + v.shape()[0] + " time steps; there is no"
                            + " step " + step + ". Give a step from 0 to " + (v.shape()[0] - 1) + ".");
                }
                CfGrid g = CfGrid.of(f, v);
                if (grid != null && (g.width() != grid.width() || g.height() != grid.height())) {
                    throw new Ai4cException(file + ": " + name + " is on a " + g + " grid, not the " + grid + " of "
                            + variables.get(0) + ". Give variables on one grid.");
                }
                grid = g;
                bands.add(Band.of(name + suffix, DataType.FLOAT32).withUnit(v.text("units")));
                blocks.add(new Block(Region.of(g.width(), g.height()), DataType.FLOAT32,
                        g.toCanonical(f.read(v, v.rank() >= 3 ? step : -1))));
            }
            if (grid == null) throw new IllegalArgumentException("no variables");
            double[] lat = f.readDouble(f.variable(grid.latitudeName()), -1);
            double[] lon = f.readDouble(f.variable(grid.longitudeName()), -1);
            double dLon = (lon[lon.length - 1] - lon[0]) / (lon.length - 1);
            double dLat = Math.abs(lat[lat.length - 1] - lat[0]) / (lat.length - 1);
            double north = Math.max(lat[0], lat[lat.length - 1]);
            double west = grid.west(); // canonical −180…180, as the first column after any rotation
            MapGeoCoding gc = new MapGeoCoding(Projections.wgs84(),
                    new double[] {west - dLon / 2, dLon, 0, north + dLat / 2, 0, -dLat});
            String stem = file.getFileName().toString().replaceFirst("(?i)\\.nc4?$", "");
            return Product.of(stem, new MemoryRaster(bands, blocks.toArray(new Block[0]), gc));
        }
    }
}
