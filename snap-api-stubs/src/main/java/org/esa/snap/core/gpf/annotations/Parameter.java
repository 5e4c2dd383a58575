package org.esa.snap.core.gpf.annotations;

import com.bc.ceres.binding.Converter;
import com.bc.ceres.binding.Validator;
import com.bc.ceres.binding.dom.DomConverter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.esa.snap.core.datamodel.RasterDataNode;

/** SNAP's operator parameter annotation (same attributes and defaults as SNAP 13). */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Parameter {
    String alias() default "";

    String itemAlias() default "";

    String defaultValue() default "";

    String label() default "";

    String unit() default "";

    String description() default "";

    String[] valueSet() default {};

    String interval() default "";

    String condition() default "";

    String pattern() default "";

    String format() default "";

    boolean notNull() default false;

    boolean notEmpty() default false;

    Class<? extends Validator> validator() default Validator.class;

    Class<? extends Converter> converter() default Converter.class;

    Class<? extends DomConverter> domConverter() default DomConverter.class;

    Class<? extends RasterDataNode> rasterDataNodeType() default RasterDataNode.class;
}
