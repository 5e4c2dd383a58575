package org.opengis.referencing;

/**
 * GeoTools 28 {@code gt-opengis}'s {@code FactoryException}, thrown by SNAP's {@code CrsGeoCoding}
 * constructors. GeoAPI 3.0.2 (the org.opengis artifact on Central that Apache SIS uses, and the
 * one this module depends on) moved this class to {@code org.opengis.util}, so it is declared
 * here under gt-opengis's name; every other org.opengis type the adapters use has the same name
 * in both.
 */
public class FactoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public FactoryException(String message) {
        super(message);
    }

    public FactoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
