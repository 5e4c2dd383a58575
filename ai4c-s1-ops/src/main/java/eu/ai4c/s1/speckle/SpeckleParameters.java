package eu.ai4c.s1.speckle;

import eu.ai4c.kit.Ai4cException;

/**
 * Parameters of the speckle filters, named and defaulted as SNAP's Speckle-Filter operator
 * (values as SNAP graphs spell them, windows as {@code "7x7"} strings). Validated on construction;
 * immutable, with {@code withXxx} copies.
 *
 * @param filter              filter label, see {@link SpeckleFilterType} (default {@code "Lee Sigma"})
 * @param filterSizeX         window width in pixels for Boxcar, Median, Frost, Gamma Map, Lee (default 3)
 * @param filterSizeY         window height in pixels for the same filters (default 3)
 * @param dampingFactor       Frost damping factor K (default 2)
 * @param enl                 equivalent number of looks of the intensity, used when
 *                            {@code estimateENL} is false (default 1.0)
 * @param estimateENL         estimate the number of looks from the image (default true)
 * @param sigmaStr            Lee Sigma: probability mass of the sigma range, one of 0.5 … 0.9 (default "0.9")
 * @param windowSize          Lee Sigma: filter window, "5x5" … "17x17" (odd; default "7x7")
 * @param targetWindowSizeStr Lee Sigma: window of the a-priori mean and of point-target detection,
 *                            "3x3" or "5x5" (default "3x3")
 * @param anSize              IDAN: largest adaptive neighbourhood in pixels (1 … 200, default 50)
 */
public record SpeckleParameters(String filter, int filterSizeX, int filterSizeY, double dampingFactor,
                                double enl, boolean estimateENL, String sigmaStr, String windowSize,
                                String targetWindowSizeStr, int anSize) {

    /** SNAP's value set of {@code sigmaStr}. */
    public static final String[] SIGMA_VALUES = {"0.5", "0.6", "0.7", "0.8", "0.9"};
    /** SNAP's value set of {@code windowSize}. */
    public static final String[] WINDOW_SIZES = {"5x5", "7x7", "9x9", "11x11", "13x13", "15x15", "17x17"};
    /** SNAP's value set of {@code targetWindowSizeStr}. */
    public static final String[] TARGET_WINDOW_SIZES = {"3x3", "5x5"};

    public SpeckleParameters {
        filter = SpeckleFilterType.parse(filter).label();
        if (filterSizeX < 1 || filterSizeX > 101 || filterSizeY < 1 || filterSizeY > 101) {
            throw Ai4cException.usage("Speckle-Filter: filterSizeX/filterSizeY " + filterSizeX + "x" + filterSizeY
                    + " is out of range; give sizes from 1 to 101 pixels (default 3)");
        }
        if (!(dampingFactor >= 0) || Double.isInfinite(dampingFactor)) {
            throw Ai4cException.usage("Speckle-Filter: dampingFactor " + dampingFactor
                    + " must be a finite number >= 0 (default 2)");
        }
        if (!(enl > 0) || Double.isInfinite(enl)) {
            throw Ai4cException.usage("Speckle-Filter: enl " + enl + " must be a finite number > 0 (default 1.0)");
        }
        sigmaStr = oneOf("sigmaStr", sigmaStr, SIGMA_VALUES);
        windowSize = oneOf("windowSize", windowSize, WINDOW_SIZES);
        targetWindowSizeStr = oneOf("targetWindowSizeStr", targetWindowSizeStr, TARGET_WINDOW_SIZES);
        if (anSize < 1 || anSize > 200) {
            throw Ai4cException.usage("Speckle-Filter: anSize " + anSize + " must lie in [1, 200] (default 50)");
        }
    }

    /** SNAP's defaults: Lee Sigma, 3×3, damping 2, ENL 1.0 estimated, sigma 0.9, 7×7 window, 3×3 target, 50. */
    public static SpeckleParameters defaults() {
        return new SpeckleParameters("Lee Sigma", 3, 3, 2.0, 1.0, true, "0.9", "7x7", "3x3", 50);
    }

    public SpeckleFilterType filterType() {
        return SpeckleFilterType.parse(filter);
    }

    /** {@code sigmaStr} as a number. */
    public double sigma() {
        return Double.parseDouble(sigmaStr);
    }

    /** Side of the Lee Sigma window ({@code windowSize}), in pixels. */
    public int windowSide() {
        return side(windowSize);
    }

    /** Side of the Lee Sigma target window ({@code targetWindowSizeStr}), in pixels. */
    public int targetWindowSide() {
        return side(targetWindowSizeStr);
    }

    public SpeckleParameters withFilter(String f) {
        return new SpeckleParameters(f, filterSizeX, filterSizeY, dampingFactor, enl, estimateENL, sigmaStr,
                windowSize, targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withFilterSize(int x, int y) {
        return new SpeckleParameters(filter, x, y, dampingFactor, enl, estimateENL, sigmaStr, windowSize,
                targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withDampingFactor(double k) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, k, enl, estimateENL, sigmaStr, windowSize,
                targetWindowSizeStr, anSize);
    }

    /** A fixed number of looks ({@code estimateENL} false). */
    public SpeckleParameters withEnl(double looks) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, dampingFactor, looks, false, sigmaStr,
                windowSize, targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withEstimateENL(boolean estimate) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, dampingFactor, enl, estimate, sigmaStr,
                windowSize, targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withSigma(String s) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, dampingFactor, enl, estimateENL, s,
                windowSize, targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withWindowSize(String w) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, dampingFactor, enl, estimateENL, sigmaStr,
                w, targetWindowSizeStr, anSize);
    }

    public SpeckleParameters withTargetWindowSize(String w) {
        return new SpeckleParameters(filter, filterSizeX, filterSizeY, dampingFactor, enl, estimateENL, sigmaStr,
                windowSize, w, anSize);
    }

    private static int side(String window) {
        return Integer.parseInt(window.substring(0, window.indexOf('x')));
    }

    private static String oneOf(String name, String value, String[] allowed) {
        String v = value == null ? "" : value.trim();
        for (String a : allowed) {
            if (a.equals(v)) return a;
        }
        throw Ai4cException.usage("Speckle-Filter: " + name + " \"" + value + "\" is not allowed; use one of "
                + String.join(", ", allowed));
    }
}
