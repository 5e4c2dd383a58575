package eu.ai4c.snap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.op.Interval;
import eu.ai4c.kit.op.FileOperator;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.SourceDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.esa.snap.core.datamodel.Product;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.OperatorMetadata;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.annotations.SourceProduct;
import org.junit.jupiter.api.Test;

/**
 * Every engine operator that builds a product (not a {@link FileOperator}) has exactly one SNAP adapter, registered with GPF, whose annotations
 * mirror the engine descriptor. Fails when a new operator lacks its adapter or a descriptor
 * changes without its adapter.
 */
class AdapterDescriptorTest {

    @Test
    void everyEngineOperatorHasExactlyOneRegisteredAdapter() throws Exception {
        // every service runs in gpt and the Graph Builder; file operators (training, exports,
        // composites) through FileOperatorAdapter, the others through EngineOperatorAdapter
        List<Operator> engine = OperatorRegistry.load().all();
        assertTrue(engine.stream().filter(op -> op instanceof FileOperator).count() >= 3, "file operators: " + engine);
        List<Class<? extends EngineOperatorAdapter>> compiled = Adapters.compiled();
        List<String> services = Adapters.serviceLines();
        for (Operator op : engine) {
            String alias = AdapterNames.snapAlias(op.descriptor().alias());
            List<Class<?>> matching = new ArrayList<>();
            for (Class<?> c : compiled) if (Adapters.alias(c).equals(alias)) matching.add(c);
            assertEquals(1, matching.size(), "engine operator " + op.descriptor().alias()
                    + " needs exactly one adapter with @OperatorMetadata(alias = \"" + alias + "\"); found " + matching
                    + ". The adapters are generated from the engine descriptors (ai4c-snap-codegen): rebuild.");
            assertEquals(op instanceof FileOperator, FileOperatorAdapter.class.isAssignableFrom(matching.get(0)),
                    matching.get(0).getName() + ": an engine operator that writes files needs a FileOperatorAdapter, "
                            + "any other an EngineOperatorAdapter");
            assertTrue(services.contains(matching.get(0).getName() + "$Spi"),
                    matching.get(0).getName() + "$Spi missing from " + Adapters.SERVICES);
        }
        assertEquals(engine.size(), compiled.size(), "adapters without an engine operator: " + compiled);
        assertEquals(compiled.size(), services.size(), "services file lines " + services);
    }

    @Test
    void servicesFileNamesSpiClasses() throws Exception {
        for (String line : Adapters.serviceLines()) {
            Class<?> spi = Class.forName(line);
            assertTrue(OperatorSpi.class.isAssignableFrom(spi), line + " is no OperatorSpi");
            assertTrue(Modifier.isPublic(spi.getModifiers()) && Modifier.isStatic(spi.getModifiers()), line);
            assertNotNull(spi.getConstructor(), line + " needs a public no-argument constructor");
            Class<?> adapter = spi.getEnclosingClass();
            assertTrue(EngineOperatorAdapter.class.isAssignableFrom(adapter), line);
            assertNotNull(adapter.getConstructor(), adapter + " needs a public no-argument constructor");
        }
    }

