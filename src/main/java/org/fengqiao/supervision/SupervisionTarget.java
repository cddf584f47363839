package org.fengqiao.supervision;

import java.util.Optional;

import org.fengqiao.shared.Caller;

/**
 * Implemented by each module whose records can be supervised (disputes, appeals, …): tells whether
 * a target exists and is visible to a caller, and its business number. Keeps this module free of
 * dependencies on the modules it supervises.
 */
public interface SupervisionTarget {

    /** The {@code targetType} this bean answers for, e.g. {@code APPEAL}. */
    String targetType();

    /** The target's business number if it exists and the caller may see it. */
    Optional<String> visibleRef(String targetId, Caller caller);
}
