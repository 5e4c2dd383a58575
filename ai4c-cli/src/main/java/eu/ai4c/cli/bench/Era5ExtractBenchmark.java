package eu.ai4c.cli.bench;

import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.vector.energy.Era5PointSeries;
import eu.ai4c.vector.energy.GridSampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code era5-extract}: time series at points from an ERA5-like file of N hourly steps (default
 * 744, a month) on ERA5's 0.25° grid over Europe (25°W–45°E, 34°–72°N: 281 × 153 cells, latitudes
 * north first, longitudes −25…45 as the CDS delivers a European subset), four packed 16-bit variables (t2m,
 * u100, v100, ssrd); {@code -Ppoints} random points (default 1000), bilinear. The file is made once
 * and kept in the work folder. Reports values per second; no peer.
 */
public final class Era5ExtractBenchmark extends DeclaredBenchmark {
    private static final int WIDTH = 281;
    private static final int HEIGHT = 153;

    public Era5ExtractBenchmark() {
        super("era5-extract", "ERA5 series at points: N hourly steps (default 744) of 4 packed variables on the 0.25 deg "
                + "European grid, -Ppoints random points (default 1000), bilinear.", "points");
    }

    @Override
    public List<BenchResult> run(BenchContext context) throws IOException {
        int steps = context.size(744);
        int points = context.intOption("points", 1000, 1);
        Path nc = context.workDir().resolve("era5_europe_" + steps + "h.nc");
        if (!Files.exists(nc)) write(nc, steps);
        Path csv = context.workDir().resolve("era5_points_" + points + ".csv");
        StringBuilder b = new StringBuilder("id,lat,lon\n");
        Random rnd = new Random(11);
        for (int i = 0; i < points; i++) {
            b.append(String.format(Locale.ROOT, "p%d,%.4f,%.4f%n", i, 34 + rnd.nextDouble() * 38, -25 + rnd.nextDouble() * 70));
        }
        Files.writeString(csv, b);
        Path out = context.workDir().resolve("era5_series.csv");
        BenchContext.Measured m = context.measure(() -> Era5PointSeries.run(new Era5PointSeries.Request(nc, csv, out,
                List.of(), GridSampling.Method.BILINEAR)));
        long values = 4L * steps * points;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("steps", steps);
        extra.put("points", points);
        extra.put("file_mb", Files.size(nc) / (1 << 20));
        extra.put("values_per_s", Math.round(values / m.seconds()));
        return List.of(BenchResult.of(name(), nc.getFileName() + " (" + WIDTH + " x " + HEIGHT + " x " + steps
                + " x 4), " + points + " points", m, null, Double.NaN, extra));
    }

    /** A smooth field per variable and hour, packed to shorts as the CDS writes ERA5. */
    private static void write(Path nc, int steps) throws IOException {
        Map<String, Object> packed = Map.of("scale_factor", 0.002, "add_offset", 250.0, "_FillValue", (short) -32767);
        new Netcdf3Writer().dimension("valid_time", steps).dimension("latitude", HEIGHT).dimension("longitude", WIDTH)
                .variable("valid_time", NcType.INT, List.of("valid_time"), Map.of("units", "hours since 1900-01-01 00:00:00",
                        "calendar", "gregorian"))
                .variable("latitude", NcType.FLOAT, List.of("latitude"), Map.of("units", "degrees_north"))
                .variable("longitude", NcType.FLOAT, List.of("longitude"), Map.of("units", "degrees_east"))
                .variable("t2m", NcType.SHORT, List.of("valid_time", "latitude", "longitude"), packed)
                .variable("u100", NcType.SHORT, List.of("valid_time", "latitude", "longitude"), packed)
                .variable("v100", NcType.SHORT, List.of("valid_time", "latitude", "longitude"), packed)
                .variable("ssrd", NcType.SHORT, List.of("valid_time", "latitude", "longitude"), packed)
                .write(nc, (name, index, out) -> {
                    switch (name) {
                        case "valid_time" -> { for (int t = 0; t < steps; t++) out[t] = 1_087_680 + t; }
                        case "latitude" -> { for (int r = 0; r < HEIGHT; r++) out[r] = 72 - 0.25 * r; }
                        case "longitude" -> { for (int c = 0; c < WIDTH; c++) out[c] = -25 + 0.25 * c; }
                        default -> {
                            double phase = name.hashCode() % 7 + index * 0.26;
                            for (int r = 0, i = 0; r < HEIGHT; r++) {
                                for (int c = 0; c < WIDTH; c++) out[i++] = 260 + 20 * Math.sin(phase + 0.05 * r) * Math.cos(0.03 * c);
                            }
                        }
                    }
                });
    }
}
