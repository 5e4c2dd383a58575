package eu.ai4c.s2.safe;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the files of a SAFE product are, from the names the SENTINEL-SAFE layouts use:
 * product metadata ({@code MTD_MSIL1C.xml}, {@code MTD_MSIL2A.xml}, pre-2016
 * {@code S2A_OPER_MTD_SAFL1C_….xml}), tile metadata ({@code GRANULE/<granule>/MTD_TL.xml} or
 * {@code S2A_OPER_MTD_L1C_TL_….xml}), and band images ({@code IMG_DATA/T32TNM_…_B02.jp2} for
 * L1C, {@code IMG_DATA/R10m/T33XWJ_…_B02_10m.jp2} for L2A, {@code …_SCL_20m}). Stateless.
 */
public final class SafeLayout {
    private static final Pattern PRODUCT_MTD = Pattern.compile("(?i)(MTD_MSIL(1C|2A)|S2[A-D]_[A-Z]{4}_MTD_SAF[A-Z0-9]*_.*)\\.xml");
    private static final Pattern TILE_MTD = Pattern.compile("(?i)GRANULE/[^/]+/(MTD_TL|S2[A-D]_[A-Z]{4}_MTD_L[12][AC]_TL_[^/]*)\\.xml");
    /** Band image name endings: {@code _B02}, {@code _B8A_20m}, {@code _SCL_20m}, plus extension. */
    private static final Pattern IMAGE = Pattern.compile("(?i).*_(B\\d{2}|B8A|SCL|TCI|AOT|WVP)(?:_(\\d{2})m)?(?:\\.(jp2|tif|tiff))?$");

    /** A band image of the product: name token (B02, SCL …), resolution in metres (0 when not in the name) and path. */
    public record ImageFile(String token, int resolution, String path) {
    }

    private SafeLayout() {
    }

    /** The product metadata file among the SAFE root entries. */
    public static Optional<String> productMetadata(List<String> entries) {
        return entries.stream().filter(e -> !e.contains("/") && PRODUCT_MTD.matcher(e).matches()).findFirst();
    }

    /** The tile metadata files ({@code GRANULE/<granule>/MTD_TL.xml}), one per granule. */
    public static List<String> tileMetadata(List<String> entries) {
        return entries.stream().filter(e -> TILE_MTD.matcher(e).matches()).toList();
    }

    /** The granule folder of a tile metadata path ({@code GRANULE/<granule>/}). */
    public static String granuleFolder(String tileMetadataPath) {
        return tileMetadataPath.substring(0, tileMetadataPath.lastIndexOf('/') + 1);
    }

    /** Parses an image path (from {@code IMAGE_FILE} or the folder listing); empty when it is no band image. */
    public static Optional<ImageFile> image(String path) {
        Matcher m = IMAGE.matcher(path);
        if (!m.matches()) return Optional.empty();
        int res = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new ImageFile(m.group(1).toUpperCase(Locale.ROOT), res, path));
    }

    /**
     * The image of each spectral band at its native resolution (or, for L2A, the finest resolution
     * available), from image paths without or with extension.
     */
    public static Map<S2Band, ImageFile> bandImages(List<String> imagePaths) {
        Map<S2Band, ImageFile> out = new HashMap<>();
        for (String p : imagePaths) {
            Optional<ImageFile> f = image(p);
            if (f.isEmpty()) continue;
            S2Band band = S2Band.parseOrNull(f.get().token());
            if (band == null) continue;
            ImageFile prev = out.get(band);
            if (prev == null || better(f.get(), prev, band)) out.put(band, f.get());
        }
        return out;
    }

    /** The scene classification image at 20 m (else the finest present). */
    public static Optional<ImageFile> sceneClassification(List<String> imagePaths) {
        ImageFile best = null;
        for (String p : imagePaths) {
            Optional<ImageFile> f = image(p);
            if (f.isPresent() && f.get().token().equals("SCL")
                    && (best == null || f.get().resolution() == 20 || (best.resolution() != 20 && f.get().resolution() < best.resolution()))) {
                best = f.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(ImageFile candidate, ImageFile current, S2Band band) {
        if (current.resolution() == band.nativeResolution()) return false;
        if (candidate.resolution() == band.nativeResolution()) return true;
        return candidate.resolution() < current.resolution();
    }
}
