package eu.ai4c.s2.safe;

import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kit reader for Sentinel-2 products: SENTINEL-SAFE L1C/L2A folders ({@code .SAFE}, or their
 * {@code MTD_MSIL1C.xml}/{@code MTD_MSIL2A.xml}) and zips, and folders of per-band GeoTIFFs. The product's raster is the reflectance of all bands on the
 * finest band grid ({@link ReflectanceRaster}); the native model is attached as
 * {@link S2Product}. Registered in {@code META-INF/services/eu.ai4c.kit.io.ProductReader}.
 * Stateless.
 */
public final class S2ProductReader implements ProductReader {

    @Override
    public String formatName() {
        return "SENTINEL-2 SAFE";
    }

    @Override
    public Fit probe(Path path) {
        try {
            String name = path.getFileName() == null ? "" : path.getFileName().toString().toUpperCase(Locale.ROOT);
            if (Files.isDirectory(path)) {
                try (var s = Files.list(path)) {
                    if (s.anyMatch(p -> p.getFileName().toString().toUpperCase(Locale.ROOT).matches("MTD_MSIL(1C|2A)\\.XML"))) {
                        return Fit.SPECIFIC;
                    }
                }
                if (name.endsWith(".SAFE") && name.contains("MSIL")) return Fit.SPECIFIC;
                return BandFolderReader.looksLikeBandFolder(path) ? Fit.SPECIFIC : Fit.NONE;
            }
            if (name.endsWith(".ZIP") && name.matches("(ESA_)?S2[A-D]_MSIL(1C|2A)_.*")) return Fit.SPECIFIC;
            if (Files.isRegularFile(path) && name.matches("MTD_MSIL(1C|2A)\\.XML")) return Fit.SPECIFIC;
            return Fit.NONE;
        } catch (IOException | RuntimeException e) {
            return Fit.NONE;
        }
    }

    @Override
    public Product read(Path given) throws IOException {
        // the product metadata file stands for its SAFE folder
        Path path = Files.isRegularFile(given) && given.getFileName().toString().toUpperCase(Locale.ROOT)
                .matches("MTD_MSIL(1C|2A)\\.XML") ? given.toAbsolutePath().getParent() : given;
        S2Product s2 = Files.isDirectory(path) && !isSafeFolder(path) ? BandFolderReader.read(path) : S2SafeReader.read(path);
        if (s2.bands().isEmpty()) {
            throw new eu.ai4c.kit.Ai4cException("Product " + path + " has no band images (IMG_DATA is empty or "
                    + "holds only placeholders); the product is incomplete: download it again.");
        }
        Metadata md = new Metadata("metadata");
        Metadata s = md.addChild("Sentinel-2");
        s.set("level", s2.level()).set("processing_baseline", s2.baseline()).set("quantification", s2.quantification())
                .set("tile", s2.tileName()).set("bands", s2.bands().keySet().stream().sorted().toList());
        for (S2Band b : s2.bands().keySet()) s.set("offset_" + b.name(), s2.offset(b));
        return new Product(s2.name(), ReflectanceRaster.allBands(s2), md, path).withAttachment(S2Product.class, s2);
    }

    private static boolean isSafeFolder(Path path) throws IOException {
        try (var s = Files.list(path)) {
            return s.anyMatch(p -> SafeLayout.productMetadata(java.util.List.of(p.getFileName().toString())).isPresent());
        }
    }
}
