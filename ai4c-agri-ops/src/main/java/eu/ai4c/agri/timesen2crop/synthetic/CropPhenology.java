package eu.ai4c.agri.timesen2crop.synthetic;

import eu.ai4c.agri.timesen2crop.CropClass;
import java.util.SplittableRandom;

/**
 * Class-specific phenology and spectra of synthetic TimeSen2Crop samples. Vegetation cover over
 * the agronomic year (day {@code t} since 1 September) is a double logistic: autumn establishment
 * to {@code autumn} cover (winter crops, perennials), spring green-up at {@code greenUp} to
 * {@code peak}, senescence at {@code senescence} down to {@code floor} (0 for annual crops), with
 * a winter dip, mowing cuts for grassland and legumes and a flowering signal (yellow for rapeseed
 * and sunflower, white for caraway). Reflectance is a linear mixture of a soil and a canopy
 * spectrum (B2 … B12), the canopy scaled per class in the visible, red-edge, NIR and SWIR, so
 * classes differ in timing and in spectrum. Values are reflectance (0–1). Immutable; thread-safe.
 */
record CropPhenology(double autumn, double greenUp, double rise, double senescence, double fall, double peak,
                     double floor, double[] cuts, double flowerDay, double flowerAmount, double[] flower,
                     double visGain, double redEdgeGain, double nirGain, double swirGain) {

    /** Soil (bare field) reflectance B2 … B12. */
    static final double[] SOIL = {0.070, 0.100, 0.130, 0.160, 0.180, 0.200, 0.220, 0.300, 0.240};
    /** Green canopy reflectance B2 … B12. */
    static final double[] CANOPY = {0.030, 0.070, 0.035, 0.110, 0.300, 0.380, 0.430, 0.210, 0.100};
    private static final double[] YELLOW = {0.050, 0.240, 0.290, 0.310, 0.340, 0.370, 0.400, 0.220, 0.120};
    private static final double[] WHITE = {0.200, 0.230, 0.230, 0.250, 0.320, 0.360, 0.400, 0.220, 0.120};
    private static final double[] NONE = {};

    private static final CropPhenology[] TABLE = new CropPhenology[CropClass.COUNT];

    static {
        //                                autumn greenUp rise  sen  fall peak floor cuts                  flower         vis  redE  nir  swir
        put(CropClass.LEGUMES, c(0.40, 200, 10, 330, 10, 0.85, 0.35, new double[] {262, 312}, 0, 0, NONE, 1.05, 1.00, 1.08, 0.95));
        put(CropClass.GRASSLAND, c(0.55, 190, 12, 420, 10, 0.90, 0.55, new double[] {245, 295, 340}, 0, 0, NONE, 1.10, 1.05, 0.92, 1.08));
        put(CropClass.MAIZE, c(0.00, 285, 10, 358, 8, 0.95, 0.00, NONE, 0, 0, NONE, 0.90, 1.00, 1.05, 1.00));
        put(CropClass.POTATO, c(0.00, 262, 8, 325, 7, 0.85, 0.00, NONE, 300, 0.10, WHITE, 1.00, 1.05, 1.15, 1.05));
        put(CropClass.SUNFLOWER, c(0.00, 258, 9, 335, 9, 0.80, 0.00, NONE, 315, 0.35, YELLOW, 1.00, 0.95, 1.00, 1.10));
        put(CropClass.SOY, c(0.00, 283, 8, 362, 7, 0.90, 0.00, NONE, 0, 0, NONE, 1.05, 1.10, 1.12, 0.92));
        put(CropClass.WINTER_BARLEY, c(0.30, 183, 10, 266, 6, 0.90, 0.00, NONE, 0, 0, NONE, 1.00, 1.00, 0.95, 1.08));
        put(CropClass.WINTER_CARAWAY, c(0.35, 200, 12, 302, 8, 0.75, 0.00, NONE, 275, 0.40, WHITE, 1.00, 1.00, 1.00, 1.00));
        put(CropClass.RYE, c(0.30, 188, 12, 278, 7, 0.85, 0.00, NONE, 0, 0, NONE, 1.08, 0.95, 1.05, 0.95));
        put(CropClass.RAPESEED, c(0.55, 175, 10, 285, 8, 0.90, 0.00, NONE, 235, 0.55, YELLOW, 1.00, 1.05, 1.05, 1.00));
        put(CropClass.BEET, c(0.00, 252, 10, 430, 10, 0.95, 0.00, NONE, 0, 0, NONE, 0.92, 1.08, 1.18, 0.95));
        put(CropClass.SPRING_CEREALS, c(0.00, 225, 9, 300, 7, 0.85, 0.00, NONE, 0, 0, NONE, 1.05, 1.00, 0.98, 1.05));
        put(CropClass.WINTER_WHEAT, c(0.25, 196, 11, 298, 7, 0.92, 0.00, NONE, 0, 0, NONE, 0.95, 1.02, 1.00, 1.00));
        put(CropClass.WINTER_TRITICALE, c(0.28, 191, 11, 289, 7, 0.88, 0.00, NONE, 0, 0, NONE, 1.00, 1.08, 1.10, 1.06));
        put(CropClass.PERMANENT_PLANTATIONS, c(0.40, 215, 15, 420, 12, 0.70, 0.40, NONE, 0, 0, NONE, 0.85, 0.90, 0.88, 0.85));
        // other crops: drawn per sample in forSample
        put(CropClass.OTHER_CROPS, c(0.00, 240, 10, 320, 8, 0.75, 0.00, NONE, 0, 0, NONE, 1.00, 1.00, 1.00, 1.00));
    }

    private static CropPhenology c(double autumn, double greenUp, double rise, double senescence, double fall,
                                   double peak, double floor, double[] cuts, double flowerDay, double flowerAmount,
                                   double[] flower, double vis, double redEdge, double nir, double swir) {
        return new CropPhenology(autumn, greenUp, rise, senescence, fall, peak, floor, cuts, flowerDay, flowerAmount,
                flower, vis, redEdge, nir, swir);
    }

    private static void put(CropClass c, CropPhenology p) {
        TABLE[c.id()] = p;
    }

    /** The typical phenology of a class. */
    static CropPhenology of(CropClass c) {
        return TABLE[c.id()];
    }

    /**
     * One field's phenology: the class's, shifted in time (sd 5 days), with rates, peak and
     * spectral gains varied; "Other Crops" draws a random crop calendar.
     */
    static CropPhenology forSample(CropClass c, SplittableRandom rnd) {
        CropPhenology p = of(c);
        if (c == CropClass.OTHER_CROPS) {
            double up = 180 + 130 * rnd.nextDouble();
            p = c(rnd.nextDouble() < 0.3 ? 0.3 : 0, up, 8 + 6 * rnd.nextDouble(), up + 50 + 70 * rnd.nextDouble(),
                    6 + 6 * rnd.nextDouble(), 0.5 + 0.4 * rnd.nextDouble(), 0, NONE, 0, 0, NONE,
                    0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble(),
                    0.9 + 0.2 * rnd.nextDouble());
        }
        double shift = 5 * rnd.nextGaussian();
        double[] cuts = p.cuts.clone();
        for (int i = 0; i < cuts.length; i++) cuts[i] += shift + 4 * rnd.nextGaussian();
        return c(p.autumn * (0.8 + 0.4 * rnd.nextDouble()), p.greenUp + shift, p.rise * (0.85 + 0.3 * rnd.nextDouble()),
                p.senescence + shift + 3 * rnd.nextGaussian(), p.fall * (0.85 + 0.3 * rnd.nextDouble()),
                p.peak * (0.88 + 0.12 * rnd.nextDouble()), p.floor, cuts, p.flowerDay + shift,
                p.flowerAmount * (0.7 + 0.6 * rnd.nextDouble()), p.flower, p.visGain * (1 + 0.03 * rnd.nextGaussian()),
                p.redEdgeGain * (1 + 0.03 * rnd.nextGaussian()), p.nirGain * (1 + 0.03 * rnd.nextGaussian()),
                p.swirGain * (1 + 0.03 * rnd.nextGaussian()));
    }

    /** Vegetation cover (0–1) on day {@code t} since 1 September. */
    double cover(double t) {
        // autumn establishment in mid-October, reduced by winter frost around mid-January
        double base = autumn * logistic((t - 45) / 10) * (1 - 0.3 * bump(t, 135, 30));
        if (floor > 0) base = Math.max(base, floor * (1 - 0.3 * bump(t, 135, 30)));
        double grown = base + (peak - base) * logistic((t - greenUp) / rise);
        double f = grown + (floor - grown) * logistic((t - senescence) / fall);
        for (double cut : cuts) {
            if (t >= cut) f *= 1 - 0.55 * StrictMath.exp(-(t - cut) / 12);
        }
        return f;
    }

    /**
     * Reflectance of the 9 bands on day {@code t}, soil brightness factor {@code soil}, into
     * {@code out}.
     */
    void reflectance(double t, double soil, double[] out) {
        double f = cover(t);
        double fl = flowerAmount > 0 ? flowerAmount * bump(t, flowerDay, 10) : 0;
        for (int b = 0; b < 9; b++) {
            double gain = b < 3 ? visGain : b == 3 ? redEdgeGain : b < 7 ? nirGain : swirGain;
            double canopy = CANOPY[b] * gain;
            if (fl > 0) canopy = canopy * (1 - fl) + flower[b] * fl;
            out[b] = SOIL[b] * soil * (1 - f) + canopy * f;
        }
    }

    private static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    private static double bump(double t, double centre, double width) {
        double z = (t - centre) / width;
        return StrictMath.exp(-z * z);
    }
}
