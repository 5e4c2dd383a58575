package eu.ai4c.kit.io.geotiff.read;

import eu.ai4c.kit.io.geotiff.TiffColourMap;
import eu.ai4c.kit.io.geotiff.TiffTags;
import eu.ai4c.kit.progress.WarningListener;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a TIFF/GeoTIFF file as a {@link Product} whose raster is a lazily read {@link TiffRaster}.
 * Entry point of the reader internals for {@code eu.ai4c.kit.io.geotiff.GeoTiffReader}.
 * Stateless; thread-safe.
 */
public final class GeoTiffOpener {
    private GeoTiffOpener() {
    }

    /**
     * @param file       the TIFF file
     * @param cacheBytes budget of the decoded-chunk cache of the raster (0 disables it)
     * @param warnings   receives tolerable oddities (e.g. georeferencing AI4C cannot interpret)
     * @throws eu.ai4c.kit.Ai4cException for bad magic, truncation, unsupported encodings, naming the file
     */
    public static Product open(Path file, long cacheBytes, WarningListener warnings) throws IOException {
        return open(file, cacheBytes, true, warnings);
    }

    /**
     * As {@link #open(Path, long, WarningListener)}; with {@code adaptiveCache} false the cache keeps
     * exactly {@code cacheBytes} instead of growing to two chunk rows (for callers that read each
     * chunk's area once, in many small windows, from many files at a time).
     */
    public static Product open(Path file, long cacheBytes, boolean adaptiveCache, WarningListener warnings)
            throws IOException {
        return open(file, -1, -1, cacheBytes, adaptiveCache, warnings);
    }

    /**
     * Opens a TIFF that lies inside a larger file, such as a STORED (uncompressed) member of a zip
     * archive: {@code length} bytes from byte {@code base} of {@code file}. Its offsets count from
     * {@code base}; reads never leave the member.
     */
    public static Product openMember(Path file, long base, long length, long cacheBytes, WarningListener warnings)
            throws IOException {
        if (base < 0 || length < 0) throw new IllegalArgumentException("member at " + base + " of " + length + " bytes");
        return open(file, base, length, cacheBytes, true, warnings);
    }

    private static Product open(Path file, long base, long length, long cacheBytes, boolean adaptiveCache,
                                WarningListener warnings) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long start = base < 0 ? 0 : base, size = length < 0 ? channel.size() : length;
            TiffDirectory dir = TiffDirectory.read(channel, file, start, size);
            ImageLayout layout = new ImageLayout(dir);
            checkChunksInsideFile(layout, size);
            GdalMetadata gdal = GdalMetadata.parse(dir.field(TiffTags.GDAL_METADATA).map(TiffField::text).orElse(null));
            GeoKeys keys = GeoKeys.of(dir);
            List<Band> bands = bands(layout, dir, gdal, GeoReferencing.verticalUnit(keys).orElse(""));
            var geoCoding = GeoReferencing.of(dir, keys, warnings);
            Metadata metadata = TiffMetadata.build(dir, keys, gdal, bands.size());
            TiffRaster raster = new TiffRaster(layout, channel, bands, geoCoding,
                    adaptiveCache ? cacheBudget(layout, cacheBytes) : cacheBytes);
            Product product = new Product(productName(file), raster, metadata, file);
            var colourMap = dir.field(TiffTags.COLOR_MAP).filter(f -> f.count() >= 3);
            return colourMap.isEmpty() ? product
                    : product.withAttachment(TiffColourMap.class, TiffColourMap.ofTiffComponents(colourMap.get().longs()));
        } catch (IOException | RuntimeException | Error e) {
            channel.close();
            throw e;
        }
    }

    /** Upper bound of the adaptive cache budget, so memory stays independent of the image size. */
    static final long MAX_ADAPTIVE_CACHE = 256L << 20;

    /**
     * The decoded-chunk cache budget: at least {@code requested}, and enough for two full rows of
     * chunks of every band (capped at {@link #MAX_ADAPTIVE_CACHE}). Geometric operators (warp,
     * terrain correction) read source windows that straddle chunk rows, walking target tiles row by
     * row; with less than two rows cached each chunk would be decoded several times.
     */
    static long cacheBudget(ImageLayout layout, long requested) {
        if (requested <= 0) return requested;
        long chunkBytes = (long) layout.chunkWidth * layout.chunkHeight * layout.samplesPerPixel
                * layout.kind.dataType.bytesPerSample();
        long twoRows = 2L * layout.chunksAcross * chunkBytes;
        return Math.max(requested, Math.min(twoRows, MAX_ADAPTIVE_CACHE));
    }

    /** @param heightUnit unit of a vertical CRS, used for bands without a GDAL unit type */
    private static List<Band> bands(ImageLayout layout, TiffDirectory dir, GdalMetadata gdal, String heightUnit) {
        String noDataText = dir.field(TiffTags.GDAL_NODATA).map(TiffField::text).orElse(null);
        double noData = noDataText == null ? Double.NaN : parseNoData(noDataText, dir.file());
        List<Band> bands = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int b = 0; b < layout.samplesPerPixel; b++) {
            String name = gdal.description(b).orElse("band_" + (b + 1));
            if (!names.add(name)) {
                name = name + "_" + (b + 1);
                names.add(name);
            }
            Band band = Band.of(name, layout.kind.dataType).withUnit(gdal.unit(b).orElse(heightUnit));
            if (noDataText != null) band = band.withNoData(noData);
            bands.add(band);
        }
        return bands;
    }

    /** GDAL writes the no-data value as text: a number, "nan", "inf" or "-inf". */
    static double parseNoData(String text, Path file) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new eu.ai4c.kit.Ai4cException("Cannot read " + file + ": its GDAL_NODATA tag \"" + text
                            + "\" is not a number; fix it with gdal_edit.py -a_nodata <value>.");
                }
            }
        }
    }

    private static void checkChunksInsideFile(ImageLayout layout, long size) {
        // the two lists may be of different lengths in a damaged file; both hold at least the chunks needed
        for (int i = 0; i < Math.min(layout.offsets.length, layout.byteCounts.length); i++) {
            long end = layout.offsets[i] + layout.byteCounts[i];
            if (layout.offsets[i] < 0 || layout.byteCounts[i] < 0) {
                throw TiffDirectory.truncated(layout.file, layout.chunkName() + " " + i + " has offset " + layout.offsets[i]
                        + " and " + layout.byteCounts[i] + " bytes, which no file can have");
            }
            if (layout.offsets[i] != 0 && (end > size || end < 0)) {
                throw TiffDirectory.truncated(layout.file, layout.chunkName() + " " + i + " at byte " + layout.offsets[i]
                        + " with " + layout.byteCounts[i] + " bytes ends beyond the end of the file (" + size + " bytes)");
            }
        }
    }

    private static String productName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
