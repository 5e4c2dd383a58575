package com.bc.ceres.binding;

/**
 * SNAP API stub of ceres-binding's {@code Converter}: declared only because it is the type (and default)
 * of a {@code @Parameter} attribute; the adapters call none of its methods.
 */
public interface Converter<T> {
}
