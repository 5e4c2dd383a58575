package eu.ai4c.aq.model;

/**
 * One epoch of SRGAN training: mean losses over its batches and the validation scores.
 *
 * @param epoch           1-based
 * @param criticLoss      D(fake) − D(real) + gradient penalty
 * @param generatorLoss   content_weight · content + adversarial_weight · (−D(fake))
 * @param wasserstein     D(real) − D(fake), the critic's estimate of the Wasserstein distance
 * @param gradientPenalty the WGAN-GP term
 * @param content         the content term (l1, l2 or crps, normalised units)
 * @param valContent      the content term on the validation samples (NaN without)
 * @param valRmse         RMSE of the two-member mean on the validation samples, µg m⁻³ (NaN without)
 * @param seconds         wall time of the epoch
 * @param samplesPerSecond training samples processed per second
 * @param best            true when this epoch's model is the one kept
 */
public record EpochLog(int epoch, double criticLoss, double generatorLoss, double wasserstein, double gradientPenalty,
                       double content, double valContent, double valRmse, double seconds, double samplesPerSecond,
                       boolean best) {
}
