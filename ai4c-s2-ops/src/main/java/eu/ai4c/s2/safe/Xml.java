package eu.ai4c.s2.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Small DOM helpers for the SAFE metadata: elements are matched by local name (the SAFE schemas
 * prefix only the top-level elements, and the prefixes vary between versions). External entities
 * are disabled. Stateless.
 */
final class Xml {

    private Xml() {
    }

    /** Parses a document; {@code where} names the file for the message on failure. */
    static Element parse(InputStream in, String where) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Document d = b.parse(in);
            return d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new Ai4cException(where + " is not well-formed XML (" + e.getMessage()
                    + "); the product is damaged or incomplete: download it again.", e);
        }
    }

    /** Local name of an element, without prefix. */
    static String name(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName().substring(n.getNodeName().indexOf(':') + 1);
    }

    /** All descendants of that local name, in document order. */
    static List<Element> all(Element root, String localName) {
        NodeList nl = root.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) out.add((Element) nl.item(i));
        return out;
    }

    /** The first descendant of that local name. */
    static Optional<Element> first(Element root, String localName) {
        NodeList nl = root.getElementsByTagNameNS("*", localName);
        return nl.getLength() == 0 ? Optional.empty() : Optional.of((Element) nl.item(0));
    }

    /** The trimmed text of the first descendant of that local name. */
    static Optional<String> text(Element root, String localName) {
        return first(root, localName).map(e -> e.getTextContent().trim());
    }

    /** The direct children of that local name. */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name(e).equals(localName)) out.add(e);
        }
        return out;
    }

    /** The text of a required element, or an exception naming the file and the element. */
    static String required(Element root, String localName, String where) {
        return text(root, localName).orElseThrow(() -> new Ai4cException(where + " has no " + localName
                + " element; the metadata is incomplete or not Sentinel-2 SAFE metadata."));
    }

    /** A number of a required element. */
    static double number(String text, String element, String where) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new Ai4cException(where + ": " + element + " \"" + text + "\" is not a number; the metadata is damaged.");
        }
    }
}
