package com.bc.ceres.binding.dom;

/**
 * SNAP API stub of ceres-binding's {@code DomConverter}: declared only because it is the type (and
 * default) of a {@code @Parameter} attribute; the adapters call none of its methods.
 */
public interface DomConverter {
}
