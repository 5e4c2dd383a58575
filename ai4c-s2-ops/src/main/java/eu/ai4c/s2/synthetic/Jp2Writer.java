package eu.ai4c.s2.synthetic;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.s2.jp2.Executables;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes lossless JPEG 2000 images for synthetic products: with {@code opj_compress} (OpenJPEG)
 * when it is on the PATH — via a temporary PGM/PPM, deleted afterwards, with 1024² tiles as ESA's
 * products have — otherwise with the pure-Java writer of {@code jai-imageio-jpeg2000}. Stateless.
 */
public final class Jp2Writer {

    private Jp2Writer() {
    }

    /** Whether {@code opj_compress} is used: on the PATH and not disabled by {@code -Dai4c.jp2.encoder=java}. */
    public static boolean hasOpjCompress() {
        return opj().isPresent();
    }

    private static Optional<Path> opj() {
        if ("java".equalsIgnoreCase(System.getProperty("ai4c.jp2.encoder", ""))) return Optional.empty();
        return Executables.find("opj_compress");
    }

    /** Writes one 16-bit component ({@code width × height}, row-major, unsigned in {@code short}). */
    public static void writeUInt16(Path target, short[] samples, int width, int height) throws IOException {
        Optional<Path> opj = opj();
        if (opj.isPresent()) {
            Path pgm = Files.createTempFile("ai4c-syn-", ".pgm");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(pgm), 1 << 16)) {
                    os.write(("P5\n" + width + " " + height + "\n65535\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] row = new byte[2 * width];
                    for (int r = 0; r < height; r++) {
                        for (int c = 0; c < width; c++) {
                            short v = samples[r * width + c];
                            row[2 * c] = (byte) (v >> 8);
                            row[2 * c + 1] = (byte) v;
                        }
                        os.write(row);
                    }
                }
                compress(opj.get(), pgm, target, width, height);
            } finally {
                Files.deleteIfExists(pgm);
            }
            return;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(samples, 0, data, 0, width * height);
        writeJava(target, img);
    }

    /** Writes {@code components} 8-bit components, each {@code width × height} row-major. */
    public static void writeBytes(Path target, byte[][] components, int width, int height) throws IOException {
        int nc = components.length;
        if (nc != 1 && nc != 3) throw new IllegalArgumentException("1 or 3 components, got " + nc);
        Optional<Path> opj = opj();
        if (opj.isPresent()) {
            Path pnm = Files.createTempFile("ai4c-syn-", nc == 1 ? ".pgm" : ".ppm");
            try {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(pnm), 1 << 16)) {
                    os.write(((nc == 1 ? "P5\n" : "P6\n") + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] row = new byte[nc * width];
                    for (int r = 0; r < height; r++) {
                        for (int c = 0; c < width; c++) {
                            for (int k = 0; k < nc; k++) row[nc * c + k] = components[k][r * width + c];
                        }
                        os.write(row);
                    }
                }
                compress(opj.get(), pnm, target, width, height);
            } finally {
                Files.deleteIfExists(pnm);
            }
            return;
        }
        BufferedImage img;
        if (nc == 1) {
            img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(components[0], 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, width * height);
        } else {
            PixelInterleavedSampleModel sm = new PixelInterleavedSampleModel(java.awt.image.DataBuffer.TYPE_BYTE, width,
                    height, 3, 3 * width, new int[] {0, 1, 2});
            WritableRaster wr = java.awt.image.Raster.createWritableRaster(sm, null);
            for (int k = 0; k < 3; k++) {
                int[] s = new int[width * height];
                for (int i = 0; i < s.length; i++) s[i] = components[k][i] & 0xFF;
                wr.setSamples(0, 0, width, height, k, s);
            }
            java.awt.image.ColorModel cm = new java.awt.image.ComponentColorModel(
                    java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                    java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
            img = new BufferedImage(cm, wr, false, null);
        }
        writeJava(target, img);
    }

    private static void compress(Path opj, Path in, Path target, int width, int height) throws IOException {
        // resolution levels: at most log2 of the smallest tile side + 1 (OpenJPEG's limit), 6 as ESA
        int tile = Math.min(1024, Math.min(width, height));
        int levels = Math.max(1, Math.min(6, 31 - Integer.numberOfLeadingZeros(tile)));
        Path log = Files.createTempFile("ai4c-opjc-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(opj.toString(), "-i", in.toString(), "-o", target.toString(),
                    "-t", "1024,1024", "-n", String.valueOf(levels), "-threads",
                    String.valueOf(Runtime.getRuntime().availableProcessors()));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            boolean done = p.waitFor(30, TimeUnit.MINUTES);
            if (!done || p.exitValue() != 0 || !Files.isRegularFile(target) || Files.size(target) == 0) {
                if (!done) p.destroyForcibly();
                throw new Ai4cException("opj_compress failed to write " + target + ": " + Files.readString(log).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while writing " + target, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void writeJava(Path target, BufferedImage img) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg2000");
        if (!it.hasNext()) throw new Ai4cException("No JPEG 2000 writer: install opj_compress (libopenjp2-tools).");
        ImageWriter w = it.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (p instanceof com.github.jaiimageio.jpeg2000.J2KImageWriteParam j2k) {
                j2k.setLossless(true);
            } else {
                throw new Ai4cException("The Java JPEG 2000 writer found (" + w.getClass().getName()
                        + ") cannot be set to lossless; install opj_compress (libopenjp2-tools).");
            }
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }
}
