package eu.ai4c.vector.etl;

import java.io.IOException;

/** Receives the features of an extraction, in file order. */
@FunctionalInterface
public interface FeatureSink {
    void accept(OsmFeature feature) throws IOException;
}
