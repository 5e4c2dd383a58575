package eu.ai4c.agri.unet;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The prediction windows of one map, each computed once: a window's result is kept from its
 * first computation until every one of its pixels has been blended into some region, so that the
 * regions sharing a window (the overlaps of the sliding windows, and the windows astride region
 * edges) do not run the network again. A region re-read later gets its windows computed anew.
 *
 * <p>Memory stays bounded whatever the scene size: a map read region by region in raster order
 * holds about one row of windows (the ones astride the edge between two rows of regions); beyond
 * {@code capacity} windows the oldest finished ones are dropped (and computed again if asked
 * for), so an unusual reading order costs time, never memory.</p>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe. A window is claimed by the first thread that asks for it; the others wait on its
 * future. A claimant computes all its claimed windows before waiting on anybody else's, so no
 * two threads wait on each other.
 *
 * @param <R> a window's result
 */
final class WindowResults<R> {

    /** A window of the lattice: its result, and how many of its pixels are still to be blended. */
    static final class Entry<R> {
        final CompletableFuture<R> result = new CompletableFuture<>();
        long pending;

        Entry(long pixels) {
            pending = pixels;
        }
    }

    /** What {@link #claim} gives: the window's entry, and whether the caller must compute it. */
    record Claim<R>(Entry<R> entry, boolean owned) {
    }

    private final int capacity;
    private final LinkedHashMap<Integer, Entry<R>> windows = new LinkedHashMap<>();
    private long computed;

    /** @param capacity windows kept at most (at least 1) */
    WindowResults(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * The entry of window {@code index}, created and owned by the caller when no other thread has
     * it; the owner must then {@link #complete} or {@link #fail} it.
     *
     * @param pixels the window's pixels inside the image (what must be blended before it is dropped)
     */
    synchronized Claim<R> claim(int index, long pixels) {
        Entry<R> e = windows.get(index);
        if (e != null) return new Claim<>(e, false);
        e = new Entry<>(pixels);
        windows.put(index, e);
        computed++;
        if (windows.size() > capacity) dropOldestFinished();
        return new Claim<>(e, true);
    }

    void complete(Entry<R> entry, R result) {
        entry.result.complete(result);
    }

    /** Records a failed computation: waiting threads get the failure, and the window is forgotten. */
    synchronized void fail(int index, Entry<R> entry, Throwable cause) {
        entry.result.completeExceptionally(cause);
        windows.remove(index, entry);
    }

    /** Counts {@code pixels} of the window as blended; the window is dropped once all are. */
    synchronized void blended(int index, Entry<R> entry, long pixels) {
        entry.pending -= pixels;
        if (entry.pending <= 0) windows.remove(index, entry);
    }

    /** Windows computed since this object was made (claims that had to compute), for tests and logs. */
    synchronized long computed() {
        return computed;
    }

    /** Windows held now. */
    synchronized int held() {
        return windows.size();
    }

    private void dropOldestFinished() {
        Iterator<Map.Entry<Integer, Entry<R>>> it = windows.entrySet().iterator();
        while (windows.size() > capacity && it.hasNext()) {
            if (it.next().getValue().result.isDone()) it.remove();
        }
    }
}
