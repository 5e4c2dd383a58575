package eu.ai4c.agri.cropmap;

import eu.ai4c.agri.model.SequenceClassifier;
import eu.ai4c.kit.Ai4cException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Instances of one model for concurrent use: {@link SequenceClassifier}s need not be thread-safe,
 * so each batch borrows an instance no other thread is using. Further instances are opened on
 * demand (up to {@code max}, one per worker thread) with the opener, e.g. {@code ModelFiles.open(path)}.
 * Thread-safe; {@link #close()} closes every instance.
 */
final class ClassifierPool implements AutoCloseable {
    private final Supplier<SequenceClassifier> opener;
    private final int max;
    private final ArrayDeque<SequenceClassifier> idle = new ArrayDeque<>();
    private final List<SequenceClassifier> all = new ArrayList<>();
    private final int timesteps;
    private final int bands;
    private final int classes;
    private boolean closed;

    /**
     * @param first  an opened instance (its shape is the pool's)
     * @param opener opens another instance of the same model
     * @param max    most instances open at once (≥ 1)
     */
    ClassifierPool(SequenceClassifier first, Supplier<SequenceClassifier> opener, int max) {
        this.opener = opener;
        this.max = Math.max(1, max);
        this.timesteps = first.timesteps();
        this.bands = first.bands();
        this.classes = first.classes();
        idle.add(first);
        all.add(first);
    }

    int timesteps() {
        return timesteps;
    }

    int bands() {
        return bands;
    }

    int classes() {
        return classes;
    }

    /** Most probable class of {@code n} series of {@code x} (from offset 0) into {@code labels}. */
    void classify(float[] x, int n, int[] labels) {
        SequenceClassifier c = borrow();
        try {
            c.classify(x, 0, n, labels);
        } finally {
            giveBack(c);
        }
    }

    private SequenceClassifier borrow() {
        boolean open;
        synchronized (this) {
            while (true) {
                if (closed) throw new IllegalStateException("classifier pool closed");
                if (!idle.isEmpty()) return idle.pop();
                if (all.size() < max) {
                    all.add(null); // reserve the slot; the model opens outside the lock
                    open = true;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Ai4cException("Interrupted while waiting for the classifier", e);
                }
            }
        }
        SequenceClassifier c;
        try {
            c = opener.get();
        } catch (RuntimeException e) {
            synchronized (this) {
                all.remove(null);
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            all.set(all.indexOf(null), c);
        }
        return c;
    }

    private synchronized void giveBack(SequenceClassifier c) {
        idle.push(c);
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (SequenceClassifier c : all) {
            if (c != null) c.close();
        }
        all.clear();
        idle.clear();
    }
}
