package eu.ai4c.s2.jp2;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.geo.GeoCoding;
import eu.ai4c.kit.raster.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens JPEG 2000 images (Sentinel-2 band, SCL and mask files) as {@link Raster}s: one band per
 * component, unsigned 8-bit ({@code BYTE}) or 16-bit ({@code UINT16}) samples.
 *
 * <p>The decoder is chosen once per file: {@code opj_decompress} (OpenJPEG, Debian package
 * {@code libopenjp2-tools}) when it is on the {@code PATH}, being several times faster; otherwise
 * the pure-Java decoder of {@code jai-imageio-jpeg2000}. The system property
 * {@code ai4c.jp2.decoder} ({@code opj} or {@code java}) forces one. See {@link OpjJp2Raster} and
 * {@link JavaJp2Raster} for their memory behaviour.</p>
 */
public final class Jp2Rasters {

    /** Which decoder to use. */
    public enum Decoder { OPJ, JAVA }

    private static volatile Optional<Path> opj;

    private Jp2Rasters() {
    }

    /**
     * Opens a JPEG 2000 file.
     *
     * @param file       the .jp2
     * @param bandNames  one name per component (its size must match the component count)
     * @param geoCoding  the geocoding to attach (may be null)
     */
    public static Raster open(Path file, List<String> bandNames, GeoCoding geoCoding) throws IOException {
        return open(file, bandNames, geoCoding, preferred());
    }

    /** Opens a JPEG 2000 file with a chosen decoder. */
    public static Raster open(Path file, List<String> bandNames, GeoCoding geoCoding, Decoder decoder) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new Ai4cException("Band image " + file + " is missing or empty; the product is incomplete: "
                    + "download it again.");
        }
        Jp2Header h = Jp2Header.read(file);
        if (h.components() != bandNames.size()) {
            throw new Ai4cException(file + " has " + h.components() + " component(s), expected " + bandNames.size()
                    + " (" + bandNames + "); the file is not the expected Sentinel-2 image.");
        }
        if (h.signed() || h.bitDepth() > 16) {
            throw new Ai4cException(file + " holds " + (h.signed() ? "signed " : "") + h.bitDepth()
                    + "-bit samples; Sentinel-2 images are unsigned 8- or 16-bit.");
        }
        return switch (decoder) {
            case OPJ -> new OpjJp2Raster(file, h, bandNames, geoCoding, opjDecompress().orElseThrow(
                    () -> new Ai4cException("opj_decompress is not on the PATH; install the OpenJPEG tools "
                            + "(Debian: apt-get install libopenjp2-tools) or use the pure-Java decoder.")));
            case JAVA -> new JavaJp2Raster(file, h, bandNames, geoCoding);
        };
    }

    /** The decoder used by {@link #open(Path, List, GeoCoding)}. */
    public static Decoder preferred() {
        String forced = System.getProperty("ai4c.jp2.decoder", "").trim().toLowerCase(Locale.ROOT);
        if (forced.equals("java")) return Decoder.JAVA;
        if (forced.equals("opj")) return Decoder.OPJ;
        return opjDecompress().isPresent() ? Decoder.OPJ : Decoder.JAVA;
    }

    /** {@code opj_decompress} on the PATH, if any. */
    public static Optional<Path> opjDecompress() {
        Optional<Path> o = opj;
        if (o == null) {
            o = Executables.find("opj_decompress");
            opj = o;
        }
        return o;
    }
}
