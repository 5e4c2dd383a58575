package eu.ai4c.s1.synthetic;

import eu.ai4c.s1.safe.AdsHeader;
import eu.ai4c.s1.safe.Annotation;
import eu.ai4c.s1.safe.CalibrationLuts;
import eu.ai4c.s1.safe.NoiseLuts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the annotation, calibration and noise records of one synthetic GRD image from a
 * {@link GrdGeometry}: geolocation grid (10 × 21 points), state vectors every 10 s, SRGR/GRSR
 * polynomials fitted to the geometry, calibration LUTs from the incidence angle
 * ({@code betaNought} constant, {@code sigmaNought = betaNought / √sin θ}, {@code gamma = sigmaNought·√cos θ}),
 * and IW-like noise (three sub-swaths with range lobes and an azimuth ripple). LUT values are
 * rounded to the 7 significant digits written to XML, so the model equals what the reader parses.
 * Stateless apart from its inputs; not thread-safe.
 */
final class SyntheticModel {
    static final double BETA_NOUGHT = 474.0, DN_LUT = 401.5, RANGE_SAMPLING_RATE = 6.434523812571428e7,
            RADAR_FREQUENCY = 5.405000454334350e9;
    private final SyntheticGrd spec;
    private final GrdGeometry geometry;
    private final Instant firstLine;
    private final double azimuthTimeInterval;
    private final double[] incidenceProfileSamples;
    private final double[] incidenceProfile;

    SyntheticModel(SyntheticGrd spec, GrdGeometry geometry) {
        this.spec = spec;
        this.geometry = geometry;
        this.azimuthTimeInterval = spec.azimuthSpacing() / geometry.groundSpeed();
        this.firstLine = timeOf(tauOfLine(0));
        int n = 65;
        incidenceProfileSamples = new double[n];
        for (int i = 0; i < n; i++) incidenceProfileSamples[i] = (spec.width() - 1) * (double) i / (n - 1);
        incidenceProfile = new double[n];
        double[][] pts = geometry.groundPoints(0, incidenceProfileSamples);
        double[] s = geometry.position(0);
        for (int i = 0; i < n; i++) incidenceProfile[i] = GrdGeometry.incidenceDeg(pts[i], s);
    }

    /** Seconds from the centre line to line {@code line}. */
    double tauOfLine(double line) {
        return (line - (spec.height() - 1) / 2.0) * azimuthTimeInterval;
    }

    Instant timeOf(double tau) {
        long nanos = Math.round(tau * 1e9);
        return spec.centreTime().plusNanos(nanos);
    }

    Instant firstLineTime() {
        return firstLine;
    }

    Instant lastLineTime() {
        return timeOf(tauOfLine(spec.height() - 1));
    }

    /** Incidence angle (degrees) at a sample, from the centre-line profile. */
    double incidenceDeg(double sample) {
        double u = sample / (spec.width() - 1) * (incidenceProfile.length - 1);
        int i = Math.max(0, Math.min((int) Math.floor(u), incidenceProfile.length - 2));
        double t = u - i;
        return (1 - t) * incidenceProfile[i] + t * incidenceProfile[i + 1];
    }

    AdsHeader header(String polarisation, int imageNumber) {
        return new AdsHeader(spec.mission(), "GRD", polarisation, "IW", "IW", firstLine, lastLineTime(),
                spec.absoluteOrbit(), String.format(Locale.ROOT, "%03d", imageNumber));
    }

    Annotation annotation(AdsHeader header, String file) {
        int w = spec.width(), h = spec.height();
        String pass = Math.abs(geometry.platformHeadingDeg()) < 90 ? "Ascending" : "Descending";
        Annotation.ProductInformation pi = new Annotation.ProductInformation(pass, geometry.platformHeadingDeg(),
                "Ground Range", RANGE_SAMPLING_RATE, RADAR_FREQUENCY);
        double[] centrePts = {0};
        double nearSlant = GrdGeometry.norm(GrdGeometry.sub(geometry.groundPoints(tauOfLine(0), centrePts)[0],
                geometry.position(tauOfLine(0))));
        Annotation.ImageInformation ii = new Annotation.ImageInformation(firstLine, lastLineTime(),
                2 * nearSlant / GrdGeometry.C_LIGHT, "Detected", "16 bit Unsigned Integer", spec.rangeSpacing(),
                spec.azimuthSpacing(), azimuthTimeInterval, w, h, incidenceDeg((w - 1) / 2.0));

        List<Annotation.GeolocationGridPoint> grid = new ArrayList<>();
        int gridLines = Math.min(10, h), gridPixels = Math.min(21, w);
        double[] samples = new double[gridPixels];
        for (int j = 0; j < gridPixels; j++) samples[j] = gridPixels == 1 ? 0 : Math.round((w - 1) * (double) j / (gridPixels - 1));
        for (int i = 0; i < gridLines; i++) {
            int line = gridLines == 1 ? 0 : (int) Math.round((h - 1) * (double) i / (gridLines - 1));
            double tau = tauOfLine(line);
            double[] s = geometry.position(tau);
            double[][] pts = geometry.groundPoints(tau, samples);
            for (int j = 0; j < gridPixels; j++) {
                double[] g = GrdGeometry.geodetic(pts[j]);
                double r = GrdGeometry.norm(GrdGeometry.sub(pts[j], s));
                grid.add(new Annotation.GeolocationGridPoint(timeOf(tau), 2 * r / GrdGeometry.C_LIGHT, line,
                        (int) samples[j], g[0], g[1], g[2], GrdGeometry.incidenceDeg(pts[j], s),
                        GrdGeometry.elevationDeg(pts[j], s)));
            }
        }

        List<Annotation.OrbitStateVector> orbits = new ArrayList<>();
        double t0 = Math.floor((tauOfLine(0) - 60) / 10) * 10, t1 = tauOfLine(h - 1) + 60;
        for (double t = t0; t <= t1; t += 10) {
            double[] p = geometry.position(t), v = geometry.velocity(t);
            orbits.add(new Annotation.OrbitStateVector(timeOf(t), "Earth Fixed", p[0], p[1], p[2], v[0], v[1], v[2]));
        }

        List<Annotation.CoordinateConversion> conversions = new ArrayList<>();
        int records = Math.min(5, h);
        for (int i = 0; i < records; i++) {
            double line = records == 1 ? 0 : (h - 1) * (double) i / (records - 1);
            conversions.add(conversion(tauOfLine(line)));
        }
        return new Annotation(file, header, pi, ii, grid, orbits, conversions);
    }

