package org.esa.snap.core.gpf;

/** SNAP API stub of GPF's {@code OperatorSpi}: the members the AI4C adapters use, SNAP 13 signatures. */
public abstract class OperatorSpi {

    protected OperatorSpi(Class<? extends Operator> operatorClass) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    protected OperatorSpi(Class<? extends Operator> operatorClass, String operatorAlias) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final Class<? extends Operator> getOperatorClass() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public final String getOperatorAlias() {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }

    public static String getOperatorAlias(Class<? extends Operator> operatorClass) {
        throw new UnsupportedOperationException("SNAP API stub: run inside SNAP");
    }
}
