package eu.ai4c.desktop.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The area-of-interest fields of the open operator dialogs, most recently active first: where the
 * World View's "Use as AOI" sends a drawn area (the field of the dialog that has the focus or was
 * opened last), and whose current value the World View shows. A dialog's field {@link #activate
 * activates} itself when the dialog opens or gains the focus and {@link #remove leaves} when it
 * closes; it tells {@link #changed} after every edit. No display: the fields are reached through
 * {@link Target}.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe; listeners run on the thread that made the change (the event thread in the desktop).
 */
public final class AoiTargets {

    /** An area-of-interest field that can take a WKT polygon. */
    public interface Target {
        /** What the field belongs to, for the user: {@code Warp (reproject): Area of interest}. */
        String label();

        /** The field's current text (WKT, a box, a vector file path, or blank). */
        String text();

        /**
         * Puts {@code wkt} into the field as if typed, so the dialog validates it and enables Run as
         * for typed text. Event thread.
         */
        void accept(String wkt);
    }

    private static final AoiTargets DEFAULT = new AoiTargets();
    private final List<Target> targets = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** An empty registry of its own (the desktop uses {@link #getDefault()}). */
    public AoiTargets() {
    }

    /** The desktop's registry (one per application). */
    public static AoiTargets getDefault() {
        return DEFAULT;
    }

    /** Makes {@code t} the current target (its dialog opened or gained the focus). */
    public void activate(Target t) {
        synchronized (this) {
            if (!targets.isEmpty() && targets.get(0) == t) return;
            targets.remove(t);
            targets.add(0, t);
        }
        fire();
    }

    /** Forgets {@code t} (its dialog closed); the one active before becomes current. */
    public void remove(Target t) {
        boolean removed;
        synchronized (this) {
            removed = targets.remove(t);
        }
        if (removed) fire();
    }

    /** Tells the listeners that the text of {@code t} changed (shown when it is the current one). */
    public void changed(Target t) {
        if (current().orElse(null) == t) fire();
    }

    /** The field of the dialog active last, if any dialog with an area of interest is open. */
    public synchronized Optional<Target> current() {
        return targets.isEmpty() ? Optional.empty() : Optional.of(targets.get(0));
    }

    /** Runs {@code r} when the current target or its text changes. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private void fire() {
        for (Runnable r : listeners) r.run();
    }
}
