package eu.ai4c.aq.model;

/**
 * What a training run carries from one epoch to the next besides the weights, so that {@code
 * aqgan-train --resume} continues exactly as an uninterrupted run would: Adam's first and second
 * moment estimates of every parameter (generator and critic) and the step counts of the critic's
 * and the generator's optimiser (for the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ), the best epoch so
 * far with its validation score and weights, and the count of skipped non-finite updates. The
 * batch order and noise of an epoch are drawn from a generator seeded by the config's seed and the
 * epoch number, so they need no saving. Immutable once built (the arrays are not copied: do not
 * change them).
 *
 * @param firstMoment    Adam's m per parameter (the shapes of the weights)
 * @param secondMoment   Adam's v per parameter
 * @param criticSteps    Adam steps taken by the critic's optimiser
 * @param generatorSteps Adam steps taken by the generator's optimiser
 * @param bestEpoch      the epoch of the best validation score so far (0: none)
 * @param bestScore      its score (lower is better; +∞ when none)
 * @param best           its weights (null when none)
 * @param skipped        updates skipped so far for non-finite gradients
 */
public record TrainingState(SrganWeights firstMoment, SrganWeights secondMoment, int criticSteps, int generatorSteps,
                            int bestEpoch, double bestScore, SrganWeights best, int skipped) {

    public TrainingState {
        if (!firstMoment.architecture().equals(secondMoment.architecture())) {
            throw new IllegalArgumentException("moments of different architectures");
        }
        if (criticSteps < 0 || generatorSteps < 0 || skipped < 0 || bestEpoch < 0) {
            throw new IllegalArgumentException("negative step count, epoch or skipped count");
        }
    }
}
