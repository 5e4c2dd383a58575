package eu.ai4c.desktop.form.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.desktop.run.OperatorRun;
import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorRegistry;
import eu.ai4c.kit.op.ParameterDescriptor;
import eu.ai4c.kit.op.ParameterType;
import eu.ai4c.kit.progress.ProcessingContext;
import eu.ai4c.kit.testing.SampleProducts;
import eu.ai4c.kit.testing.ScaleOp;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.swing.AbstractButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dialog content without a display: named editors for every field, inline messages, Run. */
class OperatorPanelTest {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void everyOperatorGetsNamedEditorsInTwoTabs() throws Exception {
        for (Operator op : OperatorRegistry.load().all()) {
            onEdt(() -> {
                OperatorPanel panel = new OperatorPanel(op, run -> { }, () -> { });
                JTabbedPane tabs = (JTabbedPane) find(panel, "tabs");
                assertEquals("I/O Parameters", tabs.getTitleAt(0));
                assertEquals("Processing Parameters", tabs.getTitleAt(1));
                for (String n : List.of("run", "cancel", "help", "status", "target.folder")) {
                    find(panel, n);
                }
                // operators that write a folder of files have no output format to choose
                if (!(op instanceof eu.ai4c.kit.op.FileOperator)) find(panel, "target.format");
                op.descriptor().sources().forEach(s -> assertInstanceOf(JTextField.class, find(panel, "source." + s.name())));
                for (ParameterDescriptor p : op.descriptor().parameters()) {
                    if (!panel.model().hasOwnOption(p)) continue;
                    Component c = find(panel, "param." + p.name());
                    Class<?> expected = switch (p.type()) {
                        case BOOLEAN -> JCheckBox.class;
                        case CHOICE, PROJECTION -> JComboBox.class;
                        case STRING_LIST -> p.valueSet().isEmpty() ? JTextField.class : javax.swing.JPanel.class;
                        default -> JTextField.class;
                    };
                    assertInstanceOf(expected, c, op.descriptor().alias() + "." + p.name());
                    if (p.type() == ParameterType.GEOMETRY) find(panel, "param." + p.name() + ".load");
                    if (p.type() == ParameterType.PATH) find(panel, "param." + p.name() + ".browse");
                }
                assertTrue(panel.helpText().contains(op.descriptor().description()));
            });
        }
    }

