package org.fengqiao.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text the product stores: at most {@link #max()} characters (Unicode code points, so an emoji or a
 * rare CJK character counts once, as the contract's limits mean), no NUL and no broken UTF-16.
 * {@link Validation#TITLE_MAX}, {@link Validation#NAME_MAX}, {@link Validation#TEXT_MAX} are the
 * contract's limits. The OpenAPI document shows it as {@code maxLength}.
 */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Text, String> {
        private int max;

        @Override
        public void initialize(Text text) {
            this.max = text.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = null;
            if (value == null) {
                return true;
            } else if (!Validation.isStorableText(value)) {
                problem = "含有无效字符（NUL 或不成对的代理字符）(contains NUL or an unpaired surrogate)";
            } else if (value.codePointCount(0, value.length()) > max) {
                problem = "长度不能超过 " + max + " 个字符 (at most " + max + " characters)";
            }
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
