package eu.ai4c.kit.io.geotiff;

import eu.ai4c.kit.io.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The colour table of a single-band 8-bit GeoTIFF as a GDAL PAM sidecar {@code <file>.aux.xml}
 * (band 1, {@code ColorInterp Palette}, 256 entries): the kit's GeoTIFF writer writes no TIFF
 * ColorMap, and GDAL, QGIS and SNAP's GDAL reader apply the sidecar. Colours are packed
 * {@code 0xAARRGGBB} (alpha 0 = transparent, e.g. for no-data). Stateless.
 */
public final class GdalColourTable {

    private GdalColourTable() {
    }

    /** The PAM document for {@code argb} (at most 256 entries; missing entries opaque black). */
    public static String pamDocument(int[] argb) {
        if (argb.length > 256) throw new IllegalArgumentException("A byte palette has 256 entries, got " + argb.length);
        StringBuilder sb = new StringBuilder("<PAMDataset>\n  <PAMRasterBand band=\"1\">\n"
                + "    <ColorInterp>Palette</ColorInterp>\n    <ColorTable>\n");
        for (int v = 0; v < 256; v++) {
            int c = v < argb.length ? argb[v] : 0xFF000000;
            sb.append(String.format(Locale.ROOT, "      <Entry c1=\"%d\" c2=\"%d\" c3=\"%d\" c4=\"%d\"/>%n",
                    c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, c >>> 24));
        }
        return sb.append("    </ColorTable>\n  </PAMRasterBand>\n</PAMDataset>\n").toString();
    }

    /** Writes the sidecar of {@code tiff} atomically; returns {@code <tiff>.aux.xml}. */
    public static Path write(Path tiff, int[] argb) throws IOException {
        Path aux = tiff.resolveSibling(tiff.getFileName() + ".aux.xml");
        try (AtomicOutput out = AtomicOutput.create()) {
            Files.writeString(out.temporaryFor(aux), pamDocument(argb));
            out.commit();
        }
        return aux;
    }
}
