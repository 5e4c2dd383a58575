package eu.ai4c.desktop.start;

import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;

/** Help → AI4C Start Page. */
@ActionID(category = "Help", id = "eu.ai4c.desktop.start.OpenStartPage")
@ActionRegistration(displayName = "AI4C Start Page")
@ActionReference(path = "Menu/Help", position = 50)
public final class OpenStartPage implements ActionListener {
    @Override
    public void actionPerformed(ActionEvent e) {
        StartPage.display();
    }
}
