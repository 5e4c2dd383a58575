package org.esa.snap.core.gpf;

import org.esa.snap.core.gpf.annotations.OperatorMetadata;

/**
 * Test stand-in for GPF's {@code OperatorSpi} (shadows the throwing stub): the operator class and
 * its alias, which SNAP 13.0.2 takes from {@code @OperatorMetadata(alias)} and otherwise from the
 * class's simple name.
 */
public abstract class OperatorSpi {
    private final Class<? extends Operator> operatorClass;
    private final String operatorAlias;

    protected OperatorSpi(Class<? extends Operator> operatorClass) {
        this(operatorClass, getOperatorAlias(operatorClass));
    }

    protected OperatorSpi(Class<? extends Operator> operatorClass, String operatorAlias) {
        this.operatorClass = operatorClass;
        this.operatorAlias = operatorAlias;
    }

    public final Class<? extends Operator> getOperatorClass() {
        return operatorClass;
    }

    public final String getOperatorAlias() {
        return operatorAlias;
    }

    public static String getOperatorAlias(Class<? extends Operator> operatorClass) {
        OperatorMetadata m = operatorClass.getAnnotation(OperatorMetadata.class);
        return m != null && !m.alias().isEmpty() ? m.alias() : operatorClass.getSimpleName();
    }
}
