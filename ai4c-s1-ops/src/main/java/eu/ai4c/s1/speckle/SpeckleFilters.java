package eu.ai4c.s1.speckle;

/**
 * Builds the speckle filter kernel for a set of {@link SpeckleParameters}. Stateless, thread-safe.
 */
public final class SpeckleFilters {

    private SpeckleFilters() {
    }

    /**
     * The number of looks a filter uses: the scene estimate when {@code estimateENL} is set and an
     * estimate exists, otherwise the {@code enl} parameter.
     */
    public static double looks(SpeckleParameters p, SceneStatistics stats) {
        if (p.estimateENL() && stats != null && stats.enl() == stats.enl()) return stats.enl();
        return p.enl();
    }

    /**
     * The kernel for {@code p}, with the scene statistics it may need.
     *
     * @param p     parameters (the filter and its settings)
     * @param stats scene statistics (ENL estimate, Z98); may be null for filters that use neither,
     *              or when {@code estimateENL} is false and point targets are not to be detected
     */
    public static SpeckleFilter create(SpeckleParameters p, SceneStatistics stats) {
        double looks = looks(p, stats);
        double z98 = stats == null ? Double.POSITIVE_INFINITY : stats.z98();
        return switch (p.filterType()) {
            case NONE -> new IdentityFilter();
            case BOXCAR -> new BoxcarFilter(p.filterSizeX(), p.filterSizeY());
            case MEDIAN -> new MedianFilter(p.filterSizeX(), p.filterSizeY());
            case FROST -> new FrostFilter(p.filterSizeX(), p.filterSizeY(), p.dampingFactor());
            case GAMMA_MAP -> new GammaMapFilter(p.filterSizeX(), p.filterSizeY(), looks);
            case LEE -> new LeeFilter(p.filterSizeX(), p.filterSizeY(), looks);
            case REFINED_LEE -> new RefinedLeeFilter(looks);
            case LEE_SIGMA -> new LeeSigmaFilter(p.windowSide(), p.targetWindowSide(), looks, p.sigma(), z98);
            case IDAN -> new IdanFilter(p.anSize(), looks);
        };
    }
}
