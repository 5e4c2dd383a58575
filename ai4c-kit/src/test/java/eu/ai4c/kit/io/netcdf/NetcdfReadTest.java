package eu.ai4c.kit.io.netcdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The netCDF readers against real CDS files (ERA5 2 m temperature; CAMS EAC4 surface and model
 * levels, all 64-bit offset with packed shorts) and against ncdump. Expected values were recorded
 * from {@code ncdump -v t2m era5_2t_1.nc}, {@code ncdump -v tcwv 232f85b4-….nc} and
 * {@code ncdump -t -v time …} (netcdf-bin 4.9.0); each test also runs ncdump on the same file and
 * compares every value.
 */
class NetcdfReadTest {
    static final Path ERA5 = Fixtures.file("earthkit-era5/tests/data/era5_2t_1.nc");
    static final Path ERA5_NC4 = Fixtures.file("earthkit-era5/derived/era5_2t_1_netcdf4.nc");
    static final Path CAMS_TC = Fixtures.file("joseki-cams/tests/data/232f85b4-b3e9-47a7-a52d-9f955c38b9f6.nc");
    static final Path CAMS_SFC = Fixtures.file("joseki-cams/tests/data/97da7a58-674a-4a1f-a92b-534cb95d07bb/levtype_sfc.nc");
    static final Path CAMS_ML = Fixtures.file("joseki-cams/tests/data/97da7a58-674a-4a1f-a92b-534cb95d07bb/levtype_ml.nc");

    @TempDir
    Path tmp;

    @Test
    void era5HeaderAndPackedValuesEqualNcdump() throws Exception {
        try (NetcdfFile f = Netcdf.open(ERA5)) {
            assertEquals("64-bit offset", f.format());
            assertEquals(List.of("longitude", "latitude", "time"), f.dimensions().stream().map(NcDimension::name).toList());
            assertEquals("CF-1.6", f.globalAttributes().get("Conventions"));
            NcVariable t2m = f.variable("t2m");
            assertEquals(NcType.SHORT, t2m.type());
            assertEquals(List.of("time", "latitude", "longitude"), t2m.dimensions());
            assertEquals(0.00137827149108083, t2m.number("scale_factor", 0), 1e-17);
            assertEquals(265.927243603512, t2m.number("add_offset", 0), 1e-12);
            assertEquals(-32767, t2m.number("_FillValue", 0));
            assertEquals("2 metre temperature", t2m.text("long_name"));
            double[] raw = f.readRaw(t2m, -1);
            // recorded from ncdump: first row and last row
            assertArrayEquals(new double[] {-4149, -2839, -4249, -7008, -11904, -13515, -11292, -12391, -15245, -14510,
                    -14739, -12312, -10267, -13288, -10620, -8433, -17877, -11090}, Arrays.copyOf(raw, 18));
            assertArrayEquals(new double[] {-17493, -21205, -27699, -29685, -32164, -32766, -26711, -26082, -12169,
                    -11161, -16679, -15153, -16488, -19817, -10254, -9176, -12910, -10049}, Arrays.copyOfRange(raw, 144, 162));
            assertArrayEquals(Ncdump.values(ERA5, "t2m"), raw);
            // unpacked exactly as CF says, in double
            double[] k = f.readDouble(t2m, 0);
            for (int i = 0; i < raw.length; i++) {
                assertEquals(raw[i] * 0.00137827149108083 + 265.927243603512, k[i], 1e-9);
            }
            assertEquals(-4149 * 0.00137827149108083 + 265.927243603512, f.read(t2m, 0)[0], 1e-4);
            assertArrayEquals(Ncdump.values(ERA5, "latitude"), f.readDouble(f.variable("latitude"), -1));
            assertArrayEquals(Ncdump.values(ERA5, "longitude"), f.readDouble(f.variable("longitude"), -1));
        }
    }