    @Test
    void metadataMirrorsDescriptor() throws Exception {
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            OperatorDescriptor d = EngineOperatorAdapter.engineOperator(c).descriptor();
            OperatorMetadata md = c.getAnnotation(OperatorMetadata.class);
            assertTrue(md.alias().startsWith(AdapterNames.PREFIX), md.alias());
            assertTrue(md.alias().equalsIgnoreCase(AdapterNames.PREFIX + d.alias()), md.alias());
            assertEquals(AdapterNames.snapCategory(d.category()), md.category(), c.getName());
            assertTrue(md.category().matches("(Radar|Optical|Vector)/AI4Copernicus(/.+)?|Raster/.+"), md.category());
            assertEquals(d.label(), md.label(), c.getName());
            assertEquals(d.summary(), md.description(), c.getName());
            assertEquals(AdapterNames.className(d.alias()), c.getSimpleName());
        }
    }

    @Test
    void sourceFieldsMirrorDescriptor() throws Exception {
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            OperatorDescriptor d = EngineOperatorAdapter.engineOperator(c).descriptor();
            List<String> fields = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                SourceProduct sp = f.getAnnotation(SourceProduct.class);
                if (sp == null) continue;
                fields.add(f.getName());
                SourceDescriptor s = d.sources().stream().filter(x -> x.name().equals(f.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(c.getName() + ": source " + f.getName() + " not in descriptor"));
                assertEquals(Product.class, f.getType());
                assertEquals(s.name(), sp.alias());
                assertEquals(s.optional(), sp.optional(), c.getName() + "." + f.getName());
                assertEquals(s.description(), sp.description());
            }
            assertEquals(d.sources().stream().map(SourceDescriptor::name).toList(), fields, c.getName());
        }
    }

    @Test
    void parameterFieldsMirrorDescriptor() throws Exception {
        int checked = 0;
        for (Class<? extends EngineOperatorAdapter> c : Adapters.compiled()) {
            OperatorDescriptor d = EngineOperatorAdapter.engineOperator(c).descriptor();
            List<String> names = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                Parameter a = f.getAnnotation(Parameter.class);
                if (a == null) continue;
                if (FileOperatorAdapter.class.isAssignableFrom(c) && f.getName().equals(FileOperatorAdapter.OUTPUT_DIR)) {
                    // the output folder is the front end's (--output_dir on the command line), not a descriptor parameter
                    assertEquals(java.io.File.class, f.getType(), c.getName() + "." + f.getName());
                    assertTrue(a.notNull(), c.getName() + "." + f.getName() + " must be required");
                    continue;
                }
                names.add(f.getName());
                String where = c.getSimpleName() + "." + f.getName();
                ParameterDescriptor p = d.parameter(f.getName())
                        .orElseThrow(() -> new AssertionError(where + " is not a parameter of " + d.alias()));
                assertEquals(AdapterNames.javaType(p.type()), f.getType(), where + " type");
                assertEquals(p.defaultValue() == null ? "" : p.defaultValue(), a.defaultValue(), where + " default");
                assertEquals(p.valueSet(), Arrays.asList(a.valueSet()), where + " valueSet");
                assertEquals(p.interval(), a.interval().isEmpty() ? null : Interval.parse(a.interval()), where + " interval");
                assertEquals(p.unit(), a.unit(), where + " unit");
                assertEquals(p.label(), a.label(), where + " label");
                assertEquals(p.description(), a.description(), where + " description");
                assertEquals(p.required(), a.notNull(), where + " notNull");
                assertEquals("", a.alias(), where + ": the XML name must be the field name");
                if (p.defaultValue() != null) {
                    // the SNAP default must be a value the engine accepts, giving the engine's default
                    java.util.Map<String, String> given = requiredPaths(d);
                    Object engineDefault = d.validate(given).asMap().get(p.name());
                    given.put(p.name(), a.defaultValue());
                    Object snapDefault = d.validate(given).asMap().get(p.name());
                    assertTrue(java.util.Objects.deepEquals(engineDefault, snapDefault), where + " default value");
                }
                checked++;
            }
            assertEquals(d.parameters().stream().map(ParameterDescriptor::name).toList(), names,
                    c.getName() + ": @Parameter fields in descriptor order");
        }
        assertTrue(checked > 20, "parameters checked: " + checked);
    }

    /**
     * A value for each required parameter — path and text parameters (folders, model files, dates) and choices
     * (unet's -action: its first value) — so defaults can be validated.
     */
    private static java.util.Map<String, String> requiredPaths(OperatorDescriptor d) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (ParameterDescriptor p : d.parameters()) {
            if (p.required() && p.type() == eu.ai4c.kit.op.ParameterType.CHOICE) {
                values.put(p.name(), p.valueSet().get(0));
            } else if (p.required()) {
                // paths, and free text such as aqgan's YYYYMMDDHH dates (checked when the operator runs)
                assertTrue(p.type() == eu.ai4c.kit.op.ParameterType.PATH || p.type() == eu.ai4c.kit.op.ParameterType.STRING,
                        d.alias() + ": required " + p.name() + " has no placeholder here");
                values.put(p.name(), "placeholder");
            }
        }
        return values;
    }
}
