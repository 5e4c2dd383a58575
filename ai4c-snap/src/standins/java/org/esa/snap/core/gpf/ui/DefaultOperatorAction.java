package org.esa.snap.core.gpf.ui;

import java.awt.event.ActionEvent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.swing.AbstractAction;

/**
 * Test stand-in for snap-gpf-ui's {@code DefaultOperatorAction}: created from the layer attributes
 * by {@code create(Map)} (the keys it keeps are snap-gpf-ui 13.0.2's), it opens the operator's
 * generated dialog on {@code actionPerformed}.
 */
public class DefaultOperatorAction extends AbstractAction {
    private static final Set<String> KNOWN_KEYS = new HashSet<>(Arrays.asList(
            "displayName", "operatorName", "dialogTitle", "helpId", "targetProductNameSuffix"));
    private DefaultSingleTargetProductDialog dialog;

    public static DefaultOperatorAction create(Map<String, Object> properties) {
        DefaultOperatorAction action = new DefaultOperatorAction();
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (KNOWN_KEYS.contains(e.getKey())) action.putValue(e.getKey(), e.getValue());
        }
        return action;
    }

    public String getOperatorName() {
        return getValue("operatorName") instanceof String s ? s : null;
    }

    public String getDialogTitle() {
        return getValue("dialogTitle") instanceof String s ? s : null;
    }

    public String getHelpId() {
        return getValue("helpId") instanceof String s ? s : null;
    }

    @Override
    public void actionPerformed(ActionEvent e) {
        if (dialog == null) {
            dialog = new DefaultSingleTargetProductDialog(getOperatorName(), getDialogTitle(), getHelpId());
            if (getValue("targetProductNameSuffix") instanceof String suffix) dialog.setTargetProductNameSuffix(suffix);
        }
        dialog.show();
    }
}