    /** SRGR/GRSR polynomials (degree 5) fitted to 41 samples across the swath at one azimuth time. */
    private Annotation.CoordinateConversion conversion(double tau) {
        int n = 41, w = spec.width();
        double[] samples = new double[n], gr = new double[n], sr = new double[n];
        for (int i = 0; i < n; i++) samples[i] = (w - 1) * (double) i / (n - 1);
        double[][] pts = geometry.groundPoints(tau, samples);
        double[] s = geometry.position(tau);
        for (int i = 0; i < n; i++) {
            gr[i] = samples[i] * spec.rangeSpacing();
            sr[i] = GrdGeometry.norm(GrdGeometry.sub(pts[i], s));
        }
        double sr0 = sr[0];
        double[] dsr = new double[n];
        for (int i = 0; i < n; i++) dsr[i] = sr[i] - sr0;
        return new Annotation.CoordinateConversion(timeOf(tau), 2 * sr0 / GrdGeometry.C_LIGHT, sr0,
                Polynomials.fit(dsr, gr, 5), 0, Polynomials.fit(gr, sr, 5));
    }

    CalibrationLuts calibration(AdsHeader header, String file) {
        List<CalibrationLuts.CalibrationVector> vectors = new ArrayList<>();
        int[] pixels = vectorPixels();
        for (int line : vectorLines()) {
            int n = pixels.length;
            double[] sigma = new double[n], beta = new double[n], gamma = new double[n], dn = new double[n];
            for (int k = 0; k < n; k++) {
                double th = Math.toRadians(incidenceDeg(pixels[k]));
                beta[k] = round7(BETA_NOUGHT);
                sigma[k] = round7(BETA_NOUGHT / Math.sqrt(Math.sin(th)));
                gamma[k] = round7(BETA_NOUGHT / Math.sqrt(Math.sin(th)) * Math.sqrt(Math.cos(th)));
                dn[k] = round7(DN_LUT);
            }
            vectors.add(new CalibrationLuts.CalibrationVector(timeOf(tauOfLine(line)), line, pixels.clone(), sigma, beta, gamma, dn));
        }
        return new CalibrationLuts(file, header, 1.0, vectors);
    }

    NoiseLuts noise(AdsHeader header, String file) {
        int w = spec.width(), h = spec.height();
        int[] pixels = vectorPixels();
        List<NoiseLuts.NoiseRangeVector> range = new ArrayList<>();
        for (int line : vectorLines()) {
            double[] lut = new double[pixels.length];
            for (int k = 0; k < pixels.length; k++) lut[k] = round7(rangeNoise(pixels[k]));
            range.add(new NoiseLuts.NoiseRangeVector(timeOf(tauOfLine(line)), line, pixels.clone(), lut));
        }
        List<NoiseLuts.NoiseAzimuthVector> azimuth = new ArrayList<>();
        int step = 10;
        int count = (h - 1) / step + 1 + ((h - 1) % step == 0 ? 0 : 1);
        for (int s = 0; s < 3; s++) {
            int first = (int) ((long) w * s / 3), last = (int) ((long) w * (s + 1) / 3) - 1;
            if (last < first) continue;
            int[] lines = new int[count];
            double[] lut = new double[count];
            for (int i = 0; i < count; i++) {
                lines[i] = Math.min(i * step, h - 1);
                lut[i] = round7(1 + 0.08 * Math.sin(2 * Math.PI * lines[i] / 1400.0 + s));
            }
            azimuth.add(new NoiseLuts.NoiseAzimuthVector("IW" + (s + 1), 0, first, h - 1, last, lines, lut));
        }
        return new NoiseLuts(file, header, range, azimuth, false);
    }

    /** IW-like range noise: three sub-swaths, each brighter towards its edges (antenna pattern). */
    private double rangeNoise(int pixel) {
        double third = spec.width() / 3.0;
        double u = (pixel % third) / third - 0.5;
        return spec.noisePower() * (0.7 + 1.2 * u * u);
    }

    /** Calibration and noise vector lines: about every 1/25 of the image, the last one at or beyond the last line. */
    int[] vectorLines() {
        int h = spec.height();
        int step = Math.max(1, (int) Math.ceil(h / 25.0));
        int n = (h - 1) / step + 2;
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) lines[i] = i * step;
        return lines;
    }

    /** Vector pixels: every 40 samples and the last sample. */
    int[] vectorPixels() {
        int w = spec.width();
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
