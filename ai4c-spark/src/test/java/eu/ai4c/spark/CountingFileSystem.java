package eu.ai4c.spark;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A Hadoop file system of the scheme {@code ai4ctest} for tests of outputs at Hadoop URIs without
 * an HDFS: {@code ai4ctest:///x/y} is the local file {@code <root>/x/y}, {@code root} being the
 * setting {@code fs.ai4ctest.root}. It counts the files it creates, renames and opens, so a test
 * proves the data went through Hadoop's API and not around it. Configure with
 * {@code spark.hadoop.fs.ai4ctest.impl=eu.ai4c.spark.CountingFileSystem},
 * {@code spark.hadoop.fs.ai4ctest.root=…} and {@code spark.hadoop.fs.ai4ctest.impl.disable.cache=true}.
 */
public class CountingFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "ai4ctest";
    private static final URI URI_ROOT = URI.create(SCHEME + ":///");
    static final AtomicInteger CREATES = new AtomicInteger(), RENAMES = new AtomicInteger(), OPENS = new AtomicInteger();
    private File root = new File("/nonexistent-ai4ctest-root");

    static void reset() {
        CREATES.set(0);
        RENAMES.set(0);
        OPENS.set(0);
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        String r = conf.get("fs." + SCHEME + ".root");
        if (r == null) throw new IOException("fs." + SCHEME + ".root is not set");
        root = new File(r);
    }

    @Override
    public URI getUri() {
        return URI_ROOT;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public File pathToFile(Path path) {
        checkPath(path);
        if (!path.isAbsolute()) path = new Path(getWorkingDirectory(), path);
        return new File(root, path.toUri().getPath());
    }

    // the overloads of create that RawLocalFileSystem implements; a call that goes through both counts once
    private final ThreadLocal<Boolean> creating = ThreadLocal.withInitial(() -> false);

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        return counted(() -> super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress));
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        return counted(() -> super.create(f, overwrite, bufferSize, replication, blockSize, progress));
    }

    private interface Create {
        FSDataOutputStream call() throws IOException;
    }

    private FSDataOutputStream counted(Create c) throws IOException {
        if (creating.get()) return c.call();
        creating.set(true);
        try {
            CREATES.incrementAndGet();
            return c.call();
        } finally {
            creating.set(false);
        }
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        OPENS.incrementAndGet();
        return super.open(f, bufferSize);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        RENAMES.incrementAndGet();
        return super.rename(src, dst);
    }

    /** Statuses name the {@code ai4ctest} path, not the local file behind it. */
    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return renamed(super.getFileStatus(f), makeQualified(f));
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] local = super.listStatus(f);
        boolean folder = pathToFile(f).isDirectory();
        Path q = makeQualified(f);
        FileStatus[] out = new FileStatus[local.length];
        for (int i = 0; i < local.length; i++) out[i] = renamed(local[i], folder ? new Path(q, local[i].getPath().getName()) : q);
        return out;
    }

    private static FileStatus renamed(FileStatus s, Path p) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), p);
    }
}
