package eu.ai4c.kit.dem;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SRTM {@code .hgt} tiles: a 1° × 1° square named after its south-west corner (e.g.
 * {@code N41E012.hgt} covers 41–42° N, 12–13° E) holding 1201 × 1201 (3") or 3601 × 3601 (1")
 * big-endian int16 heights above EGM96 MSL, rows from north to south, edge posts shared with the
 * neighbours, void -32768. Stateless; thread-safe.
 */
public final class HgtFormat implements DemTileFormat {
    private static final Pattern NAME = Pattern.compile("([NS])(\\d{2})([EW])(\\d{3})\\.hgt", Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<double[]> footprint(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) return Optional.empty();
        int lat = Integer.parseInt(m.group(2)) * (m.group(1).toUpperCase(Locale.ROOT).equals("S") ? -1 : 1);
        int lon = Integer.parseInt(m.group(4)) * (m.group(3).toUpperCase(Locale.ROOT).equals("W") ? -1 : 1);
        return Optional.of(new double[] {lat, lon, lat + 1, lon + 1});
    }

    @Override
    public DemTile read(Path file) throws IOException {
        double[] fp = footprint(file).orElseThrow(() -> new Ai4cException("DEM tile " + file
                + " is not named like an SRTM tile (e.g. N41E012.hgt): rename it or remove it from the DEM folder."));
        long size = Files.size(file);
        int n;
        if (size == 2L * 1201 * 1201) {
            n = 1201;
        } else if (size == 2L * 3601 * 3601) {
            n = 3601;
        } else {
            throw new Ai4cException("DEM tile " + file + " has " + size + " bytes; an SRTM .hgt tile has "
                    + (2 * 1201 * 1201) + " (3\") or " + (2L * 3601 * 3601) + " (1\"): replace the damaged file.");
        }
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
        short[] h = new short[n * n];
        buf.asShortBuffer().get(h);
        double step = 1.0 / (n - 1);
        return DemTile.ofShorts(fp[2], fp[1], step, step, n, n, h);
    }
}
