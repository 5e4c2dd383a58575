package eu.ai4c.snap.codegen;

import eu.ai4c.snap.AdapterNames;
import java.util.List;

/** The JavaHelp map ({@code map.jhm}) and table of contents ({@code toc.xml}) of the operator pages. */
final class HelpIndex {

    private HelpIndex() {
    }

    static String map(List<SnapLayer.Entry> entries) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE map PUBLIC \"-//Sun Microsystems Inc.//DTD JavaHelp Map Version 2.0//EN\" \"http://java.sun.com/products/javahelp/map_2_0.dtd\">\n")
                .append("<map version=\"2.0\">\n    <mapID target=\"top\" url=\"overview.html\"/>\n");
        for (SnapLayer.Entry e : entries) {
            String id = AdapterNames.helpId(e.descriptor().alias());
            x.append("    <mapID target=\"").append(id).append("\" url=\"").append(id).append(".html\"/>\n");
        }
        return x.append("</map>\n").toString();
    }

    static String toc(List<SnapLayer.Entry> entries) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE toc PUBLIC \"-//Sun Microsystems Inc.//DTD JavaHelp TOC Version 2.0//EN\" \"http://java.sun.com/products/javahelp/toc_2_0.dtd\">\n")
                .append("<toc version=\"2.0\">\n    <tocitem text=\"AI4Copernicus\" target=\"top\">\n");
        for (SnapLayer.Entry e : entries) {
            x.append("        <tocitem text=\"").append(SnapLayer.esc(e.displayName())).append("\" target=\"")
                    .append(AdapterNames.helpId(e.descriptor().alias())).append("\"/>\n");
        }
        return x.append("    </tocitem>\n</toc>\n").toString();
    }
}
