package eu.ai4c.s1.safe;

import eu.ai4c.kit.io.ProductReader;
import eu.ai4c.kit.raster.Metadata;
import eu.ai4c.kit.raster.Product;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Reads Sentinel-1 Level-1 GRD and SLC products in SENTINEL-SAFE format: a {@code .SAFE}
 * folder, its {@code manifest.safe}, or a zip ({@code .SAFE.zip}, {@code .zip}) holding
 * {@code *.SAFE/manifest.safe}. The product's raster is {@link S1Raster} of the first swath
 * (the only one for GRD); the {@link S1Product} model is attached
 * ({@code product.attachment(S1Product.class)}) for calibration, noise removal and geometry,
 * and other swaths of an SLC are reached through it. Stateless and thread-safe.
 */
public final class Sentinel1ProductReader implements ProductReader {
    private static final Pattern S1_NAME = Pattern.compile("S1[A-D]_.*", Pattern.CASE_INSENSITIVE);

    @Override
    public String formatName() {
        return "SENTINEL-1 SAFE";
    }

    @Override
    public Fit probe(Path path) {
        try {
            Path fileName = path.getFileName();
            if (fileName == null) return Fit.NONE;
            String name = fileName.toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (Files.isDirectory(path)) {
                return Files.isRegularFile(path.resolve("manifest.safe")) && isSentinel1Manifest(path.resolve("manifest.safe"))
                        ? Fit.SPECIFIC : Fit.NONE;
            }
            if (name.equals("manifest.safe")) return isSentinel1Manifest(path) ? Fit.SPECIFIC : Fit.NONE;
            if (lower.endsWith(".zip")) {
                // An ESA name is enough: a damaged zip then gets a clear message from read().
                if (lower.endsWith(".safe.zip") || S1_NAME.matcher(name).matches()) return Fit.SPECIFIC;
                try (ZipFile z = new ZipFile(path.toFile())) {
                    return SafeArchive.findManifest(z) != null ? Fit.SPECIFIC : Fit.NONE;
                }
            }
            return Fit.NONE;
        } catch (IOException | RuntimeException e) {
            return Fit.NONE;
        }
    }

    private static boolean isSentinel1Manifest(Path manifest) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(manifest)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String s = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        return s.contains("XFDU") && s.contains("sentinel-1");
    }

    @Override
    public Product read(Path path) throws IOException {
        S1Product s1 = S1Product.open(path);
        try {
            S1Raster raster = new S1Raster(s1, s1.swaths().get(0));
            Product p = new Product(s1.name(), raster, metadata(s1), path);
            return p.withAttachment(S1Product.class, s1);
        } catch (RuntimeException e) {
            s1.close();
            throw e;
        }
    }

    private static Metadata metadata(S1Product s1) {
        Metadata root = new Metadata("metadata");
        Manifest m = s1.manifest();
        root.addChild("Abstracted_Metadata")
                .set("PRODUCT", s1.name())
                .set("MISSION", m.mission())
                .set("ACQUISITION_MODE", m.mode())
                .set("PRODUCT_TYPE", m.productType())
                .set("PASS", m.pass())
                .set("REL_ORBIT", m.relativeOrbit())
                .set("ABS_ORBIT", m.absoluteOrbit())
                .set("first_line_time", m.startTime())
                .set("last_line_time", m.stopTime())
                .set("Processing_system_identifier", "Sentinel-1 IPF " + m.ipfVersion())
                .set("polarisations", String.join(" ", s1.polarisations()))
                .set("swaths", String.join(" ", s1.swaths()));
        return root;
    }
}
