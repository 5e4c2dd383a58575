package eu.ai4c.s1.synthetic;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A generator of synthetic Sentinel-1 repeat-pass SLC pairs for change detection: two products of
 * one relative orbit, {@code interval} days apart, whose pixels image one scene ({@link PairScene}).
 * The second orbit is offset across track (a perpendicular baseline, from a slightly different
 * incidence at the scene centre) and its bursts along track; speckle is correlated between the dates
 * with a coherence set per area; areas may change σ⁰ between the dates (a new building, a ship that
 * left, a flooded field). An optional timing error shifts what the second product images in azimuth
 * without its annotation saying so: the residual that Enhanced Spectral Diversity must find after
 * geometric co-registration. Both products carry the TOPS Doppler structure of their bursts, the
 * interferometric phase of the baseline (−4π·ΔR/λ, ellipsoid height 0) and thermal noise.
 *
 * <pre>
 * RepeatPassPair pair = RepeatPassPair.builder(400, 120, 3).swaths(1)
 *         .area(0, 100, 150, 80, 140, 0.05, 0.5, 0.1)   // a new building: bright at date 2, decorrelated
 *         .build();
 * Path[] products = pair.write(dir);
 * </pre>
 * Immutable once built; {@link #write} is deterministic.
 */
public final class RepeatPassPair {
    private final SyntheticSlc reference, secondary;
    private final PairScene scene;
    private final Builder b;

    private RepeatPassPair(Builder b) {
        this.b = b;
        this.scene = new PairScene(b.seed, b.background, b.backgroundCoherence, b.areas, b.samples);
        SyntheticSlc.Builder first = base(b).pair(scene, 0, null, 0);
        first.centreTime(b.centreTime).mission(b.mission1).absoluteOrbit(b.orbit1);
        this.reference = first.build();
        // the same relative orbit: 175 orbits per 12-day repeat (the synthetic manifest numbers every mission alike)
        int orbit2 = b.orbit1 + b.intervalDays / 12 * 175 + b.orbitShift;
        double along = b.alongTrackShift;
        double headingRad = Math.toRadians(b.heading);
        double dLat = along * Math.cos(headingRad) / 111_320.0;
        double dLon = along * Math.sin(headingRad) / (111_320.0 * Math.cos(Math.toRadians(b.latitude)));
        SyntheticSlc.Builder second = base(b).pair(scene, 1, reference, b.timingError)
                .centre(b.latitude + dLat, b.longitude + dLon).centreIncidence(b.incidence + incidenceOffset(b))
                .centreTime(b.centreTime.plus(Duration.ofDays(b.intervalDays))).mission(b.mission2)
                .absoluteOrbit(orbit2).seed(b.seed + 7919);
        this.secondary = second.build();
    }

    /** A builder for sub-swaths of {@code samples} samples and {@code bursts} bursts of {@code linesPerBurst} lines. */
    public static Builder builder(int samples, int linesPerBurst, int bursts) {
        return new Builder(samples, linesPerBurst, bursts, false);
    }

    /** A stripmap (SM) pair of {@code lines × samples}. */
    public static Builder stripmap(int samples, int lines) {
        return new Builder(samples, lines, 1, true);
    }

    /** The full-size IW pair of the benchmark: 3 sub-swaths × 9 bursts of 1,500 lines × 21,000 samples, VV, 12 days. */
    public static Builder fullIw() {
        return builder(21_000, 1_500, 9);
    }

    private static SyntheticSlc.Builder base(Builder b) {
        SyntheticSlc.Builder s = b.stripmap ? SyntheticSlc.stripmap(b.samples, b.linesPerBurst)
                : SyntheticSlc.builder(b.samples, b.linesPerBurst, b.bursts).swaths(b.swaths);
        return s.polarisations(b.polarisations.toArray(String[]::new)).heading(b.heading).centre(b.latitude, b.longitude)
                .centreIncidence(b.incidence).background(b.background).noisePower(b.noisePower).threads(b.threads).seed(b.seed);
    }

    /** The incidence change at the scene centre that moves the orbit by the perpendicular baseline: B⊥ ≈ R·Δθ. */
    private static double incidenceOffset(Builder b) {
        double slantRange = GrdGeometry.ALTITUDE / Math.cos(Math.toRadians(b.incidence));
        return Math.toDegrees(b.baseline / slantRange);
    }

    /** The reference (earlier) product's name. */
    public String referenceName() {
        return reference.productName();
    }

    /** The secondary (later) product's name. */
    public String secondaryName() {
        return secondary.productName();
    }

    /** Writes both products into {@code folder}; returns {reference .SAFE, secondary .SAFE}. */
    public Path[] write(Path folder) throws IOException {
        return new Path[] {reference.write(folder), secondary.write(folder)};
    }

    /**
     * Longitude and latitude (degrees, ellipsoid height 0) of reference lattice position ({@code u}
     * lines after the first burst start of sub-swath {@code swath}, sample {@code x}): where a planted
     * area lies on a map.
     */
    public double[] lonLat(int swath, double u, double x) {
        SlcModel m = new SlcModel(reference);
        double tau = m.burstStart(swath, 0) + u * SlcModel.AZIMUTH_TIME_INTERVAL;
        double[] g = GrdGeometry.geodetic(m.geometry().pointAtSlantRange(tau, m.slantRange(swath, x)));
        return new double[] {g[1], g[0]};
    }

    /** The planted timing error of the secondary, lines (what ESD should find). */
    public double timingErrorLines() {
        return b.timingError / SlcModel.AZIMUTH_TIME_INTERVAL;
    }

    /** Options of a pair; defaults give a Rome-like IW scene, 12 days, B⊥ 100 m, S1A twice. Not thread-safe. */
    public static final class Builder {
        private final int samples, linesPerBurst, bursts;
        private final boolean stripmap;
        private int swaths = 3;
        private List<String> polarisations = List.of("VV");
        private String mission1 = "S1A", mission2 = "S1A";
        private int orbit1 = 38123, intervalDays = 12, orbitShift;
        private double latitude = 41.9, longitude = 12.5, heading = -167.0, incidence = 37.0;
        private Instant centreTime = Instant.parse("2021-06-01T05:00:30Z");
        private double background = 0.05, backgroundCoherence = 0.6, noisePower = 12;
        private double baseline = 100, alongTrackShift = 30, timingError;
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private final List<PairScene.Area> areas = new ArrayList<>();

        private Builder(int samples, int linesPerBurst, int bursts, boolean stripmap) {
            this.samples = samples;
            this.linesPerBurst = linesPerBurst;
            this.bursts = bursts;
            this.stripmap = stripmap;
            if (stripmap) swaths = 1;
        }

        /** Sub-swaths (IW), 1 to 3. */
        public Builder swaths(int n) {
            if (stripmap && n != 1) throw new IllegalArgumentException("A stripmap pair has one swath");
            this.swaths = n;
            return this;
        }

        public Builder polarisations(String... pols) {
            this.polarisations = List.of(pols);
            return this;
        }

        /** Missions of the two dates, e.g. {@code "S1A", "S1B"}. */
        public Builder missions(String first, String second) {
            this.mission1 = first;
            this.mission2 = second;
            return this;
        }

        /** Days between the acquisitions (a multiple of 6 for a valid pair; other values make invalid pairs for tests). */
        public Builder intervalDays(int days) {
            this.intervalDays = days;
            return this;
        }

        /** Absolute orbit of the reference. */
        public Builder orbit(int absoluteOrbit) {
            this.orbit1 = absoluteOrbit;
            return this;
        }

        /** Orbits added to the secondary's absolute orbit beyond the repeat: another relative orbit (invalid pairs for tests). */
        public Builder orbitShift(int orbits) {
            this.orbitShift = orbits;
            return this;
        }

        public Builder centre(double latDeg, double lonDeg) {
            this.latitude = latDeg;
            this.longitude = lonDeg;
            return this;
        }

        public Builder centreTime(Instant t) {
            this.centreTime = t;
            return this;
        }

        /** Perpendicular baseline, metres (default 100). */
        public Builder baseline(double metres) {
            this.baseline = metres;
            return this;
        }

        /** Along-track offset of the second acquisition's bursts, metres (default 30). */
        public Builder alongTrackShift(double metres) {
            this.alongTrackShift = metres;
            return this;
        }

        /** Azimuth timing error of the second product, seconds, not in its annotation (default 0). */
        public Builder timingError(double seconds) {
            this.timingError = seconds;
            return this;
        }

        /** Background σ⁰ (linear, default 0.05) and coherence (default 0.6). */
        public Builder background(double sigma0, double coherence) {
            this.background = sigma0;
            this.backgroundCoherence = coherence;
            return this;
        }

        /** Thermal noise power scale, |DN|² (default 12: 40 dB below a σ⁰ of 0.05 … about 26 dB). */
        public Builder noisePower(double power) {
            this.noisePower = power;
            return this;
        }

        /**
         * An area of the scene in sub-swath {@code swath}: reference lines {@code u0 … u1} from the
         * first burst start (debursted lines), samples {@code x0 … x1}, σ⁰ at each date and coherence.
         */
        public Builder area(int swath, double u0, double u1, double x0, double x1, double sigma0First,
                            double sigma0Second, double coherence) {
            areas.add(new PairScene.Area(swath, u0, u1, x0, x1, sigma0First, sigma0Second, coherence));
            return this;
        }

        public Builder threads(int n) {
            this.threads = Math.max(1, n);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public RepeatPassPair build() {
            return new RepeatPassPair(this);
        }
    }
}
