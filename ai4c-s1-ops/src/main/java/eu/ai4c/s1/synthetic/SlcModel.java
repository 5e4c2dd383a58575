package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.safe.AdsHeader;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.AzimuthFmRate;
import eu.ai4c.s1.safe.Burst;
import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.DopplerCentroid;
import eu.ai4c.s1.safe.NoiseLuts;
import eu.ai4c.s1.safe.SwathTiming;
import eu.ai4c.s1.safe.TopsTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The layout and metadata of a synthetic TOPS IW SLC, from the same simplified orbit as the GRD
 * generator ({@link GrdGeometry}): sub-swath {@code s} (0-based) has {@code W} samples of slant range
 * starting {@code s·(W − overlapSamples)} samples beyond the first one's, so neighbouring sub-swaths
 * share {@code overlapSamples}; its bursts of {@code L} lines start every {@code L − overlapLines}
 * lines (consecutive bursts of a sub-swath image the same zero-Doppler times over
 * {@code overlapLines} lines), sub-swath {@code s} {@code 3·s} lines after the first. The first and
 * last {@code invalidLines} lines of a burst are invalid (−1), and {@code invalidSamples} at each
 * end of a line (one more at near range in odd bursts, so the valid rectangle is not the same
 * in every burst). Lines are zero-Doppler azimuth time at the real IW interval, samples slant
 * range at the real IW range sampling rate; time 0 of the model is the middle of the acquisition.
 * A stripmap product ({@link SyntheticSlc#stripmap}) is one swath {@code S3} of one block of lines
 * without burst layout, all lines and samples valid, with the same sampling.
 * Records are built for the reader's own model types (rounded as the XML writes them). Immutable.
 */
final class SlcModel {
    /** IW azimuth time interval, s, and range sampling rate, Hz, as in real products. */
    static final double AZIMUTH_TIME_INTERVAL = 2.055556299999998e-3, RANGE_SAMPLING_RATE = 6.434523812571428e7;
    /** Calibration: betaNought constant, as real IW SLC (amplitude units). */
    static final double BETA_NOUGHT = 237.0;
    private static final int SWATH_DELAY_LINES = 3;
    /** Antenna steering rates of IW1, IW2, IW3 in real annotations, degrees/s. */
    static final double[] STEERING_RATES = {1.590368784, 0.979863325, 1.397440818};

    private final SyntheticSlc spec;
    private final GrdGeometry geometry;
    private final double nearRange;
    private final double rangeSpacing = GrdGeometry.C_LIGHT / (2 * RANGE_SAMPLING_RATE);
    private final double[] incidenceRange;
    private final double[] incidenceDeg;

    SlcModel(SyntheticSlc spec) {
        this.spec = spec;
        this.geometry = new GrdGeometry(spec.latitude(), spec.longitude(), spec.heading(), spec.centreIncidence(), 1, 1);
        int total = spec.swaths() * spec.samples() - (spec.swaths() - 1) * spec.overlapSamples();
        this.nearRange = geometry.centreSlantRange(0) - (total - 1) / 2.0 * rangeSpacing;
        int n = 65;
        incidenceRange = new double[n];
        incidenceDeg = new double[n];
        double[] s = geometry.position(0);
        for (int i = 0; i < n; i++) {
            incidenceRange[i] = nearRange + (total - 1) * rangeSpacing * i / (n - 1);
            incidenceDeg[i] = GrdGeometry.incidenceDeg(geometry.pointAtSlantRange(0, incidenceRange[i]), s);
        }
    }

    GrdGeometry geometry() {
        return geometry;
    }

    /** Seconds from model time 0 to the first line of burst {@code k} of sub-swath {@code s}. */
    double burstStart(int s, int k) {
        int cycle = spec.linesPerBurst() - spec.overlapLines();
        double span = ((spec.bursts() - 1) * cycle + spec.linesPerBurst()) * AZIMUTH_TIME_INTERVAL;
        return -span / 2 + (SWATH_DELAY_LINES * s + k * cycle) * AZIMUTH_TIME_INTERVAL;
    }

    /** Seconds from model time 0 to image line {@code line} (burst-stacked) of sub-swath {@code s}. */
    double lineTime(int s, double line) {
        int k = (int) Math.min(spec.bursts() - 1, Math.max(0, Math.floor(line / spec.linesPerBurst())));
        return burstStart(s, k) + (line - k * spec.linesPerBurst()) * AZIMUTH_TIME_INTERVAL;
    }

    Instant timeOf(double tau) {
        return spec.centreTime().plusNanos(Math.round(tau * 1e9));
    }

    /** One-way slant range of sample {@code sample} of sub-swath {@code s}, m. */
    double slantRange(int s, double sample) {
        return nearRange + (s * (spec.samples() - spec.overlapSamples()) + sample) * rangeSpacing;
    }

    double rangeSpacing() {
        return rangeSpacing;
    }

    /** Incidence angle (degrees) at a one-way slant range, from the mid-acquisition profile. */
    double incidenceDeg(double range) {
        double u = (range - incidenceRange[0]) / (incidenceRange[incidenceRange.length - 1] - incidenceRange[0])
                * (incidenceRange.length - 1);
        int i = Math.max(0, Math.min((int) Math.floor(u), incidenceRange.length - 2));
        double t = u - i;
        return (1 - t) * incidenceDeg[i] + t * incidenceDeg[i + 1];
    }

    Instant firstLineTime(int s) {
        return timeOf(burstStart(s, 0));
    }

    Instant lastLineTime(int s) {
        return timeOf(burstStart(s, spec.bursts() - 1) + (spec.linesPerBurst() - 1) * AZIMUTH_TIME_INTERVAL);
    }

    /** Acquisition start and stop over all sub-swaths. */
    Instant start() {
        return firstLineTime(0);
    }

    Instant stop() {
        return lastLineTime(spec.swaths() - 1);
    }

    /** {@code IW1} …, {@code EW1} … or {@code S3} for stripmap. */
    String swathName(int s) {
        return spec.stripmap() ? "S3" : spec.mode() + (s + 1);
    }

    AdsHeader header(int s, String polarisation, int imageNumber) {
        return new AdsHeader(spec.mission(), "SLC", polarisation, spec.mode(), swathName(s),
                firstLineTime(s), lastLineTime(s),
                spec.absoluteOrbit(), String.format(Locale.ROOT, "%03d", imageNumber));
    }

    /** Valid sample range {first, last} of burst {@code k}. */
    int[] validSamples(int k) {
        return new int[] {spec.invalidSamples() + (k % 2), spec.samples() - 1 - spec.invalidSamples()};
    }

    boolean validLine(int lineInBurst) {
        return lineInBurst >= spec.invalidLines() && lineInBurst < spec.linesPerBurst() - spec.invalidLines();
    }

    TopsTiming topsTiming(int s) {
        int lines = spec.linesPerBurst(), w = spec.samples();
        List<Burst> bursts = new ArrayList<>();
        List<AzimuthFmRate> rates = new ArrayList<>();
        List<DopplerCentroid> dcs = new ArrayList<>();
        double tau0 = 2 * slantRange(s, 0) / GrdGeometry.C_LIGHT;
        for (int k = 0; k < spec.bursts(); k++) {
            int[] first = new int[lines], last = new int[lines];
            int[] valid = validSamples(k);
            for (int l = 0; l < lines; l++) {
                first[l] = validLine(l) ? valid[0] : -1;
                last[l] = validLine(l) ? valid[1] : -1;
            }
            Instant t = timeOf(burstStart(s, k));
            bursts.add(new Burst(k, t, 1000 + burstStart(s, k), t.minusMillis(2000), (long) k * lines * w * 4 + 4096,
                    first, last));
            Instant mid = timeOf(burstStart(s, k) + lines / 2.0 * AZIMUTH_TIME_INTERVAL);
            rates.add(new AzimuthFmRate(mid, tau0, new double[] {-2.3e3, 4.5e5, -8.0e7}));
            dcs.add(new DopplerCentroid(mid, tau0, new double[] {0, 0, 0}, new double[] {-20.0 + k, 1.0e4, 0}));
        }
        return new TopsTiming(spec.stripmap() ? Optional.empty() : Optional.of(new SwathTiming(lines, w, bursts)), rates, dcs);
    }

    Annotation annotation(int s, AdsHeader header, String file) {
        int w = spec.samples(), h = spec.bursts() * spec.linesPerBurst();
        String pass = Math.abs(geometry.platformHeadingDeg()) < 90 ? "Ascending" : "Descending";
        Annotation.ProductInformation pi = new Annotation.ProductInformation(pass, geometry.platformHeadingDeg(),
                "Slant Range", RANGE_SAMPLING_RATE, SyntheticModel.RADAR_FREQUENCY,
                spec.stripmap() ? Double.NaN : STEERING_RATES[s % STEERING_RATES.length]);
        double azimuthSpacing = AZIMUTH_TIME_INTERVAL * geometry.groundSpeed();
        Annotation.ImageInformation ii = new Annotation.ImageInformation(firstLineTime(s), lastLineTime(s),
                2 * slantRange(s, 0) / GrdGeometry.C_LIGHT, "Complex", "16 bit Signed Integer", rangeSpacing,
                azimuthSpacing, AZIMUTH_TIME_INTERVAL, w, h, incidenceDeg(slantRange(s, (w - 1) / 2.0)));
        // grid lines at every burst start and the last line, 21 pixels across: the layout of real SLC grids
        List<Annotation.GeolocationGridPoint> grid = new ArrayList<>();
        int gridPixels = Math.min(21, w);
        int rows = spec.stripmap() ? 10 : spec.bursts() + 1;
        for (int k = 0; k < rows; k++) {
            int line = spec.stripmap() ? (int) Math.round((h - 1) * (double) k / (rows - 1))
                    : k < spec.bursts() ? k * spec.linesPerBurst() : h - 1;
            double tau = lineTime(s, line);
            double[] sat = geometry.position(tau);
            for (int j = 0; j < gridPixels; j++) {
                int pixel = (int) Math.round((w - 1) * (double) j / (gridPixels - 1));
                double range = slantRange(s, pixel);
                double[] p = geometry.pointAtSlantRange(tau, range);
                double[] g = GrdGeometry.geodetic(p);
                grid.add(new Annotation.GeolocationGridPoint(timeOf(tau), 2 * range / GrdGeometry.C_LIGHT, line, pixel,
                        g[0], g[1], g[2], GrdGeometry.incidenceDeg(p, sat), GrdGeometry.elevationDeg(p, sat)));
            }
        }
        List<Annotation.OrbitStateVector> orbits = new ArrayList<>();
        double t0 = Math.floor((start().getEpochSecond() - spec.centreTime().getEpochSecond() - 60) / 10.0) * 10;
        double t1 = burstStart(spec.swaths() - 1, spec.bursts()) + 60;
        for (double t = t0; t <= t1; t += 10) {
            double[] p = geometry.position(t), v = geometry.velocity(t);
            orbits.add(new Annotation.OrbitStateVector(timeOf(t), "Earth Fixed", p[0], p[1], p[2], v[0], v[1], v[2]));
        }
        return new Annotation(file, header, pi, ii, grid, orbits, List.of());
    }

    /** Calibration vectors at three lines per burst and the last line; sigmaNought from the incidence. */
    CalibrationLuts calibration(int s, AdsHeader header, String file) {
        int[] pixels = vectorPixels();
        List<CalibrationLuts.CalibrationVector> vectors = new ArrayList<>();
        int lines = spec.linesPerBurst();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < spec.bursts(); k++) {
            for (int j = 0; j < 3; j++) at.add(k * lines + j * lines / 3);
        }
        at.add(spec.bursts() * lines);
        for (int line : at) {
            int n = pixels.length;
            double[] sigma = new double[n], beta = new double[n], gamma = new double[n], dn = new double[n];
            for (int i = 0; i < n; i++) {
                double th = Math.toRadians(incidenceDeg(slantRange(s, pixels[i])));
                beta[i] = round7(BETA_NOUGHT);
                sigma[i] = round7(BETA_NOUGHT / Math.sqrt(Math.sin(th)));
                gamma[i] = round7(BETA_NOUGHT / Math.sqrt(Math.sin(th)) * Math.sqrt(Math.cos(th)));
                dn[i] = round7(BETA_NOUGHT);
            }
            vectors.add(new CalibrationLuts.CalibrationVector(timeOf(lineTime(s, line)), line, pixels.clone(), sigma,
                    beta, gamma, dn));
        }
        return new CalibrationLuts(file, header, 1.0, vectors);
    }

    /**
     * Noise as the IPF gives it for SLC: one range vector per burst at the burst's first line (plus a
     * stray one a burst before the first, 50 % stronger, which a burst must not pick), and one azimuth
     * profile for the whole sub-swath.
     */
    NoiseLuts noise(int s, AdsHeader header, String file) {
        int[] pixels = vectorPixels();
        int lines = spec.linesPerBurst(), cycle = lines - spec.overlapLines();
        List<NoiseLuts.NoiseRangeVector> range = new ArrayList<>();
        for (int k = spec.stripmap() ? 0 : -1; k < spec.bursts(); k++) {
            double[] lut = new double[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                double u = pixels[i] / (double) (spec.samples() - 1) - 0.5;
                lut[i] = round7(spec.noisePower() * (k < 0 ? 1.5 : 1) * (0.7 + 1.2 * u * u) * (1 + 0.03 * k));
            }
            double tau = k < 0 ? burstStart(s, 0) - cycle * AZIMUTH_TIME_INTERVAL : burstStart(s, k);
            range.add(new NoiseLuts.NoiseRangeVector(timeOf(tau), k * lines, pixels.clone(), lut));
        }
        int h = spec.bursts() * lines;
        int count = (h - 1) / 10 + 2;
        int[] azLines = new int[count];
        double[] azLut = new double[count];
        for (int i = 0; i < count; i++) {
            azLines[i] = Math.min(i * 10, h - 1);
            azLut[i] = round7(1 + 0.05 * Math.sin(2 * Math.PI * (azLines[i] % lines) / lines));
        }
        if (azLines[count - 1] == azLines[count - 2]) {
            azLines = Arrays.copyOf(azLines, count - 1);
            azLut = Arrays.copyOf(azLut, count - 1);
        }
        if (spec.stripmap()) {
            // stripmap: range vectors every quarter of the image, interpolated between lines as for GRD
            List<NoiseLuts.NoiseRangeVector> regular = new ArrayList<>();
            for (int q = 0; q <= 4; q++) {
                int line = (int) Math.round((lines - 1) * q / 4.0);
                double[] lut = range.get(0).noiseRangeLut().clone();
                for (int i = 0; i < lut.length; i++) lut[i] = round7(lut[i] * (1 + 0.02 * q));
                regular.add(new NoiseLuts.NoiseRangeVector(timeOf(lineTime(s, line)), line, pixels.clone(), lut));
            }
            range = regular;
        }
        List<NoiseLuts.NoiseAzimuthVector> azimuth = List.of(new NoiseLuts.NoiseAzimuthVector(swathName(s), 0, 0,
                h - 1, spec.samples() - 1, azLines, azLut));
        return new NoiseLuts(file, header, range, azimuth, false);
    }

    /** Vector pixels: every 40 samples and the last sample. */
    private int[] vectorPixels() {
        int w = spec.samples();
        int n = (w - 1) / 40 + 1;
        boolean lastOnGrid = (w - 1) % 40 == 0;
        int[] p = new int[lastOnGrid ? n : n + 1];
        for (int i = 0; i < n; i++) p[i] = i * 40;
        if (!lastOnGrid) p[n] = w - 1;
        return p;
    }

    private static double round7(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6e", v));
    }
}