    @Test
    void era5GridIsRotatedFrom0To360IntoMinus180To180() throws Exception {
        try (NetcdfFile f = Netcdf.open(ERA5)) {
            NcVariable t2m = f.variable("t2m");
            CfGrid g = CfGrid.of(f, t2m);
            assertEquals(18, g.width());
            assertEquals(9, g.height());
            assertEquals(80, g.north());
            assertEquals(-180, g.west());
            assertEquals(20, g.lonStep());
            assertEquals(20, g.latStep());
            assertFalse(g.southFirst());
            assertEquals(9, g.longitudeShift());
            float[] file = f.read(t2m, 0);
            float[] canon = g.toCanonical(file);
            // canonical column 0 is 180°E (file column 9), column 9 is 0°E (file column 0)
            for (int r = 0; r < 9; r++) {
                assertEquals(file[r * 18 + 9], canon[r * 18]);
                assertEquals(file[r * 18], canon[r * 18 + 9]);
                assertEquals(file[r * 18 + 17], canon[r * 18 + 8]);
            }
            CfTime time = CfTime.of(f.variable("time"));
            // ncdump -t: time = "2021-03-01 12"
            assertEquals(Instant.parse("2021-03-01T12:00:00Z"), time.toInstant(f.readDouble(f.variable("time"), 0)[0]));
        }
    }

    @Test
    void camsSurfaceSlabsAndTimesEqualNcdump() throws Exception {
        try (NetcdfFile f = Netcdf.open(CAMS_TC)) {
            NcVariable tcwv = f.variable("tcwv");
            double[] all = f.readRaw(tcwv, -1);
            assertArrayEquals(new double[] {-27180, -22075, -14185, -15459, -2047, 9212, 6601, 23527, 32767},
                    Arrays.copyOf(all, 9));
            assertArrayEquals(Ncdump.values(CAMS_TC, "tcwv"), all);
            assertArrayEquals(Ncdump.values(CAMS_TC, "gtco3"), f.readRaw(f.variable("gtco3"), -1));
            double[] slab5 = f.readRaw(tcwv, 5);
            assertArrayEquals(Arrays.copyOfRange(all, 45, 54), slab5);
            CfGrid g = CfGrid.of(f, tcwv);
            assertEquals(3, g.width());
            assertEquals(27.0, g.west()); // ncdump: longitude = 27, 27.75, 28.5
            assertEquals(23.5, g.north());
            assertEquals(0.75, g.lonStep());
            CfTime time = CfTime.of(f.variable("time"));
            double[] t = f.readDouble(f.variable("time"), -1);
            // ncdump -t: "2020-07-01", "2020-07-01 03", …, "2020-07-02 21"
            assertEquals(Instant.parse("2020-07-01T00:00:00Z"), time.toInstant(t[0]));
            assertEquals(Instant.parse("2020-07-01T03:00:00Z"), time.toInstant(t[1]));
            assertEquals(Instant.parse("2020-07-02T21:00:00Z"), time.toInstant(t[15]));
        }
        try (NetcdfFile f = Netcdf.open(CAMS_SFC)) {
            assertArrayEquals(Ncdump.values(CAMS_SFC, "sp"), f.readRaw(f.variable("sp"), -1));
        }
    }

    @Test
    void camsModelLevelsReadSlabByTime() throws Exception {
        try (NetcdfFile f = Netcdf.open(CAMS_ML)) {
            NcVariable t = f.variable("t");
            assertEquals(List.of("time", "level", "latitude", "longitude"), t.dimensions());
            double[] all = f.readRaw(t, -1);
            assertArrayEquals(Ncdump.values(CAMS_ML, "t"), all);
            assertArrayEquals(Arrays.copyOfRange(all, 3 * 540, 4 * 540), f.readRaw(t, 3));
            // CfGrid takes the last two dimensions whatever comes before them
            assertEquals(3, CfGrid.of(f, t).height());
        }
    }

    @Test
    void netcdf4ReadsTheSameAsItsClassicOriginal() throws Exception {
        // era5_2t_1_netcdf4.nc was made with "nccopy -k nc4 -d 1 era5_2t_1.nc" (netcdf-bin 4.9.0)
        try (NetcdfFile nc3 = Netcdf.open(ERA5); NetcdfFile nc4 = Netcdf.open(ERA5_NC4)) {
            assertEquals("netCDF-4", nc4.format());
            for (String name : List.of("longitude", "latitude", "time", "t2m")) {
                NcVariable a = nc3.variable(name);
                NcVariable b = nc4.variable(name);
                assertEquals(a.dimensions(), b.dimensions(), name);
                assertArrayEquals(a.shape(), b.shape(), name);
                assertEquals(a.type(), b.type(), name);
                assertArrayEquals(nc3.readRaw(a, -1), nc4.readRaw(b, -1), name);
                assertArrayEquals(nc3.read(a, -1), nc4.read(b, -1), name);
            }
            NcVariable t2m = nc4.variable("t2m");
            assertEquals("K", t2m.text("units"));
            assertArrayEquals(nc3.readRaw(nc3.variable("t2m"), 0), nc4.readRaw(t2m, 0));
            assertEquals(-180, CfGrid.of(nc4, t2m).west());
            assertEquals(Ncdump.values(ERA5_NC4, "t2m").length, 162);
        }
    }

