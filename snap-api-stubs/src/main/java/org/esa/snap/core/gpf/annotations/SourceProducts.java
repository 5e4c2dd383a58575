package org.esa.snap.core.gpf.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** SNAP's annotation of a {@code Product[]} source field (same attributes and defaults as SNAP 13). */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface SourceProducts {
    String alias() default "";

    int count() default 0;

    String type() default "";

    String[] bands() default {};

    String description() default "";

    String label() default "";

    boolean canBeMultisize() default true;
}
