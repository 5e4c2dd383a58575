package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.geotiff.GeoTiffReader;
import eu.ai4c.kit.raster.Raster;
import eu.ai4c.s2.jp2.Jp2Rasters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.sis.referencing.CRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.util.FactoryException;

/**
 * Reads a SENTINEL-SAFE Level-1C or Level-2A product, zipped or not, into an {@link S2Product}:
 * product and tile metadata, the band images at their native resolution, and the masks
 * (L2A {@code SCL}; L1C {@code MSK_CLASSI_B00} from baseline 04.00 or {@code MSK_CLOUDS_B00.gml}
 * before; {@code MSK_CLDPRB_20m} where present). Band images are JPEG 2000 (ESA) or GeoTIFF
 * (products re-processed in that format); they are opened lazily. One tile per product (the
 * single-tile products distributed since December 2016); a pre-2016 multi-tile product is
 * refused with a message.
 *
 * <p>Stateless; the container stays open for the product's lazy reads.</p>
 */
public final class S2SafeReader {

    private S2SafeReader() {
    }

    /** The product and tile metadata only, without opening any image (works on metadata-only trees). */
    public record Metadata(ProductMetadata product, Optional<TileMetadata> tile, String tileMetadataPath) {
    }

    /** Reads the metadata of a SAFE folder or zip. */
    public static Metadata readMetadata(Path path) throws IOException {
        try (SafeContainer c = SafeContainer.open(path)) {
            return readMetadata(c);
        }
    }

    static Metadata readMetadata(SafeContainer c) throws IOException {
        String mtd = SafeLayout.productMetadata(c.entries()).orElseThrow(() -> new Ai4cException("Input " + c.location()
                + " has no Sentinel-2 product metadata (MTD_MSIL1C.xml or MTD_MSIL2A.xml at the SAFE root); "
                + "give a complete .SAFE folder or its .zip."));
        ProductMetadata pm;
        try (InputStream in = c.open(mtd)) {
            pm = ProductMetadataParser.parse(in, c.name() + "/" + mtd);
        }
        List<String> tiles = SafeLayout.tileMetadata(c.entries());
        if (tiles.size() > 1) {
            throw new Ai4cException("Input " + c.location() + " holds " + tiles.size() + " tiles (pre-2016 multi-tile "
                    + "format); AI4C reads single-tile products: download the tile wanted as a single-tile product.");
        }
        if (tiles.isEmpty()) return new Metadata(pm, Optional.empty(), "");
        TileMetadata tm;
        try (InputStream in = c.open(tiles.get(0))) {
            tm = TileMetadataParser.parse(in, c.name() + "/" + tiles.get(0));
        }
        return new Metadata(pm, Optional.of(tm), tiles.get(0));
    }

    /**
     * Opens a product.
     *
     * @throws Ai4cException when metadata is missing or damaged, naming the file
     */
    public static S2Product read(Path path) throws IOException {
        SafeContainer c = SafeContainer.open(path);
        Metadata md = readMetadata(c);
        ProductMetadata pm = md.product();
        TileMetadata tm = md.tile().orElseThrow(() -> new Ai4cException("Input " + c.location()
                + " has no tile metadata (GRANULE/<granule>/MTD_TL.xml); the product is incomplete: download it again."));
        CoordinateReferenceSystem crs = utm(tm, c);
        List<String> images = imagePaths(pm, c, SafeLayout.granuleFolder(md.tileMetadataPath()));
        Map<S2Band, BandImage> bands = new EnumMap<>(S2Band.class);
        for (Map.Entry<S2Band, SafeLayout.ImageFile> e : SafeLayout.bandImages(images).entrySet()) {
            int res = e.getValue().resolution() > 0 ? e.getValue().resolution() : e.getKey().nativeResolution();
            image(c, e.getKey().name(), 1, res, e.getValue().path(), tm, crs).ifPresent(b -> bands.put(e.getKey(), b));
        }
        Optional<BandImage> scl = SafeLayout.sceneClassification(images)
                .flatMap(f -> image(c, "SCL", 1, f.resolution() > 0 ? f.resolution() : 20, f.path(), tm, crs));
        Optional<BandImage> classi = tm.masks("MSK_CLASSI").stream().findFirst()
                .flatMap(f -> image(c, "MSK_CLASSI", 3, 60, f, tm, crs));
        Optional<BandImage> cldprb = tm.masks("MSK_CLDPRB").stream().filter(f -> f.contains("20m")).findFirst()
                .flatMap(f -> image(c, "MSK_CLDPRB", 1, 20, f, tm, crs));
        Optional<GmlCloudMask> gml = Optional.empty();
        Optional<String> gmlFile = tm.masks("MSK_CLOUDS").stream().findFirst().flatMap(c::find);
        if (gmlFile.isPresent()) {
            try (InputStream in = c.open(gmlFile.get())) {
                gml = Optional.of(GmlCloudMask.parse(in, c.name() + "/" + gmlFile.get()));
            }
        }
        String name = c.name().replaceFirst("(?i)\\.SAFE$", "");
        return new S2Product(name, pm.level(), pm.baseline(), pm.quantification(), pm.addOffsets(), pm.noDataValue(),
                tm.tileName(), crs, bands, scl, classi, cldprb, gml, Optional.of(pm), Optional.of(tm), c.location());
    }

    /** The IMAGE_FILE entries, or (when the metadata lists none) the image files found in the granule. */
    private static List<String> imagePaths(ProductMetadata pm, SafeContainer c, String granule) {
        if (!pm.imageFiles().isEmpty()) return pm.imageFiles();
        return c.entries().stream().filter(e -> e.startsWith(granule + "IMG_DATA/")).toList();
    }

    private static CoordinateReferenceSystem utm(TileMetadata tm, SafeContainer c) {
        try {
            return Projections.eastingFirst(CRS.forCode("EPSG:" + tm.epsg()));
        } catch (FactoryException e) {
            throw new Ai4cException(c.location() + ": tile CRS EPSG:" + tm.epsg() + " is unknown (" + e.getMessage() + ").", e);
        }
    }

    /** A lazily opened image, if its file is in the container (with or without extension). */
    private static Optional<BandImage> image(SafeContainer c, String name, int components, int res, String path,
                                             TileMetadata tm, CoordinateReferenceSystem crs) {
        Optional<String> entry = c.find(path).or(() -> c.find(path + ".jp2")).or(() -> c.find(path + ".tif"));
        Optional<TileGrid> g = tm.grid(res);
        if (entry.isEmpty() || g.isEmpty()) return Optional.empty();
        TileGrid grid = g.get();
        MapGeoCoding gc = new MapGeoCoding(crs, grid.geoTransform());
        String file = entry.get();
        String where = c.name() + "/" + file;
        List<String> names = components == 1 ? List.of(name)
                : java.util.stream.IntStream.rangeClosed(1, components).mapToObj(i -> name + "_" + i).toList();
        boolean tiff = file.toLowerCase(Locale.ROOT).matches(".*\\.tiff?$");
        return Optional.of(new BandImage(name, res, gc, grid.cols(), grid.rows(), where, () -> {
            Path local = c.localFile(file);
            if (tiff) return geoTiff(local, gc);
            return Jp2Rasters.open(local, names, gc);
        }));
    }

    private static Raster geoTiff(Path file, MapGeoCoding gc) throws IOException {
        // the GeoTIFF carries its own geocoding; the tile metadata's grid describes the same pixels
        return new GeoTiffReader().read(file).raster();
    }
}
