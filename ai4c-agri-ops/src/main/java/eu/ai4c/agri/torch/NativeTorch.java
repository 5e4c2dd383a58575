package eu.ai4c.agri.torch;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Questions to the loaded {@code libtorch_cpu} that DJL does not forward, asked through JNA:
 * today only {@code at::get_cpu_capability()}. Linux x86-64 only (the library is found in
 * {@code /proc/self/maps}; the C++ ABI is the Itanium one of GCC's libstdc++); elsewhere, or on
 * any surprise, the answers are null.
 */
final class NativeTorch {
    private static final String GET_CPU_CAPABILITY = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

    private NativeTorch() {
    }

    /** ATen's dispatch instruction set, e.g. {@code AVX2}; null when it cannot be asked. */
    static String cpuCapability() {
        try {
            Path library = loadedLibrary("libtorch_cpu.so");
            if (library == null) return null;
            Function f = NativeLibrary.getInstance(library.toString()).getFunction(GET_CPU_CAPABILITY);
            // std::string returned by value: the caller passes the 32-byte object's address
            // (pointer, length, then 16 bytes of inline buffer or the capacity)
            Memory string = new Memory(32);
            string.clear();
            f.invoke(Pointer.class, new Object[] {string});
            Pointer chars = string.getPointer(0);
            long length = string.getLong(8);
            if (chars == null || length <= 0 || length > 64) return null;
            String value = new String(chars.getByteArray(0, (int) length), StandardCharsets.US_ASCII);
            // a short value (every capability name) lives in the object's inline buffer: nothing to free
            return value;
        } catch (RuntimeException | UnsatisfiedLinkError | IOException e) {
            return null;
        }
    }

    /** The path of a shared library mapped into this process, from {@code /proc/self/maps}. */
    private static Path loadedLibrary(String fileName) throws IOException {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) return null;
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(l -> l.indexOf('/') < 0 ? null : l.substring(l.indexOf('/')).trim())
                    .filter(p -> p != null && p.endsWith("/" + fileName)).findFirst().map(Path::of).orElse(null);
        }
    }
}
