package eu.ai4c.snapbox;

import eu.ai4c.desktop.form.FormModel;
import eu.ai4c.desktop.run.OperatorCatalog;
import eu.ai4c.kit.op.OperatorDescriptor;
import eu.ai4c.snap.AdapterNames;
import eu.ai4c.snap.flat.FlatClassPathRun;
import java.awt.event.ActionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.swing.Action;
import javax.swing.SwingUtilities;
import org.esa.snap.core.gpf.GPF;
import org.esa.snap.core.gpf.OperatorSpi;
import org.esa.snap.core.gpf.annotations.Parameter;
import org.esa.snap.core.gpf.ui.DefaultSingleTargetProductDialog;
import org.netbeans.junit.NbTestCase;
import org.openide.filesystems.FileObject;
import org.openide.filesystems.FileUtil;
import org.openide.modules.ModuleInfo;
import org.openide.modules.Modules;
import org.openide.util.Lookup;

/**
 * Checks run inside the module system that {@link SnapModuleSystemIT} starts; this class is loaded
 * by the NetBeans system class loader, so it sees every enabled module as SNAP Desktop's own code
 * does. Not run on its own.
 */
public class InsideSnap extends NbTestCase {

    public InsideSnap(String name) {
        super(name);
    }

    /**
     * The warnings of the engine and the libraries it bundles (about the data: "No DEM given", no
     * GPU, …; the adapters pass the engine's on to SNAP's logger "org.esa.snap") are not module-system
     * problems; the platform's warnings still fail the run. Kept referenced so the levels stay set.
     */
    private static final List<Logger> ENGINE_LOGS = List.of(Logger.getLogger("eu.ai4c"), Logger.getLogger("ai.djl"),
            Logger.getLogger("io.jhdf"), Logger.getLogger("org.esa.snap"));

    /** SNAP Desktop runs its actions with the system class loader as the thread's context class loader. */
    @Override
    protected void setUp() {
        for (Logger log : ENGINE_LOGS) log.setLevel(Level.SEVERE);
        Thread.currentThread().setContextClassLoader(Lookup.getDefault().lookup(ClassLoader.class));
    }

    public void testEveryModuleIsEnabled() {
        for (String cnb : List.of("org.esa.snap.ceres.core", "org.esa.snap.snap.core", "org.esa.snap.snap.gpf",
                "org.esa.snap.snap.gpf.ui", "eu.ai4c.engine", "eu.ai4c.ai4c.snap", "eu.ai4c.desktop",
                "eu.ai4c.agri.ui", "eu.ai4c.aq.ui", "eu.ai4c.ml.natives", "eu.esa.opt.opttbx.s2msi.reader")) {
            ModuleInfo m = Modules.getDefault().findCodeNameBase(cnb);
            assertNotNull("module " + cnb + " is installed", m);
            assertTrue("module " + cnb + " is enabled", m.isEnabled());
        }
    }

    /**
     * The SQLite driver is the Optical Toolbox's private library: the engine module cannot load it
     * and DriverManager does not offer it to the engine; the system class loader, the context class
     * loader of SNAP's threads, sees it, and through it the engine opens GeoPackages.
     */
    public void testTheEngineUsesTheOpticalToolboxsSqliteDriver() throws Exception {
        ClassLoader engine = eu.ai4c.kit.io.SqliteConnections.class.getClassLoader();
        try {
            Class.forName("org.sqlite.JDBC", false, engine);
            fail("the engine module should not see org.sqlite");
        } catch (ClassNotFoundException expected) {
            // a private library of eu.esa.opt.opttbx.s2msi.reader
        }
        ClassLoader system = Thread.currentThread().getContextClassLoader();
        assertEquals("eu.esa.opt.opttbx.s2msi.reader",
                Modules.getDefault().ownerOf(Class.forName("org.sqlite.JDBC", false, system)).getCodeNameBase());
        assertTrue("an SQLite driver for the engine", eu.ai4c.kit.io.SqliteConnections.available());
    }

