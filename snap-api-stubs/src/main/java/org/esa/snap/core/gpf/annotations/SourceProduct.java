package org.esa.snap.core.gpf.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** SNAP's source product annotation (same attributes and defaults as SNAP 13). */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SourceProduct {
    boolean optional() default false;

    String type() default "";

    String[] bands() default {};

    String alias() default "";

    String description() default "";

    String label() default "";
}
