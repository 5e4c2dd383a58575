package eu.ai4c.kit.op;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The operators found on the class path through {@link ServiceLoader}, sorted by alias. */
public final class OperatorRegistry {
    private final List<Operator> operators;

    private OperatorRegistry(List<Operator> operators) {
        this.operators = List.copyOf(operators);
    }

    /** Loads all registered operators. */
    public static OperatorRegistry load() {
        List<Operator> ops = new ArrayList<>();
        ServiceLoader.load(Operator.class).forEach(ops::add);
        ops.sort(Comparator.comparing(o -> o.descriptor().alias()));
        return new OperatorRegistry(ops);
    }

    public List<Operator> all() {
        return operators;
    }

    /** The operator whose alias equals {@code alias}, ignoring case. */
    public Optional<Operator> find(String alias) {
        return operators.stream().filter(o -> o.descriptor().alias().equalsIgnoreCase(alias)).findFirst();
    }

    /** Like {@link #find} but fails with the list of known aliases. */
    public Operator get(String alias) {
        return find(alias).orElseThrow(() -> Ai4cException.usage("Unknown operator \"" + alias + "\". Known: "
                + operators.stream().map(o -> o.descriptor().alias()).toList() + "."));
    }
}
