package eu.ai4c.aq.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.aq.synthetic.SyntheticCams;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration editor (headless): one row per key of the services' schema with table 15's
 * defaults, each edit checked by the services' own reader (a refused value names its key and
 * disables Save), saving a file the services read back to the edited configuration, opening a
 * file, and refusing a broken one without losing the values shown.
 */
class AqConfigEditorTest {
    @TempDir
    Path dir;

    @Test
    void schemaRowsValidationSaveAndOpen() throws Exception {
        System.setProperty("java.awt.headless", "true");
        SwingUtilities.invokeAndWait(() -> {
            try {
                check();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void check() throws Exception {
        AqConfigEditor editor = new AqConfigEditor();
        JTable table = find(editor, "aqconfig.table", JTable.class);
        JButton save = find(editor, "aqconfig.save", JButton.class);
        JLabel status = find(editor, "aqconfig.status", JLabel.class);
        assertEquals(ConfigYaml.keys().size(), table.getRowCount(), "one row per configuration key");
        assertEquals(25, table.getRowCount());
        assertEquals("batch_size", table.getValueAt(10, 0));
        assertEquals("128", table.getValueAt(10, 1), "table 15's batch size");
        assertEquals(ConfigYaml.keys().get("batch_size"), table.getValueAt(10, 2));
        assertEquals(ConfigYaml.write(AqConfig.defaults()), ConfigYaml.write(editor.config()));

        table.setValueAt("1", 10, 1);
        assertNull(editor.config());
        assertTrue(editor.problem().contains("batch_size"), editor.problem());
        assertEquals(editor.problem(), status.getText());
        assertTrue(!save.isEnabled(), "Save is off while a value is refused");

        editor.set("batch_size", "64");
        editor.set("content_loss", "crps");
        editor.set("epochs", ""); // blank: the default
        assertNull(editor.problem());
        assertTrue(save.isEnabled());
        Path file = dir.resolve("edited.yaml");
        editor.save(file);
        AqConfig read = ConfigYaml.read(file);
        assertEquals(64, read.batchSize());
        assertEquals("crps", read.contentLoss());
        assertEquals(AqConfig.defaults().epochs(), read.epochs());
        assertEquals(ConfigYaml.write(ConfigYaml.parse("batch_size: 64\ncontent_loss: crps\n", "x")),
                ConfigYaml.write(read), "every other key keeps its default");
        assertThrows(IllegalArgumentException.class, () -> editor.set("no_such_key", "1"));

        Path tiny = Files.writeString(dir.resolve("tiny.yaml"), SyntheticCams.TINY_CONFIG);
        editor.open(tiny);
        assertEquals("4 x 4", table.getValueAt(1, 1));
        assertEquals(ConfigYaml.write(ConfigYaml.read(tiny)), ConfigYaml.write(editor.config()));

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "batch_size: many\n");
        editor.open(broken);
        assertTrue(status.getText().contains("batch_size"), status.getText());
        assertEquals("4 x 4", table.getValueAt(1, 1), "the values shown stay");
        assertNotNull(editor.config());
    }

    private static <T extends Component> T find(Container c, String name, Class<T> type) {
        for (Component child : c.getComponents()) {
            if (name.equals(child.getName()) && type.isInstance(child)) return type.cast(child);
            if (child instanceof Container cc) {
                T t = find(cc, name, type);
                if (t != null) return t;
            }
        }
        return null;
    }
}
