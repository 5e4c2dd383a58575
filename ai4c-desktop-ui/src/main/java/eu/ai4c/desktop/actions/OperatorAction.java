package eu.ai4c.desktop.actions;

import eu.ai4c.desktop.form.ui.OperatorDialog;
import eu.ai4c.kit.op.OperatorDescriptor;
import java.awt.event.ActionEvent;
import java.util.Map;
import javax.swing.AbstractAction;
import javax.swing.Action;

/**
 * The menu action of one operator: opens its dialog ({@link OperatorDialog#open(String)}). One
 * class for all operators; the generated layer creates an instance per alias.
 */
public final class OperatorAction extends AbstractAction {
    private final String alias;

    public OperatorAction(String alias, String displayName) {
        super(displayName);
        this.alias = alias;
        putValue(Action.ACTION_COMMAND_KEY, alias);
    }

    /** Layer factory: reads the {@code alias} and {@code displayName} attributes of the instance file. */
    public static Action create(Map<String, ?> attributes) {
        String alias = String.valueOf(attributes.get("alias"));
        Object name = attributes.get("displayName");
        OperatorAction a = new OperatorAction(alias, name == null ? alias : name.toString());
        Object tip = attributes.get("ShortDescription");
        if (tip != null) a.putValue(Action.SHORT_DESCRIPTION, tip.toString());
        return a;
    }

    /** Menu text of an operator: its label and service name, e.g. {@code Warp (reproject) (Warp)...}. */
    public static String menuText(OperatorDescriptor d) {
        return d.label() + " (" + d.alias() + ")...";
    }

    public String alias() {
        return alias;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        OperatorDialog.open(alias);
    }
}
