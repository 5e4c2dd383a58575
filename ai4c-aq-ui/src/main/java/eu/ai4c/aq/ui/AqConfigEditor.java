package eu.ai4c.aq.ui;

import eu.ai4c.aq.config.AqConfig;
import eu.ai4c.aq.config.ConfigYaml;
import eu.ai4c.kit.Ai4cException;
import eu.ai4c.kit.io.AtomicOutput;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.AbstractTableModel;

/**
 * Editor of the air-quality services' YAML configuration, generated from its schema
 * ({@link ConfigYaml#keys()}): one row per key with its value (YAML text, as the file holds it) and
 * what the value must be. Every edit is checked by the services' own reader, so the status line
 * shows the message {@code aqgan-train} would give (naming the key), and Save is enabled only for
 * a configuration the services accept. Open reads a file; Defaults restores table 15; Save writes
 * the file atomically. Component names: {@code aqconfig.table}, {@code aqconfig.status},
 * {@code aqconfig.open}, {@code aqconfig.save}, {@code aqconfig.defaults}. Event thread only.
 */
public final class AqConfigEditor extends JPanel {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Rows rows = new Rows();
    private final JLabel status = new JLabel();
    private final JButton save = new JButton("Save");
    private Path file;
    private String problem;

    public AqConfigEditor() {
        super(new BorderLayout());
        JTable table = new JTable(rows);
        table.setName("aqconfig.table");
        table.getColumnModel().getColumn(0).setPreferredWidth(160);
        table.getColumnModel().getColumn(1).setPreferredWidth(360);
        table.getColumnModel().getColumn(2).setPreferredWidth(320);
        add(new JScrollPane(table), BorderLayout.CENTER);
        JButton open = new JButton("Open…");
        JButton defaults = new JButton("Defaults");
        open.setName("aqconfig.open");
        save.setName("aqconfig.save");
        defaults.setName("aqconfig.defaults");
        status.setName("aqconfig.status");
        open.addActionListener(e -> {
            JFileChooser c = new JFileChooser(file == null ? null : file.getParent().toFile());
            if (c.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) open(c.getSelectedFile().toPath());
        });
        save.addActionListener(e -> {
            Path target = file;
            if (target == null) {
                JFileChooser c = new JFileChooser();
                if (c.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) return;
                target = c.getSelectedFile().toPath();
            }
            save(target);
        });
        defaults.addActionListener(e -> load(AqConfig.defaults()));
        JPanel south = new JPanel(new FlowLayout(FlowLayout.TRAILING));
        south.add(status);
        south.add(defaults);
        south.add(open);
        south.add(save);
        add(south, BorderLayout.SOUTH);
        load(AqConfig.defaults());
    }

    /** Shows a configuration's values. */
    public void load(AqConfig config) {
        values.clear();
        values.putAll(ConfigYaml.entries(config));
        rows.fireTableDataChanged();
        check();
    }

    /** Reads a configuration file into the editor; a file the services refuse is reported, not shown. */
    public void open(Path path) {
        try {
            load(ConfigYaml.read(path));
            file = path;
            status.setText("Opened " + path);
        } catch (Ai4cException | IOException e) {
            status.setForeground(Color.RED.darker());
            status.setText(e.getMessage());
        }
    }

    /** Sets one key's value (YAML text; blank: the default) and checks the whole configuration. */
    public void set(String key, String yamlValue) {
        if (!values.containsKey(key)) throw new IllegalArgumentException("no configuration key " + key);
        values.put(key, yamlValue);
        int row = 0;
        for (String k : values.keySet()) {
            if (k.equals(key)) break;
            row++;
        }
        rows.fireTableRowsUpdated(row, row);
        check();
    }

    /** The configuration as the services would read it now, or null while a value is refused ({@link #problem()}). */
    public AqConfig config() {
        try {
            return ConfigYaml.parse(ConfigYaml.text(values), source());
        } catch (Ai4cException e) {
            return null;
        }
    }

    /** The services' message for the current values, or null when they accept them. */
    public String problem() {
        return problem;
    }

    /** Writes the configuration (atomically) to {@code target}; refused while a value is invalid. */
    public void save(Path target) {
        AqConfig c = config();
        if (c == null) return;
        try (AtomicOutput out = AtomicOutput.create()) {
            Files.writeString(out.temporaryFor(target), ConfigYaml.write(c), StandardCharsets.UTF_8);
            out.commit();
            file = target;
            status.setForeground(Color.DARK_GRAY);
            status.setText("Saved " + target);
        } catch (IOException e) {
            status.setForeground(Color.RED.darker());
            status.setText("Cannot write " + target + ": " + e.getMessage());
        }
    }

    private void check() {
        try {
            ConfigYaml.parse(ConfigYaml.text(values), source());
            problem = null;
            status.setForeground(Color.DARK_GRAY);
            status.setText(file == null ? "Valid configuration (not saved yet)." : "Valid configuration: " + file);
        } catch (Ai4cException e) {
            problem = e.getMessage();
            status.setForeground(Color.RED.darker());
            status.setText(problem);
        }
        save.setEnabled(problem == null);
    }

    private String source() {
        return file == null ? "the configuration" : file.toString();
    }

    /** The key | value | expected table over {@link #values}. */
    private final class Rows extends AbstractTableModel {
        private final String[] columns = {"key", "value (YAML)", "expected"};

        @Override
        public int getRowCount() {
            return values.size();
        }

        @Override
        public int getColumnCount() {
            return columns.length;
        }

        @Override
        public String getColumnName(int c) {
            return columns[c];
        }

        @Override
        public Object getValueAt(int r, int c) {
            String key = (String) values.keySet().toArray()[r];
            return switch (c) {
                case 0 -> key;
                case 1 -> values.get(key);
                default -> ConfigYaml.keys().get(key);
            };
        }

        @Override
        public boolean isCellEditable(int r, int c) {
            return c == 1;
        }

        @Override
        public void setValueAt(Object v, int r, int c) {
            set((String) getValueAt(r, 0), v == null ? "" : v.toString());
        }
    }
}
