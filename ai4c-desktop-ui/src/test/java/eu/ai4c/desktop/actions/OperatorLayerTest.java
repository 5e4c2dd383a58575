package eu.ai4c.desktop.actions;

import eu.ai4c.kit.op.MenuPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.kit.op.Operator;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.kit.op.OperatorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.filesystems.XMLFileSystem;

/** The generated layer: one action per registered operator, in its menu, reaching the system filesystem. */
class OperatorLayerTest {

    @Test
    void everyOperatorHasAnActionInItsMenu(@TempDir Path dir) throws Exception {
        Path layer = dir.resolve("layer.xml");
        Files.writeString(layer, OperatorLayer.xml(OperatorRegistry.load().all()));
        XMLFileSystem fs = new XMLFileSystem(layer.toUri().toURL());
        for (Operator op : OperatorRegistry.load().all()) {
            checkAction(fs.getRoot(), op.descriptor());
        }
    }

    @Test
    void theLayerProviderAddsTheMenusToTheSystemFilesystem() throws Exception {
        for (Operator op : OperatorRegistry.load().all()) {
            checkAction(FileUtil.getConfigRoot(), op.descriptor());
        }
        assertNotNull(FileUtil.getConfigFile("Menu/Raster/Geometric/AI4C-Warp.shadow"));
    }

    private static void checkAction(FileObject root, OperatorDescriptor d) throws Exception {
        String menu = "Menu/" + MenuPaths.forCategory(d.category());
        FileObject shadow = root.getFileObject(menu + "/AI4C-" + d.alias() + ".shadow");
        assertNotNull(shadow, d.alias() + " in " + menu);
        String original = (String) shadow.getAttribute("originalFile");
        FileObject instance = root.getFileObject(original);
        assertNotNull(instance, original);
        Object action = instance.getAttribute("instanceCreate");
        assertTrue(action instanceof OperatorAction, String.valueOf(action));
        assertEquals(d.alias(), ((OperatorAction) action).alias());
        assertEquals(OperatorAction.menuText(d), ((Action) action).getValue(Action.NAME));
        assertEquals(d.summary(), ((Action) action).getValue(Action.SHORT_DESCRIPTION));
    }

    @Test
    void insideSnapWithTheBindingNoOperatorGetsASecondDialog() {
        java.util.List<Operator> all = OperatorRegistry.load().all();
        assertTrue(all.stream().anyMatch(op -> op instanceof eu.ai4c.kit.op.FileOperator), "file operators listed");
        assertEquals(all, OperatorLayerProvider.withoutSnapDuplicates(all, false));
        // every operator, file operators included, has a GPF adapter with SNAP's dialog in the binding
        assertEquals(java.util.List.of(), OperatorLayerProvider.withoutSnapDuplicates(all, true));
        // the class probed for is the SNAP binding's adapter base (compile-time name check)
        assertEquals("eu.ai4c.snap.EngineOperatorAdapter", OperatorLayerProvider.SNAP_BINDING_CLASS);
    }

    @Test
    void menuPathsSharingFoldersAreOneFolderTreeAndTopLevelMenusArePlacedWhenStandalone() {
        String xml = OperatorLayer.xml(OperatorRegistry.load().all(), true);
        // Optical/AI4Copernicus holds S2-preprocess and the Agriculture sub-menu: one folder each
        assertEquals(1, count(xml, "<folder name=\"Optical\">"), xml);
        assertEquals(1, count(xml, "<folder name=\"Raster\">"), xml);
        assertTrue(xml.contains("<folder name=\"Agriculture\">"), xml);
        assertTrue(xml.contains("<attr name=\"position\" intvalue=\"460\"/>"), "Optical placed after Navigate");
        assertEquals(0, count(OperatorLayer.xml(OperatorRegistry.load().all()), "intvalue=\"460\""),
                "inside SNAP the top-level menus keep SNAP's positions");
    }

    @Test
    void theStandaloneApplicationGetsOpenProductAndTheProductsWindowInItsMenus(@TempDir Path dir) throws Exception {
        Path layer = dir.resolve("layer.xml");
        Files.writeString(layer, OperatorLayer.xml(OperatorRegistry.load().all(), true));
        FileObject root = new XMLFileSystem(layer.toUri().toURL()).getRoot();
        for (String[] entry : new String[][] {{"Menu/File/AI4C-Action-OpenProduct.shadow", "Open Product..."},
                                              {"Menu/File/AI4C-Action-OpenRecentProduct.shadow", "Open Recent Product"},
                                              {"Menu/File/AI4C-Action-OpenDemoData.shadow", "Open Demo Data"},
                                              {"Menu/Window/AI4C-Action-Products.shadow", "Products"},
                                              {"Menu/Window/AI4C-Action-WorldView.shadow", "World View"}}) {
            FileObject shadow = root.getFileObject(entry[0]);
            assertNotNull(shadow, entry[0]);
            // the action itself is registered by annotation in the module's layer
            FileObject action = FileUtil.getConfigFile((String) shadow.getAttribute("originalFile"));
            assertNotNull(action, (String) shadow.getAttribute("originalFile"));
            assertEquals(entry[1], ((Action) action.getAttribute("instanceCreate")).getValue(Action.NAME));
        }
        assertFalse(OperatorLayer.xml(OperatorRegistry.load().all()).contains("AI4C-Action-"),
                "inside SNAP, SNAP's Open Product and Product Explorer");
        assertFalse(OperatorLayer.xml(java.util.List.of(), true, false).contains("AI4C-Action-"),
                "with the AI4C SNAP plugin (SNAP's modules, e.g. SNAP-in-a-box), none either");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
