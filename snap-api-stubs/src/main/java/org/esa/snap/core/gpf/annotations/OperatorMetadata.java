package org.esa.snap.core.gpf.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** SNAP's operator metadata annotation (same attributes and defaults as SNAP 13). */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OperatorMetadata {
    String alias();

    String label() default "";

    String version() default "";

    String authors() default "";

    String copyright() default "";

    String description() default "";

    String category() default "";

    boolean autoWriteDisabled() default false;

    boolean internal() default false;
}
