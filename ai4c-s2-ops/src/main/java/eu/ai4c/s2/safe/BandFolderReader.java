package eu.ai4c.s2.safe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a folder of per-band GeoTIFFs as a Sentinel-2 product (already extracted patches, e.g.
 * SSL4EO-S12): one file per band, the band name in the file name ({@code B4.tif},
 * {@code T43RCP_B02_10m.tif}, {@code B8A.tiff}), an optional {@code SCL} file, each on its own
 * grid. Digital numbers are scaled like SAFE products; the level and processing baseline come
 * from a {@code metadata.json} beside the files when it has {@code PRODUCT_ID} /
 * {@code PROCESSING_BASELINE} (as Google Earth Engine exports do); otherwise the folder is taken
 * as L2A (L1C when its path says {@code L1C}) with quantification 10000 and no offset. Stateless.
 */
public final class BandFolderReader {
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|[_\\-.])(B\\d{1,2}|B8A|SCL)(?:[_\\-.]|$)");
    private static final double QUANTIFICATION = 10000;

    private BandFolderReader() {
    }

    /** True when {@code folder} holds at least one GeoTIFF named after a Sentinel-2 band. */
    public static boolean looksLikeBandFolder(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> isTiff(p) && bandOf(p).filter(t -> S2Band.parseOrNull(t) != null).isPresent());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the folder. */
    public static S2Product read(Path folder) throws IOException {
        Map<S2Band, BandImage> bands = new EnumMap<>(S2Band.class);
        BandImage scl = null;
        MapGeoCoding first = null;
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(BandFolderReader::isTiff).sorted().toList();
        }
        for (Path f : files) {
            Optional<String> token = bandOf(f);
            if (token.isEmpty()) continue;
            Raster r = new GeoTiffReader().read(f).raster();
            if (!(r.geoCoding() instanceof MapGeoCoding gc)) {
                throw new Ai4cException("Band file " + f + " has no map geocoding; per-band GeoTIFFs must be georeferenced.");
            }
            if (first == null) first = gc;
            if (token.get().equals("SCL")) {
                scl = new BandImage("SCL", 20, gc, r.width(), r.height(), f.toString(), () -> r);
                continue;
            }
            S2Band band = S2Band.parseOrNull(token.get());
            if (band == null) continue;
            if (bands.containsKey(band)) {
                throw new Ai4cException("Folder " + folder + " has two files for band " + band + " ("
                        + bands.get(band).location() + ", " + f + "); keep one per band.");
            }
            bands.put(band, new BandImage(band.name(), band.nativeResolution(), gc, r.width(), r.height(), f.toString(), () -> r));
        }
        if (bands.isEmpty()) {
            throw new Ai4cException("Folder " + folder + " has no GeoTIFF named after a Sentinel-2 band (e.g. B02.tif, "
                    + "B4.tif); give a SAFE product or a folder of per-band GeoTIFFs.");
        }
        JsonNode meta = metadataJson(folder);
        String productId = meta.path("PRODUCT_ID").asText("");
        S2Level level = productId.contains("MSIL1C") ? S2Level.L1C : productId.contains("MSIL2A") ? S2Level.L2A
                : folder.toString().toUpperCase(Locale.ROOT).contains("L1C") ? S2Level.L1C : S2Level.L2A;
        String bl = meta.path("PROCESSING_BASELINE").asText("");
        ProcessingBaseline baseline = bl.isEmpty() ? new ProcessingBaseline(0, 0)
                : ProcessingBaseline.parse(bl, folder.resolve("metadata.json").toString());
        double[] offsets = new double[13];
        if (baseline.hasRadiometricOffset()) java.util.Arrays.fill(offsets, -1000); // BOA/RADIO_ADD_OFFSET of every 04.00+ product
        String tile = meta.path("MGRS_TILE").asText("");
        return new S2Product(folder.getFileName().toString(), level, baseline, QUANTIFICATION, offsets, 0,
                tile.isEmpty() ? "" : "T" + tile, first.crs(), bands, Optional.ofNullable(scl), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), folder);
    }

    private static JsonNode metadataJson(Path folder) throws IOException {
        Path json = folder.resolve("metadata.json");
        if (!Files.isRegularFile(json)) return new ObjectMapper().createObjectNode();
        try {
            return new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new Ai4cException(json + " is not valid JSON (" + e.getMessage() + "); fix or remove it.", e);
        }
    }

    private static boolean isTiff(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".tif") || n.endsWith(".tiff"));
    }

    /** The band token of a file name ({@code B02}, {@code B4}, {@code SCL}), if any. */
    static Optional<String> bandOf(Path p) {
        String n = p.getFileName().toString();
        n = n.substring(0, n.lastIndexOf('.'));
        Matcher m = TOKEN.matcher(n);
        String found = null;
        while (m.find()) found = m.group(1).toUpperCase(Locale.ROOT);
        return Optional.ofNullable(found);
    }
}
