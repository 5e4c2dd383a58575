package eu.ai4c.cli.bench;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The benchmarks registered through {@link ServiceLoader}, sorted by name. */
public final class BenchRegistry {

    private BenchRegistry() {
    }

    public static List<Benchmark> all() {
        List<Benchmark> list = new ArrayList<>();
        ServiceLoader.load(Benchmark.class).forEach(list::add);
        list.sort(Comparator.comparing(Benchmark::name));
        return list;
    }

    /** The benchmark of that name, or a usage error listing the known ones. */
    public static Benchmark get(String name) {
        List<Benchmark> all = all();
        return all.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> Ai4cException.usage("Unknown benchmark \"" + name + "\". Known: "
                        + all.stream().map(Benchmark::name).toList() + " (see 'ai4c bench list')."));
    }
}