    /**
     * SNAP's JVM started with {@code --add-modules=jdk.incubator.vector} (as the U-Net documentation
     * asks; this box's JVM is): the engine module, behind NetBeans' class loaders, sees the vector
     * API and predicts with the plain-Java pass, its vector kernel linked and running.
     */
    public void testTheUnetPredictionUsesTheVectorApiWhenSnapsJvmHasIt() {
        assertTrue("this JVM runs with the vector API", ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertEquals(eu.ai4c.agri.unet.UnetEngine.JAVA, eu.ai4c.agri.unet.UnetEngine.forThisJvm());
        String engine = eu.ai4c.agri.unet.UnetEngine.JAVA.describe();
        assertTrue(engine, engine.startsWith("plain Java (vector"));
    }

    /** Every engine operator ({@code ai4c list}) is a GPF operator that SNAP's registry finds. */
    public void testEveryEngineOperatorIsInTheGpfRegistry() {
        TreeSet<String> expected = new TreeSet<>();
        for (eu.ai4c.kit.op.Operator op : OperatorCatalog.load().all()) expected.add(AdapterNames.snapAlias(op.descriptor().alias()));
        assertTrue("the engine lists its operators", expected.size() >= 9);
        assertEquals(expected, registeredAliases());
    }

    /** Each operator looked up in the registry initialises and computes its first tile on a small product. */
    public void testEveryOperatorComputesATile() throws Exception {
        Path work = Path.of(System.getProperty("ai4c.box.work"));
        List<String> done = new ArrayList<>();
        for (OperatorSpi spi : ai4cSpis().values()) {
            done.add(FlatClassPathRun.firstTile(spi.getOperatorClass(), work));
        }
        assertEquals(registeredAliases().size(), done.size());
        // the engine module bundles no SQLite driver (nbm/README.md): the human-features query runs with the
        // Optical Toolbox's, a private library of another module that only NetBeans' system class loader sees
        for (String line : done) assertTrue(line, line.startsWith("OK AI4C-"));
    }

    /**
     * Every AI4C action of the layer opens its operator dialog: the action is created from the
     * layer attributes ({@code Actions.alwaysEnabled} → {@code DefaultOperatorAction.create}) and
     * the dialog finds the operator by name and sets up an editor per parameter; a menu entry
     * points at each action.
     */
    public void testEveryMenuActionOpensItsDialog() throws Exception {
        FileObject actions = FileUtil.getConfigFile("Actions/Operators");
        assertNotNull("Actions/Operators in the system filesystem", actions);
        Map<String, OperatorSpi> spis = ai4cSpis();
        TreeSet<String> opened = new TreeSet<>();
        for (FileObject fo : actions.getChildren()) {
            if (!fo.getName().startsWith(AdapterNames.PREFIX)) continue;
            Action action = (Action) fo.getAttribute("instanceCreate");
            assertNotNull(fo.getPath() + " creates an action", action);
            try {
                SwingUtilities.invokeAndWait(() -> action.actionPerformed(new ActionEvent(this, 0, fo.getName())));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new AssertionError(fo.getPath() + ": the action failed: " + e.getCause(), e.getCause());
            }
            DefaultSingleTargetProductDialog dialog = DefaultSingleTargetProductDialog.shown().stream()
                    .filter(d -> d.getOperatorName().equals(fo.getName())).findFirst().orElse(null);
            assertNotNull(fo.getPath() + " opened its dialog", dialog);
            assertEquals(fo.getAttribute("dialogTitle"), dialog.getTitle());
            assertEquals(parameterCount(spis.get(fo.getName()).getOperatorClass()), dialog.getParameterEditors().size());
            opened.add(fo.getName());
        }
        assertEquals(spis.keySet(), opened);
        TreeSet<String> inMenus = new TreeSet<>();
        collectMenuEntries(FileUtil.getConfigFile("Menu"), inMenus);
        assertEquals("one menu entry per AI4C action", opened, inMenus);
    }

    /**
     * Inside SNAP with the AI4C SNAP binding, the AI4C Desktop module adds no second dialog, yet
     * its forms still build for every operator (they serve its own windows).
     */
    public void testDesktopModuleAddsNoSecondDialog() {
        FileObject desktopActions = FileUtil.getConfigFile("Actions/AI4C");
        for (eu.ai4c.kit.op.Operator op : OperatorCatalog.load().all()) {
            OperatorDescriptor d = op.descriptor();
            assertNull("an AI4C Desktop dialog for " + d.alias() + " beside SNAP's",
                    desktopActions == null ? null : desktopActions.getFileObject(d.alias(), "instance"));
            FormModel form = FormModel.of(d);
            assertEquals(d.alias(), d.parameters().size(), form.parameters().size());
        }
    }

    /** The module's start-up hook put the ready-made graphs where the Graph Builder lists them. */
    public void testGraphsAreInstalled() throws Exception {
        Path graphs = Path.of(System.getProperty("snap.userdir"), "graphs", "AI4C");
        assertTrue(graphs + " exists", Files.isDirectory(graphs));
        try (Stream<Path> files = Files.list(graphs)) {
            assertTrue("graphs in " + graphs, files.filter(p -> p.toString().endsWith(".xml")).count() >= 5);
        }
    }

    private static TreeSet<String> registeredAliases() {
        return new TreeSet<>(ai4cSpis().keySet());
    }

    private static Map<String, OperatorSpi> ai4cSpis() {
        Map<String, OperatorSpi> spis = new TreeMap<>();
        for (OperatorSpi spi : GPF.getDefaultInstance().getOperatorSpiRegistry().getOperatorSpis()) {
            if (spi.getOperatorAlias().startsWith(AdapterNames.PREFIX)) spis.put(spi.getOperatorAlias(), spi);
        }
        return spis;
    }

    private static int parameterCount(Class<?> operator) {
        int n = 0;
        for (Class<?> c = operator; c != null; c = c.getSuperclass()) {
            for (var f : c.getDeclaredFields()) if (f.isAnnotationPresent(Parameter.class)) n++;
        }
        return n;
    }

    private static void collectMenuEntries(FileObject folder, TreeSet<String> out) {
        if (folder == null) return;
        for (FileObject fo : folder.getChildren()) {
            if (fo.isFolder()) {
                collectMenuEntries(fo, out);
            } else if (fo.getName().startsWith(AdapterNames.PREFIX)) {
                Object original = fo.getAttribute("originalFile");
                assertNotNull(fo.getPath() + " names its action", original);
                assertNotNull(fo.getPath() + " points at an existing action: " + original,
                        FileUtil.getConfigFile(original.toString()));
                out.add(fo.getName());
            }
        }
    }
}
