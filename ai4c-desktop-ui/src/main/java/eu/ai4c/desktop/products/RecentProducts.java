package eu.ai4c.desktop.products;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The products opened last (File → Open Recent Product, the start page's list): at most
 * {@value #MAX} locations, most recent first, kept in the module's preferences
 * ({@code NbPreferences}, in the user folder: {@code config/Preferences/eu/ai4c/desktop/products/recent.properties})
 * as {@code 0}, {@code 1}, … Locations that no longer exist are left out of {@link #list()}.
 *
 * <h2>Thread-safety</h2>
 * Thread-safe; listeners are called on the thread that added a product.
 */
public final class RecentProducts {
    /** How many products are remembered. */
    public static final int MAX = 10;
    private static RecentProducts instance;
    private final Preferences node;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The list kept in {@code node} (tests give a node of their own). */
    public RecentProducts(Preferences node) {
        this.node = node;
    }

    /** The desktop's list, in the module's preferences. */
    public static synchronized RecentProducts getDefault() {
        if (instance == null) {
            instance = new RecentProducts(org.openide.util.NbPreferences.forModule(RecentProducts.class).node("recent"));
        }
        return instance;
    }

    /** Puts {@code location} first (moving it up when it is already listed), keeping at most {@value #MAX}. */
    public void add(Path location) {
        Path p = location.toAbsolutePath().normalize();
        synchronized (this) {
            List<String> list = stored();
            list.remove(p.toString());
            list.add(0, p.toString());
            while (list.size() > MAX) list.remove(list.size() - 1);
            for (int i = 0; i < MAX; i++) {
                if (i < list.size()) node.put(Integer.toString(i), list.get(i));
                else node.remove(Integer.toString(i));
            }
            try {
                node.flush();
            } catch (BackingStoreException e) {
                // kept in memory; the platform writes its preferences again on exit
            }
        }
        for (Runnable r : listeners) r.run();
    }

    /** The remembered products that still exist, most recent first. */
    public synchronized List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : stored()) {
            try {
                Path p = Path.of(s);
                if (Files.exists(p)) out.add(p);
            } catch (InvalidPathException e) {
                // an entry written on another system: skip it
            }
        }
        return out;
    }

    /** Runs {@code r} after each change of the list. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    public void removeListener(Runnable r) {
        listeners.remove(r);
    }

    private List<String> stored() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = node.get(Integer.toString(i), null);
            if (s != null && !s.isBlank() && !list.contains(s)) list.add(s);
        }
        return list;
    }
}
