package eu.ai4c.cli.bench;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.ParameterValues;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.raster.Product;
import eu.ai4c.kit.tile.StageClock;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An operator that runs another and keeps the {@link StageClock} of the product it made, so that a
 * benchmark can report each stage's time after the run; and the clock's figures as result fields.
 */
final class StageClockCapture implements Operator {
    private final Operator operator;
    private final AtomicReference<StageClock> clock = new AtomicReference<>();

    StageClockCapture(Operator operator) {
        this.operator = operator;
    }

    @Override
    public OperatorDescriptor descriptor() {
        return operator.descriptor();
    }

    @Override
    public Product apply(Map<String, Product> sources, ParameterValues params, ProcessingContext context)
            throws IOException {
        Product p = operator.apply(sources, params, context);
        clock.set(p.attachment(StageClock.class).orElse(null));
        return p;
    }

    /** Adds {@code stage_<name>_thread_seconds} and {@code _cpu_seconds} of the last run's clock to {@code extra}. */
    void report(Map<String, Object> extra) {
        StageClock c = clock.get();
        if (c == null) return;
        c.seconds().forEach((stage, s) -> extra.put("stage_" + key(stage) + "_thread_seconds", s));
        c.cpuSeconds().forEach((stage, s) -> extra.put("stage_" + key(stage) + "_cpu_seconds", s));
    }

    private static String key(String stage) {
        return stage.replace('+', '_').replace('-', '_');
    }
}
