package eu.ai4c.agri.torch;

import eu.ai4c.agri.torch.TorchRuntime;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine the way AI4C needs it: offline (the natives come from the
 * {@code pytorch-native-cpu} jar on the class path, extracted once into {@code ~/.djl.ai} or
 * {@code DJL_CACHE_DIR}), CPU only, and with the same numerical kernels on every x86-64 CPU, so
 * that a model trained or applied here gives the same numbers on a laptop with AVX2 and on a
 * cloud server with AVX-512.
 *
 * <p>PyTorch picks its kernels by instruction set at run time. That is not only a matter of
 * rounding: with PyTorch 2.7.1, oneDNN's AVX-512 LSTM kernels give class probabilities that are
 * off by up to 0.08 for LSTM layers of 16 or 48 units, while its AVX2 kernels agree with a
 * float64 reference of the same network to 1e-7 (measured by {@code CpuIndependenceTest}). So
 * before the natives load, the process environment (what the native libraries read) gets the
 * settings of {@link Pin}: every library's AVX2 code path (oneDNN's SSE4.1 one, see {@link
 * Pin#ONEDNN_ISA}), and no reduced-precision math. A value
 * the user set beforehand is kept and logged. The settings apply wherever AI4C runs a model: the
 * command line, the desktop, SNAP and the tests, since they all start the engine here.</p>
 *
 * <p>Thread-safe.</p>
 */
public final class TorchRuntime {
    public static final String ENGINE = "PyTorch";
    private static final Logger LOG = LoggerFactory.getLogger(TorchRuntime.class);
    private static Engine engine;
    private static final Map<String, String> USER_SET = new LinkedHashMap<>();
    private static final String OMP_WAIT_POLICY = "OMP_WAIT_POLICY";

    /** The environment settings that make PyTorch's CPU results independent of the CPU. */
    public enum Pin {
        /**
         * oneDNN (LSTM, convolutions): its SSE4.1 kernels. The AVX-512 LSTM kernels are wrong for
         * some layer sizes (see above); and the convolution backward pass of both the AVX2 and the
         * AVX-512 kernels is not repeatable: the same training step on the same inputs gives, from
         * run to run, slightly different gradients and now and then a NaN (SRGAN critic, 3 × 3
         * convolutions: 3 to 10 of 30 one-epoch trainings differed, measured by repeating one in
         * a JVM), while the SSE4.1 kernels gave 60 identical trainings out of 60, at the same
         * training speed on the test networks. Every x86-64 CPU of the last fifteen years has SSE4.1.
         */
        ONEDNN_ISA("ONEDNN_MAX_CPU_ISA", "SSE41"),
        /** oneDNN: fp32 primitives compute in fp32, never through bf16/tf32 (the CPU may offer AVX512_BF16 or AMX). */
        ONEDNN_FPMATH("ONEDNN_DEFAULT_FPMATH_MODE", "STRICT"),
        /** ATen's vectorised element-wise kernels and reductions (sigmoid, tanh, softmax) are compiled once per instruction set. */
        ATEN("ATEN_CPU_CAPABILITY", "avx2"),
        /** Intel MKL (matrix products): one code path and summation order on every CPU (conditional numerical reproducibility). */
        MKL("MKL_CBWR", "AVX2,STRICT");

        private final String variable;
        private final String value;

        Pin(String variable, String value) {
            this.variable = variable;
            this.value = value;
        }

        public String variable() {
            return variable;
        }

        public String value() {
            return value;
        }
    }

    private TorchRuntime() {
    }

    /** The PyTorch engine, loaded without any download and with the {@link Pin} settings in force. */
    public static synchronized Engine init() {
        if (engine != null) return engine;
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        if (isX86()) pinKernels();
        // OpenMP threads that spin while waiting made U-Net training 5-10 times slower on a 2-core
        // machine shared with other work (measured: 30-60 s instead of 4-7 s per demo epoch);
        // sleeping waits cost little when the machine is idle. A value the user set is kept.
        if (ProcessEnvironment.get(OMP_WAIT_POLICY) == null) ProcessEnvironment.set(OMP_WAIT_POLICY, "PASSIVE");
        engine = Engine.getEngine(ENGINE);
        String capability = atenCapability();
        if (isX86() && !USER_SET.containsKey(Pin.ATEN.variable) && capability != null
                && !capability.equalsIgnoreCase(Pin.ATEN.value)) {
            LOG.warn("PyTorch was started in this process before AI4C could choose its CPU kernels (it uses {}, not {}):"
                    + " model results may differ slightly from other machines", capability, Pin.ATEN.value);
        }
        LOG.debug("{}", describe());
        LOG.info("PyTorch {} on CPU with {} kernels", engine.getVersion(), capability == null ? "pinned" : capability);
        return engine;
    }

    private static void pinKernels() {
        for (Pin pin : Pin.values()) {
            String current = ProcessEnvironment.get(pin.variable);
            if (current != null && !current.equals(pin.value)) {
                USER_SET.put(pin.variable, current);
                LOG.warn("{}={} is set in the environment and kept; AI4C would use {} so that model results do not"
                        + " depend on the CPU", pin.variable, current, pin.value);
            } else if (current == null) {
                ProcessEnvironment.set(pin.variable, pin.value);
            }
        }
    }

    private static boolean isX86() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /** The pinned variables as the native libraries see them now ({@code name → value or null}). */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Pin pin : Pin.values()) env.put(pin.variable, ProcessEnvironment.get(pin.variable));
        return env;
    }

    /**
     * The instruction set ATen dispatches its kernels to ({@code AVX2}, {@code AVX512}, …), asked
     * from the loaded library ({@code at::get_cpu_capability()}); null before {@link #init} or
     * where that cannot be asked (only Linux x86-64 is supported).
     */
    public static synchronized String atenCapability() {
        return engine == null ? null : NativeTorch.cpuCapability();
    }

    /**
     * One line for logs and test failure messages: the machine's vector instruction sets, the
     * library versions and the settings in force, e.g. {@code x86_64 CPU [avx2, avx512f]; PyTorch
     * 2.7.1 (DJL 0.36.0), ATen AVX2; ONEDNN_MAX_CPU_ISA=AVX2 …}.
     */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(System.getProperty("os.arch")).append(" CPU ").append(cpuVectorFlags());
        synchronized (TorchRuntime.class) {
            if (engine != null) {
                sb.append("; PyTorch ").append(engine.getVersion()).append(" (DJL ").append(Engine.getDjlVersion())
                        .append("), ATen ").append(atenCapability());
            } else {
                sb.append("; PyTorch not started");
            }
        }
        environment().forEach((k, v) -> sb.append("; ").append(k).append('=').append(v)
                .append(USER_SET.containsKey(k) ? " (user)" : ""));
        return sb.toString();
    }

    /** The CPU's AVX/AMX feature flags (Linux: from {@code /proc/cpuinfo}; elsewhere "unknown"). */
    public static Set<String> cpuVectorFlags() {
        Set<String> flags = new TreeSet<>();
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) return Set.of("unknown");
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            lines.filter(l -> l.startsWith("flags")).findFirst().ifPresent(l -> {
                for (String f : l.substring(l.indexOf(':') + 1).trim().split("\\s+")) {
                    if (f.equals("avx2") || f.equals("fma") || f.startsWith("avx512") || f.startsWith("amx")) flags.add(f);
                }
            });
        } catch (IOException e) {
            return Set.of("unknown");
        }
        return flags;
    }
}
