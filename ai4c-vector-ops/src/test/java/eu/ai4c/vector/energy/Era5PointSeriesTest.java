package eu.ai4c.vector.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.netcdf.NcType;
import eu.ai4c.kit.io.netcdf.Netcdf3Writer;
import eu.ai4c.kit.testing.Fixtures;
import eu.ai4c.vector.Tools;
import eu.ai4c.vector.energy.GridSampling.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code era5-extract} on the real ERA5 file of the fixtures (global, longitudes 0–340, latitudes
 * north to south, packed shorts) against the stored values printed by {@code ncdump} and unpacked
 * here from the scale and offset ncdump prints; and on a synthetic regional file (latitudes south
 * to north, longitudes 200–240) of a field linear in latitude and longitude, which bilinear
 * sampling must reproduce exactly.
 */
class Era5PointSeriesTest {
    /** The output is the float value as its shortest decimal: 265 K carries float steps of 3e-5 K. */
    private static final double FLOAT_TOLERANCE_K = 1e-4;

    @TempDir
    Path tmp;

    /** Stored t2m values [lat][lon] as ncdump prints them, unpacked here. */
    private static double[][] ncdumpT2m(Path nc) {
        String header = Tools.run(List.of("ncdump", "-h", nc.toString()));
        double scale = attribute(header, "t2m:scale_factor");
        double offset = attribute(header, "t2m:add_offset");
        String dump = Tools.run(List.of("ncdump", "-v", "t2m", nc.toString()));
        String body = dump.substring(dump.indexOf("t2m =", dump.indexOf("data:")) + 5, dump.lastIndexOf(';'));
        List<Double> raw = new ArrayList<>();
        for (String tok : body.split("[,\\s]+")) if (!tok.isEmpty()) raw.add(Double.parseDouble(tok));
        assertEquals(9 * 18, raw.size());
        double[][] v = new double[9][18];
        for (int i = 0; i < raw.size(); i++) v[i / 18][i % 18] = raw.get(i) * scale + offset;
        return v;
    }

