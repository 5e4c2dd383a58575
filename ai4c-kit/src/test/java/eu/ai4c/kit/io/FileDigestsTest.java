package eu.ai4c.kit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Digests against the standards' test vectors; parallel runs keep the order and rethrow the first failure. */
class FileDigestsTest {

    /** "abc": FIPS 202 (SHA3-256) and RFC 1321 (MD5) test vectors; a stream longer than one 1 MiB read. */
    @Test
    void standardTestVectors() throws IOException {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
                FileDigests.hex("SHA3-256", new ByteArrayInputStream(abc)));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", FileDigests.hex("MD5", new ByteArrayInputStream(abc)));
        // RFC 1321: MD5 of the empty string
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", FileDigests.hex("MD5", new ByteArrayInputStream(new byte[0])));
        // FIPS 202 example: SHA3-256 of 200 bytes of 0xA3, here repeated across read boundaries
        byte[] big = new byte[(1 << 20) * 3 + 17];
        java.util.Arrays.fill(big, (byte) 0xA3);
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA3-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertEquals(java.util.HexFormat.of().formatHex(md.digest(big)),
                FileDigests.hex("SHA3-256", new ByteArrayInputStream(big)));
    }

    @Test
    void inParallelKeepsTheOrderAndRethrowsTheFirstFailure() throws IOException {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            tasks.add(() -> {
                Thread.sleep((20 - k) % 7);
                return k * k;
            });
        }
        List<Integer> got = FileDigests.inParallel("test-digest", tasks, 3);
        for (int i = 0; i < 20; i++) assertEquals(i * i, got.get(i));

        IOException io = new IOException("file 3 cannot be read");
        tasks.set(3, () -> {
            throw io;
        });
        assertSame(io, assertThrows(IOException.class, () -> FileDigests.inParallel("test-digest", tasks, 3)));
        IllegalStateException state = new IllegalStateException("damaged");
        tasks.set(3, () -> {
            throw state;
        });
        assertSame(state, assertThrows(IllegalStateException.class, () -> FileDigests.inParallel("test-digest", tasks, 3)));
        assertEquals(List.of(), FileDigests.inParallel("test-digest", List.<Callable<Integer>>of(), 3));
    }
}
