package eu.ai4c.s2.synthetic;

import eu.ai4c.kit.geo.MapGeoCoding;
import eu.ai4c.kit.geo.Projections;
import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.io.geotiff.GeoTiffWriter;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Band;
import eu.ai4c.kit.raster.Block;
import eu.ai4c.kit.raster.DataType;
import eu.ai4c.kit.raster.MemoryRaster;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s2.safe.ProcessingBaseline;
import eu.ai4c.s2.safe.S2Band;
import eu.ai4c.s2.safe.S2Level;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generator of synthetic Sentinel-2 SAFE products (L1C or L2A, any processing baseline, any
 * size) in the real layout: product and tile metadata, JPEG 2000 (or GeoTIFF) band images at their native
 * 10/20/60 m ({@link Jp2Writer}), and the masks — L2A {@code SCL_20m}, L1C {@code MSK_CLASSI_B00}
 * (baseline 04.00+) or {@code MSK_CLOUDS_B00.gml} (before) — optionally zipped. For tests and
 * benchmarks.
 *
 * <p>Pixel values follow closed formulas ({@link #reflectance}, {@link #scl}, {@link #opaque},
 * {@link #cirrus}) so that tests can check readers and operators against them. DNs are
 * {@code reflectance × quantification − offset}: from baseline 04.00 the products carry the
 * offset −1000 (DN + 1000), as real ones do. The first {@link Builder#noDataColumns} 10 m columns
 * are no-data (DN 0, SCL 0).</p>
 *
 * <p>Immutable; build with {@link #builder(S2Level)}.</p>
 */
public final class SyntheticS2Product {
    private final S2Level level;
    private final ProcessingBaseline baseline;
    private final int size10;
    private final Set<S2Band> bands;
    private final int noDataColumns;
    private final boolean zip;
    private final boolean geoTiff;
    private final double[] footprint;
    private static final String SENSING = "20230625T100031";

    private SyntheticS2Product(Builder b) {
        this.level = b.level;
        this.baseline = b.baseline;
        this.size10 = b.size10;
        this.bands = EnumSet.copyOf(b.bands);
        this.noDataColumns = b.noDataColumns;
        this.zip = b.zip;
        this.geoTiff = b.geoTiff;
        this.footprint = b.footprint;
    }

    /** The product footprint written as {@code Global_Footprint} ({@code lon, lat, …}), or null for none. */
    double[] footprint() {
        return footprint == null ? null : footprint.clone();
    }

    /** A builder with defaults: baseline 05.09, 600×600 px at 10 m, bands B2, B3, B4, B8, B5, B1, 60 no-data columns. */
    public static Builder builder(S2Level level) {
        return new Builder(level);
    }

    /** Builder; sizes at 10 m must be multiples of 6 so the 20 and 60 m grids cover the same extent. */
    public static final class Builder {
        private final S2Level level;
        private ProcessingBaseline baseline = new ProcessingBaseline(5, 9);
        private int size10 = 600;
        private Set<S2Band> bands = EnumSet.of(S2Band.B1, S2Band.B2, S2Band.B3, S2Band.B4, S2Band.B5, S2Band.B8);
        private int noDataColumns = 60;
        private boolean zip;
        private boolean geoTiff;
        private double[] footprint;

        private Builder(S2Level level) {
            this.level = level;
        }

        public Builder baseline(String text) {
            this.baseline = ProcessingBaseline.parse(text, "synthetic baseline");
            return this;
        }

        /** Width and height at 10 m, a multiple of 6 (10980 for a full tile). */
        public Builder size(int pixels10m) {
            if (pixels10m <= 0 || pixels10m % 6 != 0) throw new IllegalArgumentException("size must be a positive multiple of 6");
            this.size10 = pixels10m;
            return this;
        }

        public Builder bands(S2Band... b) {
            this.bands = EnumSet.of(b[0], b);
            return this;
        }

        /** No-data 10 m columns at the left edge, a multiple of 6 (whole 60 m pixels). */
        public Builder noDataColumns(int columns10m) {
            if (columns10m < 0 || columns10m % 6 != 0) throw new IllegalArgumentException("multiple of 6");
            this.noDataColumns = columns10m;
            return this;
        }

        /** Write a zip of the SAFE folder instead of the folder. */
        public Builder zipped(boolean z) {
            this.zip = z;
            return this;
        }

        /**
         * Write band and SCL images as GeoTIFF ({@code imageFormat="GeoTIFF"}, as products
         * re-processed in that format are) instead of JPEG 2000.
         */
        public Builder geoTiff(boolean g) {
            this.geoTiff = g;
            return this;
        }

        /**
         * A product footprint ({@code Global_Footprint/EXT_POS_LIST} of the product metadata), given as
         * {@code lon, lat} pairs of a ring of at least 3 points; none is written by default.
         */
        public Builder footprint(double... lonLat) {
            if (lonLat.length < 6 || lonLat.length % 2 != 0) throw new IllegalArgumentException("lon, lat pairs of 3+ points");
            this.footprint = lonLat.clone();
            return this;
        }

        public SyntheticS2Product build() {
            return new SyntheticS2Product(this);
        }
    }

    // ---- closed formulas -------------------------------------------------------------------

    /** The reflectance of band {@code b} at its native pixel (col, row); NaN in the no-data strip. */
    public double reflectance(S2Band b, int col, int row) {
        if ((long) col * b.nativeResolution() < (long) noDataColumns * 10) return Double.NaN;
        return dnWithoutOffset(b, col, row) / quantification();
    }

    private static int dnWithoutOffset(S2Band b, int col, int row) {
        return 500 + (int) (((long) col * 37 + (long) row * 101 + b.bandId() * 211L) % 3000);
    }

    /** The DN written for band {@code b} at native pixel (col, row) (0 = no-data). */
    public int dn(S2Band b, int col, int row) {
        if ((long) col * b.nativeResolution() < (long) noDataColumns * 10) return 0;
        return dnWithoutOffset(b, col, row) - (int) offset();
    }

    /** The L2A scene class at 20 m pixel (col, row): 0 in the no-data strip, else a pattern of classes 1…11 in 4×4 blocks. */
    public int scl(int col, int row) {
        if (col * 20 < noDataColumns * 10) return 0;
        return 1 + ((col / 4) + 3 * (row / 4)) % 11;
    }

    /** L1C MSK_CLASSI opaque-cloud flag at 60 m pixel (col, row). */
    public static boolean opaque(int col, int row) {
        return ((col / 2) + (row / 2)) % 5 == 0;
    }

    /** L1C MSK_CLASSI cirrus flag at 60 m pixel (col, row). */
    public static boolean cirrus(int col, int row) {
        return ((col / 2) + 2 * (row / 2)) % 7 == 0;
    }

    /** The GML opaque-cloud rectangles {x0, y0, x1, y1} (metres) of pre-04.00 L1C products. */
    public List<double[]> gmlOpaque() {
        double q = size10 * 10 / 4.0;
        return List.of(new double[] {ulx() + q, uly() - 2 * q, ulx() + 2 * q, uly() - q});
    }

    /** The GML cirrus rectangles {x0, y0, x1, y1} (metres). */
    public List<double[]> gmlCirrus() {
        double q = size10 * 10 / 4.0;
        return List.of(new double[] {ulx() + 2 * q, uly() - 3 * q, ulx() + 3 * q, uly() - 2 * q});
    }

    // ---- identity --------------------------------------------------------------------------

    public S2Level level() {
        return level;
    }

    public ProcessingBaseline baseline() {
        return baseline;
    }

    public double quantification() {
        return 10000;
    }

    /** The additive offset written in the metadata (−1000 from baseline 04.00, else 0). */
    public double offset() {
        return baseline.hasRadiometricOffset() ? -1000 : 0;
    }

    public Set<S2Band> bands() {
        return EnumSet.copyOf(bands);
    }

    /** Pixels per side at {@code res} metres. */
    public int size(int res) {
        return size10 * 10 / res;
    }

    public String tile() {
        return "T32TNM";
    }

    public int epsg() {
        return 32632;
    }

    public double ulx() {
        return 499980;
    }

    public double uly() {
        return 5200020;
    }

    String sensingTimeIso() {
        return "2023-06-25T10:00:31.024Z";
    }

    String sensingTimeCompact() {
        return SENSING;
    }

    /** {@code S2A_MSIL2A_20230625T100031_N0509_R122_T32TNM_20230625T120000.SAFE}. */
    public String safeName() {
        return "S2A_MSI" + (level == S2Level.L2A ? "L2A" : "L1C") + "_" + SENSING + "_N"
                + baseline.toString().replace(".", "") + "_R122_" + tile() + "_20230625T120000.SAFE";
    }

    /** {@code JPEG2000} or {@code GeoTIFF}. */
    String imageFormat() {
        return geoTiff ? "GeoTIFF" : "JPEG2000";
    }

    private String imageExtension() {
        return geoTiff ? ".tif" : ".jp2";
    }

    String granuleName() {
        return (level == S2Level.L2A ? "L2A_" : "L1C_") + tile() + "_A041826_" + SENSING;
    }

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Writes the product into {@code folder} (atomically) and returns the SAFE folder or zip.
     */
    public Path write(Path folder) throws IOException {
        Path target = folder.resolve(zip ? safeName().replace(".SAFE", ".zip") : safeName());
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            Path safe = zip ? Files.createTempDirectory("ai4c-syn-safe-").resolve(safeName()) : tmp;
            writeSafe(safe);
            if (zip) {
                zipFolder(safe, tmp);
                AtomicOutput.deleteTree(safe.getParent());
            }
            out.commit();
        }
        return target;
    }

    private void writeSafe(Path safe) throws IOException {
        String granule = "GRANULE/" + granuleName() + "/";
        String prefix = tile() + "_" + SENSING + "_";
        List<String> imageFiles = new ArrayList<>();
        List<String[]> masks = new ArrayList<>();
        for (S2Band b : bands) {
            int res = b.nativeResolution();
            String rel = level == S2Level.L2A
                    ? granule + "IMG_DATA/R" + res + "m/" + prefix + b.fileToken() + "_" + res + "m"
                    : granule + "IMG_DATA/" + prefix + b.fileToken();
            imageFiles.add(rel);
            writeBand(safe.resolve(rel + imageExtension()), b);
        }
        if (level == S2Level.L2A) {
            String rel = granule + "IMG_DATA/R20m/" + prefix + "SCL_20m";
            imageFiles.add(rel);
            int n = size(20);
            byte[] scl = new byte[n * n];
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) scl[r * n + c] = (byte) scl(c, r);
            Files.createDirectories(safe.resolve(rel).getParent());
            if (geoTiff) {
                writeGeoTiff(safe.resolve(rel + ".tif"), new Block(Region.of(n, n), DataType.BYTE, scl), 20);
            } else {
                Jp2Writer.writeBytes(safe.resolve(rel + ".jp2"), new byte[][] {scl}, n, n);
            }
        } else if (baseline.hasRadiometricOffset()) {
            String rel = granule + "QI_DATA/MSK_CLASSI_B00.jp2";
            masks.add(new String[] {"MSK_CLASSI", rel});
            int n = size(60);
            byte[][] c3 = new byte[3][n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    c3[0][r * n + c] = (byte) (opaque(c, r) ? 1 : 0);
                    c3[1][r * n + c] = (byte) (cirrus(c, r) ? 1 : 0);
                }
            }
            Files.createDirectories(safe.resolve(rel).getParent());
            Jp2Writer.writeBytes(safe.resolve(rel), c3, n, n);
        } else {
            String rel = granule + "QI_DATA/MSK_CLOUDS_B00.gml";
            masks.add(new String[] {"MSK_CLOUDS", rel});
            Files.createDirectories(safe.resolve(rel).getParent());
            Files.writeString(safe.resolve(rel), SafeXml.gmlClouds(epsg(), gmlOpaque(), gmlCirrus()));
        }
        Files.createDirectories(safe.resolve(granule));
        Files.writeString(safe.resolve(granule + "MTD_TL.xml"), SafeXml.tile(this, masks));
        Files.writeString(safe.resolve(level == S2Level.L2A ? "MTD_MSIL2A.xml" : "MTD_MSIL1C.xml"),
                SafeXml.product(this, imageFiles));
        Files.writeString(safe.resolve("manifest.safe"), SafeXml.manifest(safe, manifestAlgorithm()));
    }

    /**
     * Writes {@code manifest.safe} of an unzipped synthetic product again, for the files now in it
     * (after a test or demo changed its images on purpose), with the checksum kind it had.
     */
    public static void refreshManifest(Path safe) throws IOException {
        Path manifest = safe.resolve("manifest.safe");
        String algorithm = Files.isRegularFile(manifest) && Files.readString(manifest).contains("checksumName=\"MD5\"")
                ? "MD5" : "SHA3-256";
        Files.writeString(manifest, SafeXml.manifest(safe, algorithm));
    }

    /** The checksum ESA's manifests give: SHA3-256 from processing baseline 05.09 on, MD5 before. */
    String manifestAlgorithm() {
        return baseline.compareTo(new ProcessingBaseline(5, 9)) >= 0 ? "SHA3-256" : "MD5";
    }

    private void writeBand(Path file, S2Band b) throws IOException {
        int n = size(b.nativeResolution());
        short[] dn = new short[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) dn[r * n + c] = (short) dn(b, c, r);
        Files.createDirectories(file.getParent());
        if (geoTiff) {
            writeGeoTiff(file, new Block(Region.of(n, n), DataType.UINT16, dn), b.nativeResolution());
        } else {
            Jp2Writer.writeUInt16(file, dn, n, n);
        }
    }

    private void writeGeoTiff(Path file, Block block, int res) throws IOException {
        MapGeoCoding gc = MapGeoCoding.northUp(Projections.parse("EPSG:" + epsg(), 0, 0), ulx(), uly(), res, res);
        MemoryRaster r = new MemoryRaster(List.of(Band.of("DN", block.type())), new Block[] {block}, gc);
        new GeoTiffWriter().write(Product.of(file.getFileName().toString(), r), file, ProcessingContext.defaults());
    }

    private static void zipFolder(Path safe, Path zipFile) throws IOException {
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> files = Files.walk(safe)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(safe.getFileName() + "/" + safe.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }
}
