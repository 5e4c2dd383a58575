package eu.ai4c.aq.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The generated ensemble spilled to a temporary file while the period is generated, one record
 * per time step: the members, then their mean and standard deviation, as float32 in the
 * platform's byte order (the file never leaves this process). The output writers then read it
 * back a step (or a cell) at a time, so memory does not grow with the period. The file lies in the
 * output folder under a hidden name and is deleted on {@link #close} (and by the OS if the
 * process dies: {@code DELETE_ON_CLOSE}). Not thread-safe.
 */
public final class EnsembleSpill implements EnsembleSteps, AutoCloseable {
    private final FileChannel channel;
    private final int members;
    private final int cells;
    private final long recordBytes;
    private int steps;

    /** A spill for {@code members × cells} per step, in {@code folder}. */
    public EnsembleSpill(Path folder, int members, int cells) throws IOException {
        Path file = Files.createTempFile(folder, ".aqgan-ensemble-", ".spill");
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        this.members = members;
        this.cells = cells;
        this.recordBytes = 4L * (members + 2) * cells;
    }

    /** Appends the next time step ({@code [member][cell]}); mean and spread are computed here. */
    public void append(float[][] ensemble) throws IOException {
        if (ensemble.length != members) throw new IllegalArgumentException(ensemble.length + " members, not " + members);
        float[] mean = EnsembleOutputs.mean(ensemble);
        float[] std = EnsembleOutputs.std(ensemble, mean);
        ByteBuffer b = ByteBuffer.allocate(4 * cells).order(ByteOrder.nativeOrder());
        long at = steps * recordBytes;
        for (int k = 0; k < members + 2; k++) {
            float[] v = k < members ? ensemble[k] : k == members ? mean : std;
            b.clear();
            b.asFloatBuffer().put(v);
            b.limit(4 * cells);
            while (b.hasRemaining()) at += channel.write(b, at);
        }
        steps++;
    }

    private float[] field(int t, int k) throws IOException {
        if (t < 0 || t >= steps) throw new IndexOutOfBoundsException("step " + t + " of " + steps);
        ByteBuffer b = ByteBuffer.allocate(4 * cells).order(ByteOrder.nativeOrder());
        read(b, t * recordBytes + 4L * k * cells);
        float[] v = new float[cells];
        b.flip();
        b.asFloatBuffer().get(v);
        return v;
    }

    private void read(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = channel.read(b, at);
            if (n < 0) throw new IOException("the ensemble spill file ends early (disk full or removed?)");
            at += n;
        }
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int members() {
        return members;
    }

    @Override
    public int cells() {
        return cells;
    }

    @Override
    public float[][] members(int t) throws IOException {
        float[][] e = new float[members][];
        for (int k = 0; k < members; k++) e[k] = field(t, k);
        return e;
    }

    @Override
    public float[] mean(int t) throws IOException {
        return field(t, members);
    }

    @Override
    public float[] std(int t) throws IOException {
        return field(t, members + 1);
    }

    @Override
    public float[] cell(int t, int cell) throws IOException {
        if (t < 0 || t >= steps) throw new IndexOutOfBoundsException("step " + t + " of " + steps);
        float[] v = new float[members];
        ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        for (int k = 0; k < members; k++) {
            b.clear();
            read(b, t * recordBytes + 4L * ((long) k * cells + cell));
            v[k] = b.getFloat(0);
        }
        return v;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