    private static double attribute(String header, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + " = ([-0-9.eE]+)").matcher(header);
        assertTrue(m.find(), name + " in " + header);
        return Double.parseDouble(m.group(1));
    }

    /** The rows of the output by point id: time, then the values. */
    private static Map<String, List<String[]>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        Map<String, List<String[]>> out = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    @Test
    void realEra5FileMatchesNcdumpNearestAndBilinear() throws Exception {
        Path nc = Fixtures.file("earthkit-era5/tests/data/era5_2t_1.nc");
        double[][] t = ncdumpT2m(nc);
        // lat index = (80 - lat) / 20, lon index = lon(0–360) / 20
        Path pts = tmp.resolve("plants.csv");
        Files.writeString(pts, "id;lat;lon\nnode;40;20\nwest;50;-30\nwrap;-70;350\nnear;1;179\n");
        Path out = tmp.resolve("series.csv");
        var r = Era5PointSeries.run(new Era5PointSeries.Request(nc, pts, out, List.of(), Method.BILINEAR));
        assertEquals(List.of("t2m"), r.variables());
        assertEquals("point_id,time,t2m", Files.readAllLines(out).get(0));
        String time = LocalDateTime.of(1900, 1, 1, 0, 0).plusHours(1062108).toInstant(ZoneOffset.UTC).toString();
        Map<String, List<String[]>> b = rows(out);
        assertEquals(time, b.get("node").get(0)[1]);
        assertEquals(t[2][1], Double.parseDouble(b.get("node").get(0)[2]), FLOAT_TOLERANCE_K);
        // -30° = 330°: halfway between 320° (16) and 340° (17), and between 60° (1) and 40° (2)
        double west = 0.25 * (t[1][16] + t[1][17] + t[2][16] + t[2][17]);
        assertEquals(west, Double.parseDouble(b.get("west").get(0)[2]), FLOAT_TOLERANCE_K);
        // 350°: halfway between 340° (17) and 360° = 0° (0); -70°: between -60° (7) and -80° (8)
        double wrap = 0.25 * (t[7][17] + t[7][0] + t[8][17] + t[8][0]);
        assertEquals(wrap, Double.parseDouble(b.get("wrap").get(0)[2]), FLOAT_TOLERANCE_K);
        // 179°E, 1°N: 0.95 of the way from 160° (8) to 180° (9); 0.95 of the way from 20°N (3) to 0° (4)
        double near = 0.05 * 0.05 * t[3][8] + 0.05 * 0.95 * t[3][9] + 0.95 * 0.05 * t[4][8] + 0.95 * 0.95 * t[4][9];
        assertEquals(near, Double.parseDouble(b.get("near").get(0)[2]), FLOAT_TOLERANCE_K);

        Path nearestOut = tmp.resolve("nearest.csv");
        Era5PointSeries.run(new Era5PointSeries.Request(nc, pts, nearestOut, List.of("t2m"), Method.NEAREST));
        Map<String, List<String[]>> n = rows(nearestOut);
        assertEquals(t[2][1], Double.parseDouble(n.get("node").get(0)[2]), FLOAT_TOLERANCE_K);
        assertEquals(t[4][9], Double.parseDouble(n.get("near").get(0)[2]), FLOAT_TOLERANCE_K);
        // halves round towards the south and east: 50° -> 40° (2), 330° -> 340° (17)
        assertEquals(t[2][17], Double.parseDouble(n.get("west").get(0)[2]), FLOAT_TOLERANCE_K);
        assertEquals(t[8][0], Double.parseDouble(n.get("wrap").get(0)[2]), FLOAT_TOLERANCE_K);
    }

    /** A linear field: bilinear sampling reproduces it exactly (up to float rounding). */
    private static double field(int time, double lat, double lon) {
        return 280 + 10 * time + 0.5 * lat - 0.25 * lon;
    }

    private Path regionalFile() throws Exception {
        // latitudes 40, 41, 42 (south first), longitudes 200, 210, 220, 230, 240 (0–360), 2 hours
        return new Netcdf3Writer().dimension("valid_time", 2).dimension("latitude", 3).dimension("longitude", 5)
                .variable("valid_time", NcType.INT, List.of("valid_time"), Map.of("units", "seconds since 1970-01-01",
                        "calendar", "proleptic_gregorian"))
                .variable("latitude", NcType.DOUBLE, List.of("latitude"), Map.of("units", "degrees_north"))
                .variable("longitude", NcType.DOUBLE, List.of("longitude"), Map.of("units", "degrees_east"))
                .variable("t2m", NcType.FLOAT, List.of("valid_time", "latitude", "longitude"), Map.of("units", "K"))
                .variable("ssrd", NcType.SHORT, List.of("valid_time", "latitude", "longitude"), Map.of("units", "J m**-2",
                        "scale_factor", 0.5, "add_offset", 1000.0, "_FillValue", (short) -32767))
                .write(tmp.resolve("regional.nc"), (name, index, out) -> {
                    switch (name) {
                        case "valid_time" -> { out[0] = 1_700_000_000; out[1] = 1_700_003_600; }
                        case "latitude" -> { for (int i = 0; i < 3; i++) out[i] = 40 + i; }
                        case "longitude" -> { for (int i = 0; i < 5; i++) out[i] = 200 + 10 * i; }
                        case "t2m" -> {
                            for (int r = 0, i = 0; r < 3; r++) for (int c = 0; c < 5; c++) out[i++] = field(index, 40 + r, 200 + 10 * c);
                        }
                        default -> {
                            for (int r = 0, i = 0; r < 3; r++) for (int c = 0; c < 5; c++) {
                                out[i++] = r == 2 && c == 4 ? Double.NaN : 1000 + 0.5 * (r * 5 + c);
                            }
                        }
                    }
                });
    }

    @Test
    void southFirstLatitudesAndRegional0To360Longitudes() throws Exception {
        Path nc = regionalFile();
        Path pts = tmp.resolve("p.csv");
        // one point given in -180…180, one in 0…360; the last lies where ssrd is missing
        Files.writeString(pts, "point_id,latitude,longitude\na,40.25,-146.5\nb,41.5,215\nc,41.75,238\n");
        Path out = tmp.resolve("s.csv");
        Era5PointSeries.run(new Era5PointSeries.Request(nc, pts, out, List.of(), Method.BILINEAR));
        List<String> lines = Files.readAllLines(out);
        assertEquals("point_id,time,t2m,ssrd", lines.get(0));
        assertEquals(1 + 3 * 2, lines.size());
        String[] a1 = lines.get(2).split(",", -1);
        assertEquals("a", a1[0]);
        assertEquals("2023-11-14T23:13:20Z", a1[1]);
        assertEquals(field(1, 40.25, 213.5), Double.parseDouble(a1[2]), 1e-4);
        String[] b0 = lines.get(3).split(",", -1);
        assertEquals(field(0, 41.5, 215), Double.parseDouble(b0[2]), 1e-4);
        // ssrd is stored packed as k = r * 5 + c (ncdump shows the raw shorts), unpacked k * 0.5 + 1000;
        // the point lies midway between rows 1, 2 and columns 1, 2 (file order: south first)
        double[] raw = Tools.run(List.of("ncdump", "-v", "ssrd", nc.toString())).lines()
                .dropWhile(l -> !l.startsWith(" ssrd =")).takeWhile(l -> !l.startsWith("}")).map(l -> l.replace("ssrd =", "").replace(";", ""))
                .flatMap(l -> java.util.Arrays.stream(l.split("[,\\s]+"))).filter(x -> !x.isEmpty() && !x.equals("_"))
                .mapToDouble(Double::parseDouble).toArray();
        assertEquals(7.0, raw[7]);
        double ssrd = 0.25 * ((raw[6] + raw[7] + raw[11] + raw[12]) * 0.5 + 4 * 1000);
        assertEquals(ssrd, Double.parseDouble(b0[3]), 1e-3);
        String[] c0 = lines.get(5).split(",", -1);
        assertEquals("", c0[3], "a missing corner makes the value missing");
    }

    @Test
    void badInputNamesTheProblemAndWritesNothing() throws Exception {
        Path nc = regionalFile();
        Path out = tmp.resolve("s.csv");
        Path outside = tmp.resolve("outside.csv");
        Files.writeString(outside, "id,lat,lon\nin,41,215\nfar,10,215\n");
        Ai4cException e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(nc, outside, out, List.of(), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("far") && e.getMessage().contains("outside the grid"), e.getMessage());
        // half a cell beyond the first longitude is inside for the nearest cell, not for bilinear
        Path edge = tmp.resolve("edge.csv");
        Files.writeString(edge, "id,lat,lon\ne,41,-164\n");
        Era5PointSeries.run(new Era5PointSeries.Request(nc, edge, out, List.of(), Method.NEAREST));
        assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(nc, edge, tmp.resolve("e.csv"), List.of(), Method.BILINEAR)));
        Files.delete(out);

        Path noLat = tmp.resolve("nolat.csv");
        Files.writeString(noLat, "id,lon\na,1\n");
        e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(nc, noLat, out, List.of(), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("nolat.csv") && e.getMessage().contains("lat (or latitude)"), e.getMessage());

        Path badLat = tmp.resolve("badlat.csv");
        Files.writeString(badLat, "id,lat,lon\na,95,210\n");
        e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(nc, badLat, out, List.of(), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("±90"), e.getMessage());

        Path notNc = tmp.resolve("era5.nc");
        Files.writeString(notNc, "this is not netCDF at all");
        Path pts = tmp.resolve("p.csv");
        Files.writeString(pts, "id,lat,lon\na,41,215\n");
        e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(notNc, pts, out, List.of(), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("era5.nc") && e.getMessage().contains("not a netCDF file"), e.getMessage());

        e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(nc, pts, out, List.of("u10"), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("no variable \"u10\""), e.getMessage());

        // valid_time made the record dimension with no records (classic header: its length, 0 = unlimited,
        // follows its name at byte 32; the header's record count is 0): a valid file with nothing to extract
        byte[] bytes = Files.readAllBytes(nc);
        assertEquals("valid_time", new String(bytes, 20, 10, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(2, java.nio.ByteBuffer.wrap(bytes, 32, 4).getInt());
        java.util.Arrays.fill(bytes, 32, 36, (byte) 0);
        Path empty = Files.write(tmp.resolve("no_times.nc"), bytes);
        e = assertThrows(Ai4cException.class,
                () -> Era5PointSeries.run(new Era5PointSeries.Request(empty, pts, out, List.of(), Method.BILINEAR)));
        assertTrue(e.getMessage().contains("no_times.nc") && e.getMessage().contains("no time steps"), e.getMessage());
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no temporary left");
        }
    }
}
