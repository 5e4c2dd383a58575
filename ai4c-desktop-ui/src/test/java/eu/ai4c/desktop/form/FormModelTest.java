package eu.ai4c.desktop.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The display-free form: one per registered descriptor, the descriptor's messages for bad values. */
class FormModelTest {

    @Test
    void everyRegisteredDescriptorGivesAFormWithItsDefaults() {
        List<Operator> ops = OperatorRegistry.load().all();
        assertTrue(ops.stream().map(o -> o.descriptor().alias()).toList()
                        .containsAll(List.of("S1-GRD-preprocess", "S2-preprocess", "S2-CD", "Warp", "Speckle-Filter")),
                "registered: " + ops);
        for (Operator op : ops) {
            OperatorDescriptor d = op.descriptor();
            FormModel form = FormModel.of(d);
            assertEquals(d.parameters().size(), form.parameters().size(), d.alias());
            assertEquals(d.sources().size(), form.sources().size(), d.alias());
            for (ParameterDescriptor p : d.parameters()) {
                ParameterField f = form.parameter(p.name());
                assertEquals(p.defaultValue() == null ? "" : p.defaultValue(), f.text(), d.alias() + "." + p.name());
                assertTrue(f.message().isEmpty() || p.required(), d.alias() + "." + p.name() + ": " + f.message());
            }
            // nothing chosen yet: every required source and the target folder are asked for
            Map<String, String> messages = form.messages();
            d.sources().stream().filter(s -> !s.optional())
                    .forEach(s -> assertTrue(messages.containsKey("source." + s.name()), d.alias() + " " + messages));
            assertTrue(messages.containsKey("target.folder"), d.alias());
            if (d.parameters().stream().noneMatch(ParameterDescriptor::required)) {
                assertEquals(d.validate(Map.of()).asMap().keySet(), form.toParameterValues().asMap().keySet(), d.alias());
            }
        }
    }

    @Test
    void valueOutsideTheIntervalIsRefusedWithTheDescriptorsMessage() {
        FormModel form = FormModel.of(OperatorRegistry.load().get("S1-GRD-preprocess").descriptor());
        ParameterField border = form.parameter("borderLimit");
        border.setText("-1");
        assertEquals("S1-GRD-preprocess: invalid value \"-1\" for --border-limit: expected a value in [0,*) pixels.",
                border.message().orElseThrow());
        assertEquals(border.message().get(), form.messages().get("param.borderLimit"));
        Ai4cException e = assertThrows(Ai4cException.class, form::toParameterValues);
        assertEquals(border.message().get(), e.getMessage());
        assertTrue(e.isUsageError());
        border.setText("250");
        assertTrue(border.message().isEmpty());
        assertEquals(250, form.toParameterValues().getInt("borderLimit"));
    }

    @Test
    void everyIntervalAndValueSetOfEveryDescriptorIsEnforced() {
        for (Operator op : OperatorRegistry.load().all()) {
            OperatorDescriptor d = op.descriptor();
            FormModel form = FormModel.of(d);
            for (ParameterDescriptor p : d.parameters()) {
                String bad = badValue(p);
                if (bad == null) continue;
                ParameterField f = form.parameter(p.name());
                f.setText(bad);
                String expected = assertThrows(Ai4cException.class, () -> d.validate(Map.of(p.name(), bad)),
                        d.alias() + "." + p.name()).getMessage();
                assertEquals(expected, f.message().orElseThrow(), d.alias() + "." + p.name());
                f.setText(p.defaultValue());
            }
        }
    }

    /** A value the descriptor must refuse, or null when every text is acceptable. */
    private static String badValue(ParameterDescriptor p) {
        if (p.type() == ParameterType.CHOICE) return "no-such-" + p.name();
        if (p.type() == ParameterType.BOOLEAN) return "perhaps";
        if (p.type() == ParameterType.INTEGER || p.type() == ParameterType.DOUBLE) {
            if (p.interval() != null && Double.isFinite(p.interval().min())) return Long.toString((long) p.interval().min() - 1);
            if (p.interval() != null && Double.isFinite(p.interval().max())) return Long.toString((long) p.interval().max() + 1);
            return "ten";
        }
        return null;
    }

    @Test
    void invalidAreaOfInterestIsReportedInline() {
        FormModel form = FormModel.of(OperatorRegistry.load().get("Warp").descriptor());
        ParameterField aoi = form.parameter("aoi");
        aoi.setText("POLYGON((0 0, 1 0, 1 1))");
        assertTrue(aoi.message().isPresent());
        aoi.setText("POLYGON((10 45, 11 45, 11 46, 10 46, 10 45))");
        assertTrue(aoi.message().isEmpty(), aoi.message().toString());
    }

    @Test
    void missingSourceAndTargetFolderAreNamed(@TempDir Path dir) throws Exception {
        FormModel form = FormModel.of(OperatorRegistry.load().get("Warp").descriptor());
        form.source("input").setText(dir.resolve("nothing.tif").toString());
        assertEquals("Source " + dir.resolve("nothing.tif") + " does not exist: check the path.",
                form.messages().get("source.input"));
        Path tif = Files.createFile(dir.resolve("in.tif"));
        form.source("input").setText(tif.toString());
        form.target().setFolder(dir.resolve("missing").toString());
        assertTrue(form.messages().get("target.folder").contains("does not exist"));
        form.target().setFolder(dir.toString());
        form.target().setFormat("JPEG-9000");
        assertTrue(form.messages().get("target.format").contains("Unknown output format"), form.messages().toString());
        form.target().setFormat("COG");
        assertFalse(form.firstMessage().isPresent(), form.messages().toString());
    }

    @Test
    void aProductsBandsCheckTheValuesItHas() {
        FormModel grd = FormModel.of(OperatorRegistry.load().get("S1-GRD-preprocess"));
        assertEquals("VV", grd.parameter("polarization").text());
        assertEquals(List.of("polarization"), grd.offerBands(List.of("Amplitude_VH", "Amplitude_HH")));
        assertEquals("VH,HH", grd.parameter("polarization").text(), "value-set order, only what the product has");
        assertEquals(List.of(), grd.offerBands(List.of("Amplitude_VH", "Amplitude_HH")), "nothing changes a second time");
        assertEquals(List.of(), grd.offerBands(List.of("band_1")), "a product without polarisations leaves them as they are");
        assertEquals("VH,HH", grd.parameter("polarization").text());

        FormModel s2 = FormModel.of(OperatorRegistry.load().get("S2-preprocess"));
        assertEquals(List.of("bands"), s2.offerBands(List.of("B4", "B3", "B2", "B8A", "B11", "SCL")));
        assertEquals("B2,B3,B4,B8A,B11", s2.parameter("bands").text(), "B8A is not B8");
    }
}