    @Test
    void missingVariableNamesTheFileAndWhatItHas() throws Exception {
        try (NetcdfFile f = Netcdf.open(CAMS_SFC)) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> f.variable("pm2p5"));
            assertTrue(e.getMessage().contains("no variable \"pm2p5\""), e.getMessage());
            assertTrue(e.getMessage().contains("sp"), e.getMessage());
            assertTrue(e.getMessage().contains("levtype_sfc.nc"), e.getMessage());
        }
    }

    @Test
    void truncatedFilesAreClearErrors() throws Exception {
        byte[] all = Files.readAllBytes(CAMS_TC);
        Path data = tmp.resolve("cut_data.nc");
        Files.write(data, Arrays.copyOf(all, all.length - 100));
        Ai4cException e = assertThrows(Ai4cException.class, () -> Netcdf.open(data).close());
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("cut_data.nc"), e.getMessage());
        Path header = tmp.resolve("cut_header.nc");
        Files.write(header, Arrays.copyOf(all, 200));
        e = assertThrows(Ai4cException.class, () -> Netcdf.open(header).close());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path nc4 = tmp.resolve("cut4.nc");
        byte[] h5 = Files.readAllBytes(ERA5_NC4);
        Files.write(nc4, Arrays.copyOf(h5, h5.length / 2));
        e = assertThrows(Ai4cException.class, () -> {
            try (NetcdfFile f = Netcdf.open(nc4)) {
                f.readRaw(f.variable("t2m"), -1);
            }
        });
        assertTrue(e.getMessage().contains("cut4.nc"), e.getMessage());
        Path text = tmp.resolve("notes.nc");
        Files.writeString(text, "hello, this is no netCDF");
        e = assertThrows(Ai4cException.class, () -> Netcdf.open(text).close());
        assertTrue(e.getMessage().contains("not a netCDF file"), e.getMessage());
    }

    /**
     * A file whose unlimited dimension holds no records (as {@code ncgen} writes one: the record
     * variables' offsets point at the end of the file, or beyond) opens, with empty record variables.
     */
    @Test
    void emptyRecordDimensionOpens() throws Exception {
        String cdl = "netcdf empty {\ndimensions:\n lat = 2 ;\n time = UNLIMITED ;\nvariables:\n"
                + " float lat(lat) ;\n int time(time) ;\n  time:units = \"hours since 2020-01-01\" ;\n"
                + " float pm2p5(time, lat) ;\ndata:\n lat = 40, 41 ;\n}\n";
        for (String kind : List.of("classic", "64-bit-offset", "cdf5", "nc4")) {
            Path nc = Ncdump.ncgen(cdl, kind, tmp.resolve("empty-" + kind + ".nc"));
            assertTrue(Ncdump.run("-h", nc.toString()).contains("UNLIMITED ; // (0 currently)"));
            try (NetcdfFile f = Netcdf.open(nc)) {
                assertEquals(0, f.variable("pm2p5").shape()[0], kind);
                assertEquals(0, f.read(f.variable("pm2p5"), -1).length, kind);
                assertEquals(0, f.read(f.variable("time"), -1).length, kind);
                assertArrayEquals(new float[] {40, 41}, f.read(f.variable("lat"), -1), kind);
            }
        }
    }

    /**
     * A record count left "streaming" (all bits set: the writer never closed the file) and, in
     * CDF-5 whose counts are signed 64-bit, a negative dimension length are refused by name (the
     * latter once got through every size check as a negative extent; fuzzing found it).
     */
    @Test
    void streamingRecordCountAndNegativeLengthsAreRefused() throws Exception {
        Path seeds = Path.of(NetcdfReadTest.class.getResource("NetcdfFuzzTestInputs/classic").toURI());
        byte[] classic = Files.readAllBytes(seeds.resolve("seed-era5-2t-record.nc"));
        Arrays.fill(classic, 4, 8, (byte) 0xFF); // numrecs, 32-bit
        Path streaming = Files.write(tmp.resolve("streaming.nc"), classic);
        Ai4cException e = assertThrows(Ai4cException.class, () -> Netcdf.open(streaming).close());
        assertTrue(e.getMessage().contains("streaming.nc") && e.getMessage().contains("how many records"),
                e.getMessage());

        byte[] cdf5 = Files.readAllBytes(seeds.resolve("seed-era5-2t-cdf5.nc"));
        try (NetcdfFile f = Netcdf.open(Files.write(tmp.resolve("whole5.nc"), cdf5))) {
            assertEquals(18, f.variable("longitude").shape()[0], "the byte changed below is longitude's length");
        }
        byte[] streaming5 = cdf5.clone();
        Arrays.fill(streaming5, 4, 12, (byte) 0xFF); // numrecs, 64-bit
        Path s5 = Files.write(tmp.resolve("streaming5.nc"), streaming5);
        e = assertThrows(Ai4cException.class, () -> Netcdf.open(s5).close());
        assertTrue(e.getMessage().contains("how many records"), e.getMessage());
        byte[] negative = cdf5.clone();
        negative[44] = (byte) 0xFF; // longitude's length, 64-bit at byte 44, now negative
        Path n5 = Files.write(tmp.resolve("negative5.nc"), negative);
        e = assertThrows(Ai4cException.class, () -> Netcdf.open(n5).close());
        assertTrue(e.getMessage().contains("negative5.nc") && e.getMessage().contains("length of dimension longitude"),
                e.getMessage());
    }

    @Test
    void nonRegularGridIsRefusedAndSouthFirstIsFlipped() throws Exception {
        Path irregular = tmp.resolve("irregular.nc");
        writeGrid(irregular, new double[] {50, 49, 48}, new double[] {10, 11, 13, 14});
        try (NetcdfFile f = Netcdf.open(irregular)) {
            Ai4cException e = assertThrows(Ai4cException.class, () -> CfGrid.of(f, f.variable("v")));
            assertTrue(e.getMessage().contains("\"lon\"") && e.getMessage().contains("not regularly spaced"),
                    e.getMessage());
        }
        Path south = tmp.resolve("south.nc");
        writeGrid(south, new double[] {48, 49, 50}, new double[] {10, 11, 12, 13});
        try (NetcdfFile f = Netcdf.open(south)) {
            CfGrid g = CfGrid.of(f, f.variable("v"));
            assertTrue(g.southFirst());
            assertEquals(50, g.north());
            float[] canon = g.toCanonical(f.read(f.variable("v"), -1));
            // value = row·10 + col in file order; the northern row (file row 2) comes first
            assertEquals(20, canon[0]);
            assertEquals(23, canon[3]);
            assertEquals(3, canon[11]);
        }
    }

    @Test
    void otherCalendarsAndUnits() {
        CfTime noleap = CfTime.parse("days since 2001-01-01", "noleap", "time");
        // day 59 of a no-leap year is 1 March; 365 days later is 1 January of the next year
        assertEquals(Instant.parse("2001-03-01T00:00:00Z"), noleap.toInstant(59));
        assertEquals(Instant.parse("2004-03-01T00:00:00Z"), noleap.toInstant(3 * 365 + 59));
        CfTime seconds = CfTime.parse("seconds since 1970-01-01T00:00:00Z", null, "valid_time");
        assertEquals(Instant.ofEpochSecond(1_700_000_000L), seconds.toInstant(1_700_000_000d));
        Ai4cException e = assertThrows(Ai4cException.class, () -> CfTime.parse("days since 2000-01-01", "360_day", "t"));
        assertTrue(e.getMessage().contains("360_day"), e.getMessage());
        e = assertThrows(Ai4cException.class, () -> CfTime.parse("months since 2000-01-01", null, "t"));
        assertTrue(e.getMessage().contains("months"), e.getMessage());
    }

    static void writeGrid(Path file, double[] lat, double[] lon) throws IOException {
        new Netcdf3Writer().dimension("lat", lat.length).dimension("lon", lon.length)
                .variable("lat", NcType.DOUBLE, List.of("lat"), Map.of("units", "degrees_north"))
                .variable("lon", NcType.DOUBLE, List.of("lon"), Map.of("units", "degrees_east"))
                .variable("v", NcType.FLOAT, List.of("lat", "lon"), Map.of())
                .write(file, (name, index, out) -> {
                    switch (name) {
                        case "lat" -> System.arraycopy(lat, 0, out, 0, lat.length);
                        case "lon" -> System.arraycopy(lon, 0, out, 0, lon.length);
                        default -> {
                            // v(lat, lon) has rank 2: one latitude row per call
                            for (int c = 0; c < lon.length; c++) out[c] = index * 10 + c;
                        }
                    }
                });
    }
}
