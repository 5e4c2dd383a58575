package eu.ai4c.kit.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Digests of whole files, streaming in 1 MiB reads, several files at a time: the integrity checks
 * of the product readers (a SAFE manifest's MD5 or SHA3-256, a zip's CRC-32) share it.
 */
public final class FileDigests {
    private static final int BUFFER = 1 << 20;

    private FileDigests() {
    }

    /** The digest ({@code MD5}, {@code SHA3-256}, … as Java names them) of a stream read to its end, lower-case hex. */
    public static String hex(String algorithm, InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(algorithm + " is not a digest this Java platform has", e);
        }
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Runs {@code tasks} (each typically hashing one file) on up to {@code threads} daemon threads
     * named {@code name} and returns their results in order. The first failure is rethrown as it
     * was thrown (an {@link IOException} or a {@link RuntimeException}); the other tasks are then
     * cancelled.
     */
    public static <T> List<T> inParallel(String name, List<Callable<T>> tasks, int threads) throws IOException {
        if (tasks.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) futures.add(pool.submit(task));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while " + name + " was running", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
