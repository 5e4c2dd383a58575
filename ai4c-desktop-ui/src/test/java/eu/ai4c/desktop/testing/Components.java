package eu.ai4c.desktop.testing;

import java.awt.Component;
import java.awt.Container;

/** Finds Swing components by name in a component tree, for the UI tests. Stateless. */
public final class Components {
    private Components() {
    }

    /** The first component below {@code root} (depth first) named {@code name}, or null. */
    public static Component named(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) return c;
            if (c instanceof Container k) {
                Component found = named(k, name);
                if (found != null) return found;
            }
        }
        return null;
    }
}
