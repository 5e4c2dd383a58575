package eu.ai4c.cli.bench;

import java.util.Set;

/**
 * A {@link Benchmark} whose name, one-line description and {@code -P} keys are fixed at
 * construction, so that each entry states them once. Immutable.
 */
abstract class DeclaredBenchmark implements Benchmark {
    private final String name;
    private final String description;
    private final Set<String> optionKeys;

    DeclaredBenchmark(String name, String description, String... optionKeys) {
        this.name = name;
        this.description = description;
        this.optionKeys = Set.of(optionKeys);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<String> optionKeys() {
        return optionKeys;
    }
}
