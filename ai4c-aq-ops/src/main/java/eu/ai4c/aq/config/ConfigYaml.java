package eu.ai4c.aq.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the YAML configuration of {@link AqConfig}. Every key is optional (table 15's
 * default applies); an unknown key, a value of the wrong type or out of range is an error that
 * names the file, the line and the key, and says what is expected. Stateless.
 */
public final class ConfigYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern FRAME = Pattern.compile("\\s*(\\d+)\\s*[xX×]\\s*(\\d+)\\s*");

    /** The keys and what each must be (also the order of {@link #write}). */
    static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("model", "srgan");
        KEYS.put("input_frame", "a frame size such as 8 x 8 or [8, 8]");
        KEYS.put("output_frame", "a frame size such as 64 x 64 or [64, 64]");
        KEYS.put("aoi", "a mapping with lat_min, lat_max, lon_min, lon_max in degrees");
        KEYS.put("output_path", "a folder");
        KEYS.put("generator_filters", "an integer ≥ 4");
        KEYS.put("discriminator_filters", "an integer ≥ 2");
        KEYS.put("residual_blocks", "an integer ≥ 0");
        KEYS.put("noise_channels", "an integer ≥ 1");
        KEYS.put("learning_rate", "a number > 0 and < 1");
        KEYS.put("batch_size", "an integer ≥ 2");
        KEYS.put("adversarial_loss", "wasserstein");
        KEYS.put("gradient_penalty_weight", "a number ≥ 0");
        KEYS.put("content_loss", "l1, l2 or crps");
        KEYS.put("content_weight", "a number ≥ 0");
        KEYS.put("adversarial_weight", "a number ≥ 0");
        KEYS.put("critic_steps", "an integer ≥ 1");
        KEYS.put("epochs", "an integer ≥ 1");
        KEYS.put("lr_inputs", "a list of variable names");
        KEYS.put("hr_static_inputs", "a list of variable names");
        KEYS.put("hr_outputs", "a list of one variable name");
        KEYS.put("data", "a mapping with lr_path, hr_path, static_path, samples");
        KEYS.put("validation_fraction", "a number ≥ 0 and < 1");
        KEYS.put("ensemble_size", "an integer ≥ 1");
        KEYS.put("seed", "an integer");
    }

    private static final List<String> AOI_KEYS = List.of("lat_min", "lat_max", "lon_min", "lon_max");
    private static final List<String> DATA_KEYS = List.of("lr_path", "hr_path", "static_path", "samples");

    private ConfigYaml() {
    }

    /** A value with the line it is on. */
    private record Entry(Object value, int line) {
    }

    /**
     * Reads a configuration file.
     *
     * @throws Ai4cException (usage error) naming file, line and key on any bad entry
     */
    public static AqConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw Ai4cException.usage("Configuration file " + file + " does not exist. Give --config config.yaml"
                    + " (an example is printed by 'ai4c aqgan-preproc --help' and shipped in the README).");
        }
        return parse(Files.readString(file), file.toString());
    }

    /** Parses configuration text; {@code source} names it in messages. */
    public static AqConfig parse(String text, String source) {
        Map<String, Entry> root;
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return AqConfig.defaults();
            if (t != JsonToken.START_OBJECT) {
                throw Ai4cException.usage(source + " line " + p.currentTokenLocation().getLineNr()
                        + ": the configuration must be a mapping of keys (key: value), not " + describe(t) + ".");
            }
            root = readMapping(p, source);
        } catch (JsonProcessingException e) {
            throw Ai4cException.usage(source + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr())
                    + ": not valid YAML ("
                    + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw Ai4cException.usage(source + ": cannot be read (" + e.getMessage() + ").");
        }
        AqConfig d = AqConfig.defaults();
        for (Map.Entry<String, Entry> e : root.entrySet()) {
            if (!KEYS.containsKey(e.getKey())) {
                throw Ai4cException.usage(source + " line " + e.getValue().line() + ": unknown key \"" + e.getKey()
                        + "\". Known keys: " + String.join(", ", KEYS.keySet()) + ".");
            }
        }
        Reader r = new Reader(root, source);
        AqConfig.BoundingBox aoi = d.aoi();
        if (root.containsKey("aoi")) {
            Map<String, Entry> m = r.mapping("aoi", AOI_KEYS);
            Reader a = new Reader(m, source, "aoi.");
            aoi = new AqConfig.BoundingBox(a.number("lat_min", aoi.latMin(), -90, 90, true),
                    a.number("lat_max", aoi.latMax(), -90, 90, true), a.number("lon_min", aoi.lonMin(), -180, 360, true),
                    a.number("lon_max", aoi.lonMax(), -180, 360, true));
        }
        AqConfig.DataPaths data = d.data();
        if (root.containsKey("data")) {
            Reader a = new Reader(r.mapping("data", DATA_KEYS), source, "data.");
            data = new AqConfig.DataPaths(a.text("lr_path", data.lrPath()), a.text("hr_path", data.hrPath()),
                    a.text("static_path", data.staticPath()), a.text("samples", data.samples()));
        }
        AqConfig c = new AqConfig(r.choice("model", d.model(), "srgan"), r.frame("input_frame", d.lrFrame()),
                r.frame("output_frame", d.hrFrame()), aoi, r.text("output_path", d.outputPath()),
                r.integer("generator_filters", d.generatorFilters(), 4), r.integer("discriminator_filters",
                d.discriminatorFilters(), 2), r.integer("residual_blocks", d.residualBlocks(), 0),
                r.integer("noise_channels", d.noiseChannels(), 1),
                r.number("learning_rate", d.learningRate(), 0, 1, false), r.integer("batch_size", d.batchSize(), 2),
                r.choice("adversarial_loss", d.adversarialLoss(), "wasserstein"),
                r.number("gradient_penalty_weight", d.gradientPenaltyWeight(), 0, Double.MAX_VALUE, true),
                r.choice("content_loss", d.contentLoss(), "l1", "l2", "crps"),
                r.number("content_weight", d.contentWeight(), 0, Double.MAX_VALUE, true),
                r.number("adversarial_weight", d.adversarialWeight(), 0, Double.MAX_VALUE, true),
                r.integer("critic_steps", d.criticSteps(), 1), r.integer("epochs", d.epochs(), 1),
                r.names("lr_inputs", d.lrInputs()), r.names("hr_static_inputs", d.hrStaticInputs()),
                r.names("hr_outputs", d.hrOutputs()), data,
                r.number("validation_fraction", d.validationFraction(), 0, 1, true),
                r.integer("ensemble_size", d.ensembleSize(), 1), r.integer("seed", (int) d.seed(), Integer.MIN_VALUE));
        if (c.hrOutputs().size() != 1) {
            throw Ai4cException.usage(source + " line " + root.get("hr_outputs").line() + ": hr_outputs must name one"
                    + " variable (pm2p5 today), not " + c.hrOutputs() + ".");
        }
        if (c.validationFraction() >= 1) {
            throw Ai4cException.usage(source + " line " + root.get("validation_fraction").line()
                    + ": validation_fraction must be below 1 (some time steps must remain for training).");
        }
        return c.validate(source);
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true/false";
            case VALUE_NULL -> "nothing";
            default -> t.toString();
        };
    }

    private static Map<String, Entry> readMapping(JsonParser p, String source) throws IOException {
        Map<String, Entry> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            if (m.containsKey(key)) {
                throw Ai4cException.usage(source + " line " + line + ": key \"" + key + "\" is given twice (first on line "
                        + m.get(key).line() + ").");
            }
            m.put(key, new Entry(readValue(p, p.nextToken(), source), line));
        }
        return m;
    }

    private static Object readValue(JsonParser p, JsonToken t, String source) throws IOException {
        return switch (t) {
            case START_OBJECT -> readMapping(p, source);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(readValue(p, e, source));
                }
                yield list;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> p.getText();
        };
    }

    /** Typed access to one mapping with errors naming file, line and key. */
    private static final class Reader {
        private final Map<String, Entry> m;
        private final String source;
        private final String prefix;

        Reader(Map<String, Entry> m, String source) {
            this(m, source, "");
        }

        Reader(Map<String, Entry> m, String source, String prefix) {
            this.m = m;
            this.source = source;
            this.prefix = prefix;
        }

        private Ai4cException bad(String key, String expected) {
            Entry e = m.get(key);
            Object v = e.value();
            String got = v == null ? "nothing" : v instanceof Map ? "a mapping" : v instanceof List ? "a list : " + v
                    : "\"" + v + "\"";
            return Ai4cException.usage(source + " line " + e.line() + ": \"" + prefix + key + "\" must be " + expected
                    + ", not " + got + ".");
        }

        String text(String key, String fallback) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            if (!(e.value() instanceof String s) || s.isBlank()) throw bad(key, "text (a path or name)");
            return s;
        }

        String choice(String key, String fallback, String... allowed) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            String s = e.value() instanceof String x ? x.toLowerCase(Locale.ROOT) : null;
            if (s == null || !List.of(allowed).contains(s)) throw bad(key, "one of " + String.join(", ", allowed));
            return s;
        }

        int integer(String key, int fallback, int min) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            if (!(e.value() instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                    || n.doubleValue() < min || n.doubleValue() > Integer.MAX_VALUE) {
                throw bad(key, KEYS.getOrDefault(key, "an integer ≥ " + min));
            }
            return n.intValue();
        }

        double number(String key, double fallback, double min, double max, boolean minInclusive) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            double v;
            if (e.value() instanceof Number n) {
                v = n.doubleValue();
            } else if (e.value() instanceof String s) {
                // YAML 1.1 reads "1e-5" (no dot) as text; accept it as the number it means
                try {
                    v = Double.parseDouble(s.trim());
                } catch (NumberFormatException x) {
                    throw bad(key, KEYS.getOrDefault(key, "a number"));
                }
            } else {
                throw bad(key, KEYS.getOrDefault(key, "a number"));
            }
            if (!(minInclusive ? v >= min : v > min) || v > max || Double.isNaN(v)) {
                throw bad(key, KEYS.getOrDefault(key, "a number between " + min + " and " + max));
            }
            return v;
        }

        List<String> names(String key, List<String> fallback) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            if (!(e.value() instanceof List<?> l) || l.isEmpty()) throw bad(key, "a list of variable names");
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s) || s.isBlank()) throw bad(key, "a list of variable names");
                if (out.contains(s)) throw bad(key, "a list of distinct variable names (" + s + " twice)");
                out.add(s);
            }
            return out;
        }

        int[] frame(String key, int[] fallback) {
            Entry e = m.get(key);
            if (e == null) return fallback;
            int[] f = null;
            if (e.value() instanceof String s) {
                Matcher x = FRAME.matcher(s);
                try {
                    if (x.matches()) f = new int[] {Integer.parseInt(x.group(1)), Integer.parseInt(x.group(2))};
                } catch (NumberFormatException tooLarge) {
                    f = null; // digits beyond int: refused below like any other bad frame
                }
            } else if (e.value() instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Integer a
                    && l.get(1) instanceof Integer b) {
                f = new int[] {a, b};
            } else if (e.value() instanceof Integer a) {
                f = new int[] {a, a};
            }
            if (f == null || f[0] < 1 || f[1] < 1) throw bad(key, KEYS.get(key));
            return f;
        }

        @SuppressWarnings("unchecked")
        Map<String, Entry> mapping(String key, List<String> allowed) {
            Entry e = m.get(key);
            if (!(e.value() instanceof Map<?, ?> mm)) throw bad(key, KEYS.get(key));
            Map<String, Entry> sub = (Map<String, Entry>) mm;
            for (Map.Entry<String, Entry> s : sub.entrySet()) {
                if (!allowed.contains(s.getKey())) {
                    throw Ai4cException.usage(source + " line " + s.getValue().line() + ": unknown key \"" + key + "."
                            + s.getKey() + "\". Known keys of " + key + ": " + String.join(", ", allowed) + ".");
                }
            }
            return sub;
        }
    }

    /**
     * The configuration as YAML text, every key with its value in {@link #keys()} order ({@code data}
     * as a block mapping); {@link #parse} reads it back to an equal configuration.
     */
    public static String write(AqConfig c) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries(c).entrySet()) {
            if (e.getKey().equals("data")) {
                sb.append("data:\n");
                sb.append("  lr_path: ").append(quote(c.data().lrPath())).append('\n');
                sb.append("  hr_path: ").append(quote(c.data().hrPath())).append('\n');
                sb.append("  static_path: ").append(quote(c.data().staticPath())).append('\n');
                if (c.data().samples() != null) sb.append("  samples: ").append(quote(c.data().samples())).append('\n');
            } else {
                sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The configuration's keys, each with what its value must be, in file order (the schema editors show). */
    public static Map<String, String> keys() {
        return java.util.Collections.unmodifiableMap(KEYS);
    }

    /** Each key's value as YAML text (mappings and lists in flow style), in {@link #keys()} order. */
    public static Map<String, String> entries(AqConfig c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", c.model());
        m.put("input_frame", c.lrFrame()[0] + " x " + c.lrFrame()[1]);
        m.put("output_frame", c.hrFrame()[0] + " x " + c.hrFrame()[1]);
        m.put("aoi", String.format(Locale.ROOT, "{lat_min: %s, lat_max: %s, lon_min: %s, lon_max: %s}",
                num(c.aoi().latMin()), num(c.aoi().latMax()), num(c.aoi().lonMin()), num(c.aoi().lonMax())));
        m.put("output_path", quote(c.outputPath()));
        m.put("generator_filters", Integer.toString(c.generatorFilters()));
        m.put("discriminator_filters", Integer.toString(c.discriminatorFilters()));
        m.put("residual_blocks", Integer.toString(c.residualBlocks()));
        m.put("noise_channels", Integer.toString(c.noiseChannels()));
        m.put("learning_rate", num(c.learningRate()));
        m.put("batch_size", Integer.toString(c.batchSize()));
        m.put("adversarial_loss", c.adversarialLoss());
        m.put("gradient_penalty_weight", num(c.gradientPenaltyWeight()));
        m.put("content_loss", c.contentLoss());
        m.put("content_weight", num(c.contentWeight()));
        m.put("adversarial_weight", num(c.adversarialWeight()));
        m.put("critic_steps", Integer.toString(c.criticSteps()));
        m.put("epochs", Integer.toString(c.epochs()));
        m.put("lr_inputs", list(c.lrInputs()));
        m.put("hr_static_inputs", list(c.hrStaticInputs()));
        m.put("hr_outputs", list(c.hrOutputs()));
        m.put("data", "{lr_path: " + quote(c.data().lrPath()) + ", hr_path: " + quote(c.data().hrPath())
                + ", static_path: " + quote(c.data().staticPath())
                + (c.data().samples() == null ? "" : ", samples: " + quote(c.data().samples())) + "}");
        m.put("validation_fraction", num(c.validationFraction()));
        m.put("ensemble_size", Integer.toString(c.ensembleSize()));
        m.put("seed", Long.toString(c.seed()));
        return m;
    }

    /**
     * Configuration text of one {@code key: value} line per entry (values as {@link #entries} gives
     * them); blank values are left out, so their defaults apply.
     */
    public static String text(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) continue;
            sb.append(e.getKey()).append(": ").append(e.getValue().strip()).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : Double.toString(v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<String> l) {
        return "[" + String.join(", ", l.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }
}
