package eu.ai4c.s1.safe;

import eu.ai4c.kit.Ai4cException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A read-only view of one element of a SAFE XML file that fails loudly: every accessor that does
 * not find what the Sentinel-1 product specification promises throws an {@link Ai4cException}
 * naming the file and the element path ({@code calibration-….xml: calibrationVectorList/calibrationVector[3]/pixel}).
 * Elements are matched by local name, so namespace prefixes ({@code safe:}, {@code s1sarl1:}) do not matter.
 * Times without zone are UTC (as in all Sentinel-1 annotations). Immutable once parsed; not thread-safe
 * (DOM), use from the parsing thread only.
 */
final class SafeXml {
    private final Element element;
    private final String file;
    private final String path;

    private SafeXml(Element element, String file, String path) {
        this.element = element;
        this.file = file;
        this.path = path;
    }

    /** Parses a whole file; {@code fileName} is used in messages. */
    static SafeXml parse(byte[] bytes, String fileName) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // reported in the Ai4cException below, not printed on stderr
                }
            });
            Element root = b.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
            return new SafeXml(root, fileName, localName(root));
        } catch (Exception e) {
            throw new Ai4cException(fileName + " is not well-formed XML (" + e.getMessage()
                    + "): the product is damaged; download it again.", e);
        }
    }

    private static String localName(Node n) {
        String l = n.getLocalName();
        return l != null ? l : n.getNodeName();
    }

    String name() {
        return localName(element);
    }

    String file() {
        return file;
    }

    /** Path of this element in the file, for messages. */
    String path() {
        return path;
    }

    /** An error about this element. */
    Ai4cException error(String problem) {
        return new Ai4cException(file + ": " + path + " " + problem + ". The product does not follow the Sentinel-1"
                + " product specification; report it with the file name.");
    }

    /** The first child of that local name. */
    Optional<SafeXml> optChild(String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(name)) {
                return Optional.of(new SafeXml(e, file, path + "/" + name));
            }
        }
        return Optional.empty();
    }

    /** The first child of that local name; fails when missing. */
    SafeXml child(String name) {
        return optChild(name).orElseThrow(() -> error("has no <" + name + "> element"));
    }

    /** A descendant reached through a path of child names {@code a/b/c}. */
    SafeXml at(String slashPath) {
        SafeXml x = this;
        for (String p : slashPath.split("/")) x = x.child(p);
        return x;
    }

    Optional<SafeXml> optAt(String slashPath) {
        SafeXml x = this;
        for (String p : slashPath.split("/")) {
            Optional<SafeXml> c = x.optChild(p);
            if (c.isEmpty()) return c;
            x = c.get();
        }
        return Optional.of(x);
    }

    /** All children of that local name, in document order, indexed in their paths. */
    List<SafeXml> children(String name) {
        List<SafeXml> out = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(name)) {
                out.add(new SafeXml(e, file, path + "/" + name + "[" + out.size() + "]"));
            }
        }
        return out;
    }

    /** All descendants of that local name, depth first. */
    List<SafeXml> descendants(String name) {
        List<SafeXml> out = new ArrayList<>();
        org.w3c.dom.NodeList nl = element.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nl.getLength(); i++) {
            out.add(new SafeXml((Element) nl.item(i), file, path + "//" + name + "[" + i + "]"));
        }
        return out;
    }

    /** A list element's children, checked against its {@code count} attribute when present. */
    List<SafeXml> listItems(String itemName) {
        List<SafeXml> items = children(itemName);
        String count = element.getAttribute("count");
        if (!count.isEmpty() && parseIntOrFail(count.trim(), "count attribute") != items.size()) {
            throw error("declares count=\"" + count + "\" but has " + items.size() + " <" + itemName + "> elements");
        }
        return items;
    }

    String attribute(String name) {
        return element.getAttribute(name);
    }

    String text() {
        return element.getTextContent().trim();
    }

    String text(String child) {
        return child(child).text();
    }

    double doubleValue() {
        String t = text();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("holds \"" + abbreviate(t) + "\", not a number");
        }
    }

    double doubleValue(String child) {
        return child(child).doubleValue();
    }

    int intValue() {
        return parseIntOrFail(text(), "value");
    }

    int intValue(String child) {
        return child(child).intValue();
    }

    private int parseIntOrFail(String t, String what) {
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("has " + what + " \"" + abbreviate(t) + "\", not an integer");
        }
    }

    /** A UTC time such as {@code 2021-12-23T05:11:22.594441}. */
    Instant instant() {
        String t = text();
        try {
            if (t.endsWith("Z")) return Instant.parse(t);
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw error("holds \"" + abbreviate(t) + "\", not a UTC time");
        }
    }

    Instant instant(String child) {
        return child(child).instant();
    }

    /** A space-separated list of numbers, checked against the {@code count} attribute. */
    double[] doubles() {
        String t = element.getTextContent();
        double[] out = new double[countTokens(t)];
        int n = 0, i = 0, len = t.length();
        while (i < len) {
            while (i < len && t.charAt(i) <= ' ') i++;
            int s = i;
            while (i < len && t.charAt(i) > ' ') i++;
            if (i > s) {
                String tok = t.substring(s, i);
                try {
                    out[n++] = Double.parseDouble(tok);
                } catch (NumberFormatException e) {
                    throw error("value " + (n - 1) + " is \"" + abbreviate(tok) + "\", not a number");
                }
            }
        }
        checkCount(out.length);
        return out;
    }

    double[] doubles(String child) {
        return child(child).doubles();
    }

    /** A space-separated list of integers, checked against the {@code count} attribute. */
    int[] ints() {
        double[] d = doubles();
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
            if (out[i] != d[i]) throw error("value " + i + " is " + d[i] + ", not an integer");
        }
        return out;
    }

    int[] ints(String child) {
        return child(child).ints();
    }

    private void checkCount(int n) {
        String count = element.getAttribute("count");
        if (!count.isEmpty() && parseIntOrFail(count.trim(), "count attribute") != n) {
            throw error("declares count=\"" + count + "\" but holds " + n + " values");
        }
    }

    private static int countTokens(String t) {
        int n = 0;
        boolean in = false;
        for (int i = 0, len = t.length(); i < len; i++) {
            boolean tok = t.charAt(i) > ' ';
            if (tok && !in) n++;
            in = tok;
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
