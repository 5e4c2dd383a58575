package eu.ai4c.s1.synthetic;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.safe.AdsHeader;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.Manifest;
import eu.ai4c.s1.safe.NoiseLuts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generator of consistent Sentinel-1 IW GRD products in SENTINEL-SAFE layout — manifest,
 * annotation, calibration and noise XML (IPF ≥ 2.9 layout), uncompressed uint16 measurement
 * TIFFs — of any size, from a few hundred samples for unit tests to the full IW size
 * (about 25,000 × 16,700) for benchmarks. The geometry (see {@link GrdGeometry}) places the scene
 * centre at a chosen latitude/longitude, heading and incidence; pixels are speckled intensities
 * {@code |DN|² ~ Gamma(L, (σ⁰·sigmaNought² + N)/L)} over a background and optional homogeneous areas,
 * plus planted point targets with exact DNs and an optional "no-value" border (DN 1, which
 * thermal noise removal takes to 0). Rows are generated and written in blocks, so memory does not
 * depend on the scene size.
 *
 * <pre>
 * Path safe = SyntheticGrd.builder(800, 600).centre(41.9, 12.5).pointTarget(300, 400, 5000).build().write(tempDir);
 * </pre>
 * Immutable; {@link #write} is deterministic for a given seed.
 */
public final class SyntheticGrd {

    /** A bright point at image {@code line}, {@code sample} with amplitude {@code dn}. */
    public record PointTarget(int line, int sample, int dn) {
    }

    /** A homogeneous area: σ⁰ (linear) and number of looks of its speckle. */
    public record HomogeneousArea(Region region, double sigma0, double looks) {
    }

    private final Builder b;

    private SyntheticGrd(Builder b) {
        this.b = b;
    }

    /**
     * The demonstration scene of the demo and of AI4C Desktop's demo data: 1600 × 1200 VV+VH near
     * Rome (41.9° N, 12.5° E), σ⁰ 0.05 background, a bright (0.3) and a dark (0.01) homogeneous area,
     * three point targets and a 40-pixel no-value border; seed 42.
     */
    public static SyntheticGrd demoScene() {
        return builder(1600, 1200)
                .polarisations("VV", "VH")
                .centre(41.9, 12.5)
                .background(0.05, 1)
                .homogeneousArea(new Region(200, 300, 400, 300), 0.3, 1)
                .homogeneousArea(new Region(900, 600, 500, 400), 0.01, 1)
                .pointTarget(150, 1200, 30000)
                .pointTarget(800, 700, 30000)
                .pointTarget(1050, 300, 30000)
                .noValueBorder(40)
                .seed(42)
                .build();
    }

    /** A builder for a {@code width × height} product (samples × lines). */
    public static Builder builder(int width, int height) {
        return new Builder(width, height);
    }

    int width() {
        return b.width;
    }

    int height() {
        return b.height;
    }

    String mission() {
        return b.mission;
    }

    int absoluteOrbit() {
        return b.absoluteOrbit;
    }

    double rangeSpacing() {
        return b.rangeSpacing;
    }

    double azimuthSpacing() {
        return b.azimuthSpacing;
    }

    Instant centreTime() {
        return b.centreTime;
    }

    double noisePower() {
        return b.noisePower;
    }

    /** ESA-style product name, e.g. {@code S1A_IW_GRDH_1SDV_20210601T050000_…_ABCD}. */
    public String productName() {
        SyntheticModel m = model();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
        String pol = (b.polarisations.size() > 1 ? "D" : "S") + (b.polarisations.get(0).startsWith("H") ? "H" : "V");
        return String.format(Locale.ROOT, "%s_IW_GRDH_1S%s_%s_%s_%06d_%06X_A14C", b.mission, pol,
                f.format(m.firstLineTime()), f.format(m.lastLineTime()), b.absoluteOrbit, 0x47A2B);
    }

    private SyntheticModel model() {
        return new SyntheticModel(this, new GrdGeometry(b.latitude, b.longitude, b.heading, b.centreIncidence, b.width, b.rangeSpacing));
    }

    /**
     * Writes the product as {@code folder/<productName>.SAFE} (atomically: nothing is left on failure).
     *
     * @return the {@code .SAFE} folder
     */
    public Path write(Path folder) throws IOException {
        Path target = folder.resolve(productName() + ".SAFE");
        try (AtomicOutput out = AtomicOutput.create()) {
            Path tmp = out.temporaryFor(target);
            writeSafe(tmp);
            out.commit();
        }
        return target;
    }

    private void writeSafe(Path safe) throws IOException {
        SyntheticModel m = model();
        Files.createDirectories(safe.resolve("annotation/calibration"));
        Files.createDirectories(safe.resolve("measurement"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").withZone(ZoneOffset.UTC);
        List<Manifest.DataObject> objects = new ArrayList<>();
        Annotation first = null;
        for (int i = 0; i < b.polarisations.size(); i++) {
            String pol = b.polarisations.get(i);
            String base = String.format(Locale.ROOT, "%s-iw-grd-%s-%s-%s-%06d-047a2b-%03d", b.mission.toLowerCase(Locale.ROOT),
                    pol.toLowerCase(Locale.ROOT), f.format(m.firstLineTime()), f.format(m.lastLineTime()), b.absoluteOrbit, i + 1);
            AdsHeader header = m.header(pol, i + 1);
            Annotation a = m.annotation(header, base + ".xml");
            CalibrationLuts cal = m.calibration(header, "calibration-" + base + ".xml");
            NoiseLuts noise = m.noise(header, "noise-" + base + ".xml");
            if (first == null) first = a;
            write(safe.resolve("annotation/" + base + ".xml"), SafeXmlWriter.annotation(a));
            write(safe.resolve("annotation/calibration/calibration-" + base + ".xml"), SafeXmlWriter.calibration(cal));
            write(safe.resolve("annotation/calibration/noise-" + base + ".xml"), SafeXmlWriter.noise(noise));
            writeMeasurement(safe.resolve("measurement/" + base + ".tiff"), cal, noise, i);
            String id = base.replace("-", "");
            // with the MD5 of each file, as ESA's manifests give them
            objects.add(ManifestWriter.dataObject(safe, "product" + id, "s1Level1ProductSchema", "annotation/" + base + ".xml"));
            objects.add(ManifestWriter.dataObject(safe, "calibration" + id, "s1Level1CalibrationSchema",
                    "annotation/calibration/calibration-" + base + ".xml"));
            objects.add(ManifestWriter.dataObject(safe, "noise" + id, "s1Level1NoiseSchema", "annotation/calibration/noise-" + base + ".xml"));
            objects.add(ManifestWriter.dataObject(safe, id, "s1Level1MeasurementSchema", "measurement/" + base + ".tiff"));
        }
        List<Manifest.LatLon> footprint = new ArrayList<>();
        List<Annotation.GeolocationGridPoint> g = first.geolocationGrid();
        int perLine = (int) g.stream().filter(p -> p.line() == 0).count();
        for (int idx : new int[] {0, perLine - 1, g.size() - 1, g.size() - perLine}) {
            footprint.add(new Manifest.LatLon(g.get(idx).latitude(), g.get(idx).longitude()));
        }
        String pass = first.productInformation().pass().toUpperCase(Locale.ROOT);
        Manifest manifest = new Manifest(b.mission, "IW", "GRD", b.polarisations, List.of("IW"),
                ((b.absoluteOrbit - 73) % 175 + 175) % 175 + 1, b.absoluteOrbit, pass, m.firstLineTime(), m.lastLineTime(),
                footprint, b.ipfVersion, objects);
        write(safe.resolve("manifest.safe"), ManifestWriter.manifest(manifest, "Fast-24h"));
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Streams the measurement (see {@link MeasurementGenerator}); the cross-polarisations are 7 dB darker. */
    private void writeMeasurement(Path file, CalibrationLuts cal, NoiseLuts noise, int polIndex) throws IOException {
        double polScale = polIndex == 0 ? 1 : 0.2;
        List<HomogeneousArea> scaled = b.areas.stream()
                .map(a -> new HomogeneousArea(a.region(), a.sigma0() * polScale, a.looks())).toList();
        new MeasurementGenerator(b.width, b.height, CalibrationType.SIGMA_NOUGHT.lut(cal), NoisePowerLut.of(noise),
                b.backgroundSigma0 * polScale, b.backgroundLooks, scaled, b.targets, b.noValueBorder,
                b.seed * 31 + polIndex).write(file, b.threads);
    }

    /** Options of a synthetic product; defaults give a Rome-like IW scene. Not thread-safe. */
    public static final class Builder {
        private final int width, height;
        private List<String> polarisations = List.of("VV", "VH");
        private String mission = "S1A";
        private String ipfVersion = "003.40";
        private int absoluteOrbit = 38123;
        private double latitude = 41.9, longitude = 12.5, heading = -167.0, centreIncidence = 38.25;
        private double rangeSpacing = 10, azimuthSpacing = 10;
        private Instant centreTime = Instant.parse("2021-06-01T05:00:30Z");
        private double backgroundSigma0 = 0.05, backgroundLooks = 4.4, noisePower = 1200;
        private int noValueBorder;
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private final List<HomogeneousArea> areas = new ArrayList<>();
        private final List<PointTarget> targets = new ArrayList<>();

        private Builder(int width, int height) {
            if (width < 2 || height < 2) throw new IllegalArgumentException("A synthetic product needs at least 2 x 2 pixels");
            this.width = width;
            this.height = height;
        }

        /** Polarisations, e.g. {@code "VV", "VH"} (default); the first is co-polarised, others are 7 dB darker. */
        public Builder polarisations(String... pols) {
            this.polarisations = List.of(pols);
            return this;
        }

        /** {@code S1A} (default), {@code S1B} or {@code S1C}. */
        public Builder mission(String m) {
            this.mission = m;
            return this;
        }

        /** IPF version written to the manifest (default {@code 003.40}). */
        public Builder ipfVersion(String v) {
            this.ipfVersion = v;
            return this;
        }

        /** Scene centre, degrees. */
        public Builder centre(double latitudeDeg, double longitudeDeg) {
            this.latitude = latitudeDeg;
            this.longitude = longitudeDeg;
            return this;
        }

        /**
         * Along-track direction at the scene centre, degrees clockwise from north (about −167
         * descending, −13 ascending). The annotation's {@code platformHeading} is taken at the
         * sub-satellite point and differs by a few degrees (meridian convergence), as in real products.
         */
        public Builder heading(double deg) {
            this.heading = deg;
            return this;
        }

        /** Incidence angle at the scene centre, degrees (default 38.25, mid IW). */
        public Builder centreIncidence(double deg) {
            this.centreIncidence = deg;
            return this;
        }

        /**
         * Near and far incidence angles, degrees: the range spacing is chosen so that the swath spans
         * them and the centre sample sees the incidence half way between them on the ground
         * (to a few hundredths of a degree; the exact angles are in the geolocation grid).
         * Call after {@link #centre} and {@link #heading}.
         */
        public Builder incidence(double nearDeg, double farDeg) {
            if (!(nearDeg < farDeg)) throw new IllegalArgumentException("Near incidence " + nearDeg + " must be below far " + farDeg);
            double[] span = IncidenceSpan.span(new GrdGeometry(latitude, longitude, heading, (nearDeg + farDeg) / 2, 1, 1),
                    nearDeg, farDeg);
            this.centreIncidence = span[1];
            span = IncidenceSpan.span(new GrdGeometry(latitude, longitude, heading, centreIncidence, 1, 1), nearDeg, farDeg);
            this.rangeSpacing = span[0] / (width - 1);
            return this;
        }

        /** Ground range and azimuth pixel spacing, metres (default 10 × 10). */
        public Builder pixelSpacing(double range, double azimuth) {
            this.rangeSpacing = range;
            this.azimuthSpacing = azimuth;
            return this;
        }

        /** Zero-Doppler time of the centre line. */
        public Builder centreTime(Instant t) {
            this.centreTime = t;
            return this;
        }

        public Builder absoluteOrbit(int orbit) {
            this.absoluteOrbit = orbit;
            return this;
        }

        /** Background σ⁰ (linear, default 0.05) and looks (default 4.4, like IW GRDH). */
        public Builder background(double sigma0, double looks) {
            this.backgroundSigma0 = sigma0;
            this.backgroundLooks = looks;
            return this;
        }

        /** Scale of the thermal noise power, |DN|² units (default 1200, like real IW). */
        public Builder noisePower(double power) {
            this.noisePower = power;
            return this;
        }

        /** A homogeneous area of σ⁰ (linear) with {@code looks}-look speckle. */
        public Builder homogeneousArea(Region region, double sigma0, double looks) {
            areas.add(new HomogeneousArea(region, sigma0, looks));
            return this;
        }

        /** A point target with exact amplitude {@code dn} (1..65535). */
        public Builder pointTarget(int line, int sample, int dn) {
            if (line < 0 || line >= height || sample < 0 || sample >= width || dn < 1 || dn > 65535) {
                throw new IllegalArgumentException("Point target (" + line + ", " + sample + ", DN " + dn + ") outside the image or range");
            }
            targets.add(new PointTarget(line, sample, dn));
            return this;
        }

        /** Leading and trailing samples of every line set to DN 1 (IPF "no-value" border). */
        public Builder noValueBorder(int samples) {
            this.noValueBorder = samples;
            return this;
        }

        /** Worker threads for pixel generation (default: available processors); the result does not depend on it. */
        public Builder threads(int n) {
            this.threads = Math.max(1, n);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public SyntheticGrd build() {
            return new SyntheticGrd(this);
        }
    }
}
