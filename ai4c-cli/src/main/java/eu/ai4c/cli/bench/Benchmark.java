package eu.ai4c.cli.bench;

import java.io.IOException;
import java.util.List;

/**
 * One benchmark of {@code ai4c bench}: runs an AI4C job and, where there is one, the same job by a
 * peer (e.g. {@code gdalwarp}, or the engine on one thread) on the same machine, and reports both
 * times. Registered through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/eu.ai4c.cli.bench.Benchmark}). Implementations are stateless.
 */
public interface Benchmark {

    /** Name used on the command line ({@code tile-engine}, {@code warp-utm}). */
    String name();

    /** One line shown by {@code ai4c bench list}. */
    String description();

    /** The {@code -Pkey=value} keys it reads; others are refused. */
    default java.util.Set<String> optionKeys() {
        return java.util.Set.of();
    }

    /**
     * Runs the benchmark.
     *
     * @return one result per measured case
     * @throws IOException when inputs cannot be made or outputs written
     * @throws eu.ai4c.kit.Ai4cException when a peer tool is missing or results disagree
     */
    List<BenchResult> run(BenchContext context) throws IOException;
}
