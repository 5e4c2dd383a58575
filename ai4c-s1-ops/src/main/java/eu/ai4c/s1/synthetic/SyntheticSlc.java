package eu.ai4c.s1.synthetic;

import eu.ai4c.kit.io.AtomicOutput;
import eu.ai4c.kit.raster.Region;
import eu.ai4c.s1.calibration.CalibrationType;
import eu.ai4c.s1.noise.NoisePowerLut;
import eu.ai4c.s1.safe.AdsHeader;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.Manifest;
import eu.ai4c.s1.safe.NoiseLuts;
import eu.ai4c.s1.safe.TopsTiming;
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
 * A generator of consistent Sentinel-1 TOPS IW SLC products in SENTINEL-SAFE layout: manifest and,
 * per sub-swath and polarisation, annotation (with {@code swathTiming}, azimuth FM rates, Doppler
 * centroids and a geolocation grid whose lines are the burst starts), calibration and noise XML
 * (one noise range vector per burst) and a complex int16 measurement TIFF. Sub-swaths overlap in
 * slant range, bursts overlap in azimuth, each burst has invalid lines and samples at its edges
 * (see {@link SlcModel}). Pixels are single-look speckle over a background σ⁰ and optional
 * homogeneous areas, plus point targets with exact values. From a few hundred samples per
 * sub-swath for unit tests to the full IW size (3 × 9 bursts, about 21,000 × 13,500 samples per
 * sub-swath) for benchmarks; rows are generated in blocks, so memory does not depend on the size.
 * {@link #stripmap} makes a stripmap (SM) SLC instead: one swath, no bursts;
 * {@link Builder#extraWide} an EW one with five sub-swaths.
 *
 * <pre>
 * Path safe = SyntheticSlc.builder(600, 150, 3).pointTarget(1, 1, 70, 300, 20000).build().write(tempDir);
 * </pre>
 * Immutable; {@link #write} is deterministic for a given seed.
 */
public final class SyntheticSlc {

    /** A bright point in sub-swath {@code swath} (0-based), burst {@code burst}, burst line {@code line}. */
    public record PointTarget(int swath, int burst, int line, int sample, int amplitude) {
    }

    /** A homogeneous area of σ⁰ (linear) in the image of sub-swath {@code swath} (burst-stacked lines). */
    public record HomogeneousArea(int swath, Region region, double sigma0) {
    }

    private final Builder b;

    private SyntheticSlc(Builder b) {
        this.b = b;
    }

    /**
     * A builder for sub-swaths of {@code samples} samples and {@code bursts} bursts of
     * {@code linesPerBurst} lines.
     */
    public static Builder builder(int samples, int linesPerBurst, int bursts) {
        return new Builder(samples, linesPerBurst, bursts);
    }

    /**
     * A builder for a stripmap (SM, swath S3) SLC of {@code lines × samples}: one swath, no bursts,
     * every line and sample valid; the IW sampling is kept.
     */
    public static Builder stripmap(int samples, int lines) {
        Builder b = new Builder(samples, lines, 1);
        b.stripmap = true;
        b.swaths = 1;
        b.overlapSamples = 0;
        b.overlapLines = 0;
        b.invalidLines = 0;
        b.invalidSamples = 0;
        return b;
    }

    /** The full-size IW SLC of the benchmark: 3 sub-swaths × 9 bursts of 1,500 lines × 21,000 samples, VV. */
    public static Builder fullIw() {
        return builder(21_000, 1_500, 9).polarisations("VV");
    }

    int samples() {
        return b.samples;
    }

    boolean stripmap() {
        return b.stripmap;
    }

    /** {@code IW}, {@code EW} or {@code SM}. */
    String mode() {
        return b.stripmap ? "SM" : b.ew ? "EW" : "IW";
    }

    int linesPerBurst() {
        return b.linesPerBurst;
    }

    int bursts() {
        return b.bursts;
    }

    int swaths() {
        return b.swaths;
    }

    int overlapSamples() {
        return b.overlapSamples;
    }

    int overlapLines() {
        return b.overlapLines;
    }

    int invalidLines() {
        return b.invalidLines;
    }

    int invalidSamples() {
        return b.invalidSamples;
    }

    double latitude() {
        return b.latitude;
    }

    double longitude() {
        return b.longitude;
    }

    double heading() {
        return b.heading;
    }

    double centreIncidence() {
        return b.centreIncidence;
    }

    Instant centreTime() {
        return b.centreTime;
    }

    String mission() {
        return b.mission;
    }

    int absoluteOrbit() {
        return b.absoluteOrbit;
    }

    double noisePower() {
        return b.noisePower;
    }

    /** ESA-style product name, e.g. {@code S1A_IW_SLC__1SSV_20210601T050020_…_A14C}. */
    public String productName() {
        SlcModel m = new SlcModel(this);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
        String pol = (b.polarisations.size() > 1 ? "D" : "S") + (b.polarisations.get(0).startsWith("H") ? "H" : "V");
        return String.format(Locale.ROOT, "%s_%s_SLC__1S%s_%s_%s_%06d_%06X_A14C", b.mission, b.stripmap ? "S3" : mode(), pol,
                f.format(m.start()),
                f.format(m.stop()), b.absoluteOrbit, 0x47A2B);
    }

    /**
     * The zero-Doppler time of line {@code line} of burst {@code burst} of sub-swath {@code swath}
     * (as the annotation gives it: burst {@code azimuthTime} + line × azimuth time interval).
     */
    public Instant lineTime(int swath, int burst, int line) {
        SlcModel m = new SlcModel(this);
        return m.timeOf(m.burstStart(swath, burst) + line * SlcModel.AZIMUTH_TIME_INTERVAL);
    }

    /**
     * Writes the product as {@code folder/<productName>.SAFE} (atomically: nothing is left on failure).
     *
     * @return the {@code .SAFE} folder
     */
    public Path write(Path folder) throws IOException {
        Path target = folder.resolve(productName() + ".SAFE");
        try (AtomicOutput out = AtomicOutput.create()) {
            writeSafe(out.temporaryFor(target));
            out.commit();
        }
        return target;
    }

    private void writeSafe(Path safe) throws IOException {
        SlcModel m = new SlcModel(this);
        Files.createDirectories(safe.resolve("annotation/calibration"));
        Files.createDirectories(safe.resolve("measurement"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").withZone(ZoneOffset.UTC);
        List<Manifest.DataObject> objects = new ArrayList<>();
        List<List<Annotation.GeolocationGridPoint>> grids = new ArrayList<>();
        List<String> swathNames = new ArrayList<>();
        LatticeMapping mapping = b.scene == null ? null : b.date == 0 ? LatticeMapping.reference(m)
                : LatticeMapping.secondary(new SlcModel(b.pairReference), m, b.swaths, b.samples, b.linesPerBurst,
                b.bursts, b.timingError, GrdGeometry.C_LIGHT / SyntheticModel.RADAR_FREQUENCY);
        for (int p = 0; p < b.polarisations.size(); p++) {
            String pol = b.polarisations.get(p);
            for (int s = 0; s < b.swaths; s++) {
                int imageNumber = 1 + s + b.swaths * p;
                String base = String.format(Locale.ROOT, "%s-%s-slc-%s-%s-%s-%06d-047a2b-%03d",
                        b.mission.toLowerCase(Locale.ROOT), m.swathName(s).toLowerCase(Locale.ROOT),
                        pol.toLowerCase(Locale.ROOT), f.format(m.firstLineTime(s)),
                        f.format(m.lastLineTime(s)), b.absoluteOrbit, imageNumber);
                AdsHeader header = m.header(s, pol, imageNumber);
                Annotation a = m.annotation(s, header, base + ".xml");
                TopsTiming timing = m.topsTiming(s);
                CalibrationLuts cal = m.calibration(s, header, "calibration-" + base + ".xml");
                NoiseLuts noise = m.noise(s, header, "noise-" + base + ".xml");
                if (p == 0) {
                    grids.add(a.geolocationGrid());
                    swathNames.add(m.swathName(s));
                }
                write(safe.resolve("annotation/" + base + ".xml"), SafeXmlWriter.annotation(a, timing));
                write(safe.resolve("annotation/calibration/calibration-" + base + ".xml"), SafeXmlWriter.calibration(cal));
                write(safe.resolve("annotation/calibration/noise-" + base + ".xml"), SafeXmlWriter.noise(noise));
                NoisePowerLut noisePower = timing.swathTiming().map(t -> NoisePowerLut.ofBursts(noise,
                        t.bursts().stream().map(Burst::azimuthTime).toList(), b.linesPerBurst)).orElseGet(() -> NoisePowerLut.of(noise));
                double polScale = p == 0 ? 1 : 0.2;
                List<HomogeneousArea> areas = b.areas.stream()
                        .map(h -> new HomogeneousArea(h.swath(), h.region(), h.sigma0() * polScale)).toList();
                if (b.scene != null) {
                    new PairMeasurementGenerator(m, b.scene, mapping, s, b.date, b.samples, b.linesPerBurst, b.bursts,
                            CalibrationType.SIGMA_NOUGHT.lut(cal), noisePower, deramps(m, s, timing),
                            b.seed * 31 + imageNumber).write(safe.resolve("measurement/" + base + ".tiff"), b.threads);
                } else {
                    new SlcMeasurementGenerator(m, s, b.samples, b.linesPerBurst, b.bursts,
                            CalibrationType.SIGMA_NOUGHT.lut(cal), noisePower,
                            b.backgroundSigma0 * polScale, areas, b.targets, b.seed * 31 + imageNumber)
                            .write(safe.resolve("measurement/" + base + ".tiff"), b.threads);
                }
                String id = base.replace("-", "");
                objects.add(ManifestWriter.dataObject(safe, "product" + id, "s1Level1ProductSchema", "annotation/" + base + ".xml"));
                objects.add(ManifestWriter.dataObject(safe, "calibration" + id, "s1Level1CalibrationSchema",
                        "annotation/calibration/calibration-" + base + ".xml"));
                objects.add(ManifestWriter.dataObject(safe, "noise" + id, "s1Level1NoiseSchema",
                        "annotation/calibration/noise-" + base + ".xml"));
                objects.add(ManifestWriter.dataObject(safe, id, "s1Level1MeasurementSchema", "measurement/" + base + ".tiff"));
            }
        }
        // footprint: near edge of the first sub-swath, far edge of the last, first and last grid lines
        List<Annotation.GeolocationGridPoint> near = grids.get(0), far = grids.get(grids.size() - 1);
        int perLine = Math.min(21, b.samples);
        List<Manifest.LatLon> footprint = List.of(latLon(near.get(0)), latLon(far.get(perLine - 1)),
                latLon(far.get(far.size() - 1)), latLon(near.get(near.size() - perLine)));
        String pass = Math.abs(m.geometry().platformHeadingDeg()) < 90 ? "ASCENDING" : "DESCENDING";
        Manifest manifest = new Manifest(b.mission, mode(), "SLC", b.polarisations, swathNames,
                ((b.absoluteOrbit - 73) % 175 + 175) % 175 + 1, b.absoluteOrbit, pass, m.start(), m.stop(), footprint,
                b.ipfVersion, objects);
        write(safe.resolve("manifest.safe"), ManifestWriter.manifest(manifest, "Fast-24h"));
    }

    /** The deramping phase of each burst of sub-swath {@code s}, as the annotation will give it; null for stripmap. */
    private eu.ai4c.s1.tops.TopsDeramp[] deramps(SlcModel m, int s, TopsTiming timing) {
        if (b.stripmap) return null;
        eu.ai4c.s1.tops.TopsDeramp[] d = new eu.ai4c.s1.tops.TopsDeramp[b.bursts];
        double[] v = m.geometry().velocity(0);
        double speed = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int k = 0; k < b.bursts; k++) {
            d[k] = new eu.ai4c.s1.tops.TopsDeramp(2 * m.slantRange(s, 0) / GrdGeometry.C_LIGHT, SlcModel.RANGE_SAMPLING_RATE,
                    b.samples, m.validSamples(k)[0], b.linesPerBurst, SlcModel.AZIMUTH_TIME_INTERVAL,
                    timing.fmRates().get(k), timing.dcEstimates().get(k),
                    Math.toRadians(SlcModel.STEERING_RATES[s % SlcModel.STEERING_RATES.length]), speed,
                    GrdGeometry.C_LIGHT / SyntheticModel.RADAR_FREQUENCY);
        }
        return d;
    }

    private static Manifest.LatLon latLon(Annotation.GeolocationGridPoint g) {
        return new Manifest.LatLon(g.latitude(), g.longitude());
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Options of a synthetic SLC; defaults give a Rome-like IW scene. Not thread-safe. */
    public static final class Builder {
        private final int samples, linesPerBurst, bursts;
        private int swaths = 3;
        private boolean stripmap, ew;
        private int overlapSamples, overlapLines, invalidLines, invalidSamples;
        private List<String> polarisations = List.of("VV", "VH");
        private String mission = "S1A";
        private String ipfVersion = "003.40";
        private int absoluteOrbit = 38123;
        private double latitude = 41.9, longitude = 12.5, heading = -167.0, centreIncidence = 37.0;
        private Instant centreTime = Instant.parse("2021-06-01T05:00:30Z");
        private double backgroundSigma0 = 0.05, noisePower = 1200;
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private final List<HomogeneousArea> areas = new ArrayList<>();
        private final List<PointTarget> targets = new ArrayList<>();
        // repeat-pass pairs (RepeatPassPair): the scene, this product's date, the reference's spec for the secondary
        private PairScene scene;
        private int date;
        private SyntheticSlc pairReference;
        private double timingError;

        private Builder(int samples, int linesPerBurst, int bursts) {
            if (samples < 60 || linesPerBurst < 40 || bursts < 1) {
                throw new IllegalArgumentException("A synthetic SLC needs at least 60 samples, 40 lines per burst and one burst");
            }
            this.samples = samples;
            this.linesPerBurst = linesPerBurst;
            this.bursts = bursts;
            this.overlapSamples = samples / 10;
            this.overlapLines = linesPerBurst / 10;
            this.invalidLines = Math.max(1, linesPerBurst / 40);
            this.invalidSamples = Math.max(1, samples / 60);
        }

        /** Number of sub-swaths, 1 to 3 for IW (default 3: IW1–IW3), 1 to 5 for EW. */
        public Builder swaths(int n) {
            if (stripmap && n != 1) throw new IllegalArgumentException("A stripmap product has one swath");
            int most = ew ? 5 : 3;
            if (n < 1 || n > most) throw new IllegalArgumentException((ew ? "EW" : "IW") + " has 1 to " + most + " sub-swaths, not " + n);
            this.swaths = n;
            return this;
        }

        /**
         * Extra-wide swath mode: sub-swaths EW1 … EW5 (five unless {@link #swaths} says otherwise),
         * with the IW sampling kept.
         */
        public Builder extraWide() {
            if (stripmap) throw new IllegalArgumentException("A stripmap product is not extra-wide");
            this.ew = true;
            this.swaths = 5;
            return this;
        }

        /** Polarisations, e.g. {@code "VV", "VH"} (default); the first is co-polarised, others are 7 dB darker. */
        public Builder polarisations(String... pols) {
            this.polarisations = List.of(pols);
            return this;
        }

        public Builder mission(String m) {
            this.mission = m;
            return this;
        }

        /** Scene centre (middle of IW2 at mid acquisition), degrees. */
        public Builder centre(double latitudeDeg, double longitudeDeg) {
            this.latitude = latitudeDeg;
            this.longitude = longitudeDeg;
            return this;
        }

        /** Along-track direction at the scene centre, degrees clockwise from north. */
        public Builder heading(double deg) {
            this.heading = deg;
            return this;
        }

        /** Zero-Doppler time of the middle of the acquisition. */
        public Builder centreTime(Instant t) {
            this.centreTime = t;
            return this;
        }

        /** Background σ⁰ (linear, default 0.05). */
        public Builder background(double sigma0) {
            this.backgroundSigma0 = sigma0;
            return this;
        }

        /** Scale of the thermal noise power, |DN|² units (default 1200). */
        public Builder noisePower(double power) {
            this.noisePower = power;
            return this;
        }

        /** A homogeneous area of σ⁰ (linear) in sub-swath {@code swath}'s image (burst-stacked lines). */
        public Builder homogeneousArea(int swath, Region region, double sigma0) {
            areas.add(new HomogeneousArea(swath, region, sigma0));
            return this;
        }

        /** A point target with the exact complex value {@code (amplitude, 0)}, amplitude 1..32767. */
        public Builder pointTarget(int swath, int burst, int line, int sample, int amplitude) {
            if (swath < 0 || swath >= swaths || burst < 0 || burst >= bursts || line < 0 || line >= linesPerBurst
                    || sample < 0 || sample >= samples || amplitude < 1 || amplitude > Short.MAX_VALUE) {
                throw new IllegalArgumentException("Point target (" + swath + ", " + burst + ", " + line + ", " + sample
                        + ", " + amplitude + ") outside the product or range");
            }
            targets.add(new PointTarget(swath, burst, line, sample, amplitude));
            return this;
        }

        /**
         * A point target in the azimuth overlap of bursts {@code burst} and {@code burst + 1}: planted at
         * line {@code line} of the first and at the line of the second with the same zero-Doppler
         * time, as both bursts image it.
         */
        public Builder pointTargetInOverlap(int swath, int burst, int line, int sample, int amplitude) {
            if (stripmap) throw new IllegalArgumentException("A stripmap product has no bursts");
            int other = line - (linesPerBurst - overlapLines);
            if (other < 0) {
                throw new IllegalArgumentException("Line " + line + " of burst " + burst + " is not in the overlap with the next burst");
            }
            pointTarget(swath, burst, line, sample, amplitude);
            return pointTarget(swath, burst + 1, other, sample, amplitude);
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

        /** Incidence angle at the scene centre, degrees (default 37). */
        public Builder centreIncidence(double deg) {
            this.centreIncidence = deg;
            return this;
        }

        /** Absolute orbit number (default 38123); the relative orbit follows from it. */
        public Builder absoluteOrbit(int orbit) {
            this.absoluteOrbit = orbit;
            return this;
        }

        /** Pixels from a repeat-pass scene: date 0 is the reference, date 1 the secondary of {@code reference}. */
        Builder pair(PairScene scene, int date, SyntheticSlc reference, double timingError) {
            this.scene = scene;
            this.date = date;
            this.pairReference = reference;
            this.timingError = timingError;
            return this;
        }

        public SyntheticSlc build() {
            return new SyntheticSlc(this);
        }
    }
}
