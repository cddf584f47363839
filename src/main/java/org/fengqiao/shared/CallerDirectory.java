package org.fengqiao.shared;

import java.util.Set;

/** Resolves a user's organisation memberships; implemented by the organisation module. */
public interface CallerDirectory {

    Set<String> organisationsOf(String userId);
}