    @Test
    void badValueShowsTheDescriptorsMessageAndRunRefuses() throws Exception {
        Operator grd = OperatorRegistry.load().get("S1-GRD-preprocess");
        AtomicInteger started = new AtomicInteger();
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(grd, run -> started.incrementAndGet(), () -> { });
            ((JTextField) find(panel, "param.borderLimit")).setText("-1");
            String message = ((JLabel) find(panel, "message.param.borderLimit")).getText();
            assertTrue(message.contains("invalid value \"-1\" for --border-limit: expected a value in [0,*) pixels."),
                    message);
            AbstractButton run = (AbstractButton) find(panel, "run");
            assertFalse(run.isEnabled(), "Run is disabled while a value is out of range");
            assertTrue(panel.model().messages().containsKey("param.borderLimit"));
            assertTrue(run.getToolTipText().contains("Not yet: " + panel.model().firstMessage().orElseThrow()),
                    run.getToolTipText());
            run.doClick();
            assertFalse(((JLabel) find(panel, "status")).getText().isBlank());
        });
        assertEquals(0, started.get());
    }

    @Test
    void runIsEnabledOnlyOnceTheRequiredFieldsAreFilled(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(OperatorRegistry.load().get(ScaleOp.ALIAS), run -> { }, () -> { });
            AbstractButton run = (AbstractButton) find(panel, "run");
            assertFalse(run.isEnabled(), "no source, no target folder");
            assertTrue(run.getToolTipText().contains("Choose the source product input"), run.getToolTipText());
            ((JTextField) find(panel, "source.input")).setText(input.toString());
            assertFalse(run.isEnabled(), "still no target folder");
            assertTrue(run.getToolTipText().contains("folder"), run.getToolTipText());
            ((JTextField) find(panel, "target.folder")).setText(dir.toString());
            assertTrue(run.isEnabled(), "source and target given, parameters at their defaults");
            assertTrue(run.getToolTipText().contains("with these values"), run.getToolTipText());
            ((JTextField) find(panel, "source.input")).setText(dir.resolve("gone.a4r").toString());
            assertFalse(run.isEnabled(), "the source does not exist");
        });
    }

    @Test
    void theSourceOffersTheOpenProductsAndTheirPolarisations(@TempDir Path dir) throws Exception {
        Path safe = eu.ai4c.s1.synthetic.SyntheticGrd.builder(64, 48).polarisations("VH", "HH").seed(3).build().write(dir);
        eu.ai4c.desktop.products.OpenProducts open = eu.ai4c.desktop.products.OpenProducts.getDefault();
        eu.ai4c.desktop.products.OpenProduct grdProduct = open.open(safe);
        try {
            Operator grd = OperatorRegistry.load().get("S1-GRD-preprocess");
            onEdt(() -> {
                OperatorPanel panel = new OperatorPanel(grd, run -> { }, () -> { });
                JComboBox<?> choice = (JComboBox<?>) find(panel, "source.input.products");
                assertEquals(2, choice.getItemCount(), "a prompt and the open product");
                assertTrue(choice.isEnabled());
                assertTrue(((JCheckBox) find(panel, "param.polarization.VV")).isSelected(), "the default before");
                assertEquals(" ", ((JLabel) find(panel, "hint.resolution")).getText(), "no product, no mode");
                choice.setSelectedItem(grdProduct);
                // the output resolution's default follows the product's acquisition mode (ModeResolution)
                assertEquals("Default for this IW product: 10 m", ((JLabel) find(panel, "hint.resolution")).getText());
                assertEquals(safe.toAbsolutePath().toString(), ((JTextField) find(panel, "source.input")).getText());
                assertEquals(0, choice.getSelectedIndex(), "the drop-down is ready for the next choice");
                assertEquals("VH,HH", panel.model().parameter("polarization").text());
                for (String pol : List.of("VV", "VH", "HH", "HV")) {
                    assertEquals(pol.equals("VH") || pol.equals("HH"),
                            ((JCheckBox) find(panel, "param.polarization." + pol)).isSelected(), pol);
                }
                assertFalse(panel.model().messages().containsKey("source.input"), panel.model().messages().toString());
            });
        } finally {
            open.close(grdProduct);
        }
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(OperatorRegistry.load().get("S1-GRD-preprocess"), run -> { }, () -> { });
            JComboBox<?> choice = (JComboBox<?>) find(panel, "source.input.products");
            assertEquals(1, choice.getItemCount());
            assertFalse(choice.isEnabled(), "nothing open");
        });
    }

    @Test
    void helpShowsTheOperatorsGeneratedPage() throws Exception {
        Operator grd = OperatorRegistry.load().get("S1-GRD-preprocess");
        java.net.URL page = OperatorHelp.page("S1-GRD-preprocess").orElseThrow(() -> new AssertionError("no generated page"));
        String snapId = OperatorHelp.snapHelpId("S1-GRD-preprocess").orElseThrow();
        onEdt(() -> {
            javax.swing.JEditorPane html = OperatorPanel.helpPage(page);
            String text = html.getDocument().getText(0, html.getDocument().getLength());
            // the SNAP page's title: label and the SNAP alias, which is also its JavaHelp id
            assertTrue(text.contains(grd.descriptor().label() + " (" + snapId + ")"), text);
            for (ParameterDescriptor p : grd.descriptor().parameters()) assertTrue(text.contains(p.label()), p.label() + " in " + text);
        });
        assertFalse(OperatorHelp.showInSnap("S1-GRD-preprocess"), "outside SNAP the dialog shows the page itself");
        assertTrue(OperatorHelp.page(ScaleOp.ALIAS).isEmpty(), "test operators have no page: the text help stays");
    }

    @Test
    void speckleParametersFollowTheChosenFilter() throws Exception {
        Operator grd = OperatorRegistry.load().get("S1-GRD-preprocess");
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(grd, run -> { }, () -> { });
            JComboBox<?> filter = (JComboBox<?>) find(panel, "param.speckle");
            assertEquals("Lee Sigma", filter.getSelectedItem());
            assertEnabled(panel, true, "sigmaStr", "windowSize", "targetWindowSizeStr", "estimateENL");
            assertEnabled(panel, false, "dampingFactor", "filterSizeX", "filterSizeY", "anSize", "enl",
                    "landseamaskTolerance", "landmaskVector");
            filter.setSelectedItem("Frost");
            assertEnabled(panel, true, "dampingFactor", "filterSizeX", "filterSizeY");
            assertEnabled(panel, false, "sigmaStr", "windowSize", "targetWindowSizeStr", "estimateENL", "enl", "anSize");
            filter.setSelectedItem("Lee");
            ((AbstractButton) find(panel, "param.estimateENL")).doClick(); // ENL given instead of estimated
            assertEnabled(panel, true, "filterSizeX", "estimateENL", "enl");
            assertEnabled(panel, false, "dampingFactor");
            ((JComboBox<?>) find(panel, "param.landseamask")).setSelectedItem("Sea");
            assertEnabled(panel, true, "landseamaskTolerance", "landmaskVector");
            // a bad value in a parameter that does not apply neither blocks Run nor reaches the command line
            filter.setSelectedItem("Boxcar");
            ((JTextField) find(panel, "param.dampingFactor")).setText("-5");
            assertFalse(panel.model().messages().containsKey("param.dampingFactor"));
            assertFalse(String.join(" ", panel.model().toArgs()).contains("damping"), panel.model().toArgs().toString());
            filter.setSelectedItem("Frost");
            assertTrue(panel.model().messages().containsKey("param.dampingFactor"));
        });
    }

    @Test
    void polarisationsAreCheckBoxesAndProjectionOffersPresets() throws Exception {
        Operator grd = OperatorRegistry.load().get("S1-GRD-preprocess");
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(grd, run -> { }, () -> { });
            JCheckBox vv = (JCheckBox) find(panel, "param.polarization.VV");
            JCheckBox vh = (JCheckBox) find(panel, "param.polarization.VH");
            assertTrue(vv.isSelected(), "the default VV");
            assertFalse(vh.isSelected());
            vh.doClick();
            assertEquals(List.of("VV", "VH"), panel.model().toParameterValues().getList("polarization"));
            vv.doClick();
            assertEquals(List.of("VH"), panel.model().toParameterValues().getList("polarization"));
            JComboBox<?> projection = (JComboBox<?>) find(panel, "param.projection");
            assertTrue(projection.isEditable(), "any EPSG code or WKT can be typed");
            assertEquals("WGS84", projection.getItemAt(0));
            projection.setSelectedItem("UTM(Auto)");
            assertTrue(panel.model().toArgs().contains("--projection=UTM(Auto)"), panel.model().toArgs().toString());
        });
    }

    @Test
    void dependentParametersAreListedUnderTheirController() {
        eu.ai4c.desktop.form.FormModel m = eu.ai4c.desktop.form.FormModel.of(OperatorRegistry.load().get("S1-GRD-preprocess"));
        List<String> order = FormPanel.besideTheirControllers(m.parameters()).stream()
                .map(eu.ai4c.desktop.form.ParameterField::name).toList();
        int speckle = order.indexOf("speckle");
        assertEquals(List.of("filterSizeX", "filterSizeY", "dampingFactor", "estimateENL", "enl", "sigmaStr", "windowSize",
                "targetWindowSizeStr", "anSize"), order.subList(speckle + 1, speckle + 10));
        assertEquals(m.parameters().size(), order.size(), "every parameter once");
        assertEquals(order.indexOf("landseamask") + 1, order.indexOf("landseamaskTolerance"));
    }

    private static void assertEnabled(Container panel, boolean enabled, String... parameters) {
        for (String p : parameters) {
            assertEquals(enabled, find(panel, "param." + p).isEnabled(), p + (enabled ? " enabled" : " disabled"));
        }
    }

    @Test
    void filledFormRunsAndCloses(@TempDir Path dir) throws Exception {
        Path input = SampleProducts.twoBandUint16(dir);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<OperatorRun> runs = new ArrayList<>();
        AtomicInteger closed = new AtomicInteger();
        onEdt(() -> {
            OperatorPanel panel = new OperatorPanel(OperatorRegistry.load().get(ScaleOp.ALIAS), runs::add,
                    closed::incrementAndGet);
            ((JTextField) find(panel, "source.input")).setText(input.toString());
            ((JTextField) find(panel, "target.folder")).setText(out.toString());
            ((JComboBox<?>) find(panel, "target.format")).setSelectedItem("RAW-TEST");
            ((JTextField) find(panel, "param.factor")).setText("4");
            ((JComboBox<?>) find(panel, "param.mode")).setSelectedItem("square");
            assertEquals(" ", ((JLabel) find(panel, "status")).getText());
            ((AbstractButton) find(panel, "run")).doClick();
        });
        assertEquals(1, runs.size());
        assertEquals(1, closed.get());
        assertEquals(4.0, runs.get(0).params().getDouble("factor"));
        assertEquals("RAW-TEST", runs.get(0).params().getString("outputFormat"));
        Path written = runs.get(0).execute(ProcessingContext.defaults(), line -> { }).get(0);
        assertEquals(out.resolve("in_scaled.a4r").toAbsolutePath(), written);
    }

    private static Component find(Container root, String name) {
        Component c = search(root, name);
        assertNotNull(c, "no component named " + name);
        return c;
    }

    private static Component search(Container root, String name) {
        return eu.ai4c.desktop.testing.Components.named(root, name);
    }

    private static void onEdt(eu.ai4c.desktop.testing.Edt.Step step) throws Exception {
        eu.ai4c.desktop.testing.Edt.run(step);
    }
}
