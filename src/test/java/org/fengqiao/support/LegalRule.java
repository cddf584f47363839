package org.fengqiao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as exercising one flow rule of {@code ../shared/domain/legal-rules.md} (D1…D20,
 * C1…C21) and names where the rule is encoded. {@code LegalRulesTableTest} collects these into
 * {@code docs/legal-rules.md} and fails when a rule has no test, a named model element does not
 * exist, or the committed table differs from the annotations.
 * <p>
 * {@link #model()} entries are either {@code processes/<path>#<elementId>} (a BPMN/DMN element, an
 * id that must occur in that file) or {@code org.fengqiao.<Class>[#member]} (a domain class, and
 * optionally a method or field of it, that must exist).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(LegalRule.List.class)
public @interface LegalRule {

    /** The rule id, e.g. {@code "D7"} or {@code "C13"}. */
    String value();

    /** Where the rule is encoded: model elements and/or domain classes (at least one). */
    String[] model();

    /** Parts of the rule not encoded yet, said plainly; the table lists them so "met" is never overstated. */
    String[] gaps() default {};

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        LegalRule[] value();
    }
}
