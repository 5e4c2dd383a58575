package eu.ai4c.kit.op;

import eu.ai4c.kit.Ai4cException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The registered operators (see {@link EngineServices}), sorted by alias. Immutable. */
public final class OperatorRegistry {
    /** Alias prefix of the AI4C operators in SNAP. */
    private static final String SNAP_PREFIX = "AI4C-";
    private final List<Operator> operators;

    private OperatorRegistry(List<Operator> operators) {
        this.operators = List.copyOf(operators);
    }

    /** Loads the operators registered in the engine (through the engine's own class loader). */
    public static OperatorRegistry load() {
        return load(null);
    }

    /**
     * Loads the operators that {@code loader} sees, e.g. a platform loader that also sees operators
     * of other modules; {@code null} means the engine's own class loader.
     */
    public static OperatorRegistry load(ClassLoader loader) {
        List<Operator> ops = new ArrayList<>(EngineServices.load(Operator.class, loader));
        ops.sort(Comparator.comparing(o -> o.descriptor().alias()));
        return new OperatorRegistry(ops);
    }

    public List<Operator> all() {
        return operators;
    }

    /**
     * The operator whose alias equals {@code alias}, ignoring case; the SNAP form {@code AI4C-<alias>}
     * (e.g. {@code AI4C-Warp}, used in gpt graphs) is accepted too, so one graph runs in both.
     */
    public Optional<Operator> find(String alias) {
        String a = alias.regionMatches(true, 0, SNAP_PREFIX, 0, SNAP_PREFIX.length())
                ? alias.substring(SNAP_PREFIX.length()) : alias;
        return operators.stream().filter(o -> o.descriptor().alias().equalsIgnoreCase(a)).findFirst();
    }

    /** Like {@link #find} but fails with the list of known aliases. */
    public Operator get(String alias) {
        return find(alias).orElseThrow(() -> Ai4cException.usage("Unknown operator \"" + alias + "\". Known: "
                + operators.stream().map(o -> o.descriptor().alias()).toList() + "."));
    }
}
