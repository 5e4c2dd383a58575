package org.esa.snap.core.gpf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Test stand-in for SNAP's operator registry. It finds operators as snap-gpf 13.0.2 does
 * ({@code OperatorSpiRegistryImpl.loadOperatorSpis} → {@code SystemUtils.loadServices(type)} →
 * {@code java.util.ServiceLoader.load(type)}), i.e. through the thread's context class loader:
 * inside SNAP Desktop that is the NetBeans system class loader, which reads the
 * {@code META-INF/services} files of every enabled module. An SPI that cannot be created is
 * logged and skipped, as there.
 */
public final class OperatorSpiRegistry {
    private static final Logger LOG = Logger.getLogger(OperatorSpiRegistry.class.getName());
    private final Map<String, OperatorSpi> byClassName = new LinkedHashMap<>();

    OperatorSpiRegistry() {
    }

    public synchronized void loadOperatorSpis() {
        var it = ServiceLoader.load(OperatorSpi.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) break;
                OperatorSpi spi = it.next();
                byClassName.putIfAbsent(spi.getClass().getName(), spi);
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, e.getMessage(), e.getCause());
            }
        }
        // snap-gpf's own operators come from its own services file; the one stand-in SNAP operator is added here
        var importVector = new org.esa.snap.core.gpf.common.ImportVectorOp.Spi();
        byClassName.putIfAbsent(importVector.getClass().getName(), importVector);
    }

    public synchronized Set<OperatorSpi> getOperatorSpis() {
        return new LinkedHashSet<>(byClassName.values());
    }

    /** By alias, then by the operator's class name, as snap-gpf 13.0.2's {@code getOperatorSpi}. */
    public synchronized OperatorSpi getOperatorSpi(String operatorName) {
        for (OperatorSpi spi : byClassName.values()) {
            if (operatorName.equals(spi.getOperatorAlias())) return spi;
        }
        for (OperatorSpi spi : byClassName.values()) {
            if (operatorName.equals(spi.getOperatorClass().getName())) return spi;
        }
        return null;
    }
}
