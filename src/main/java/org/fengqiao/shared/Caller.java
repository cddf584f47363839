package org.fengqiao.shared;

import java.util.List;
import java.util.Set;

/**
 * Who is acting: a user id, the user's Camunda groups (roles) and the organisations the user
 * belongs to. The same value serves the REST facade and the Tasklist door.
 */
public record Caller(String userId, Set<String> groups, Set<String> organisationIds) {

    public static final String ADMIN_GROUP = "camunda-admin";

    public boolean hasRole(String role) {
        return groups.contains(role) || isAdmin();
    }

    public boolean hasAnyRole(List<String> roles) {
        return isAdmin() || roles.stream().anyMatch(groups::contains);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }
}
