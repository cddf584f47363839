package org.fengqiao.appeal;

import java.util.ArrayList;
import java.util.List;

import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.springframework.stereotype.Component;

/**
 * Who sees an appeal and who may act on it. Visible to the centre that received it (and the
 * organisations above), to its lead and assisting departments, to the reporter, and to admins.
 * Checks run in the contract's order: visibility (404), role (403), state (409).
 */
@Component
public class AppealAccess {

    private final OrganisationDirectory organisations;

    AppealAccess(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    Appeals.Scope scopeOf(Caller caller) {
        return new Appeals.Scope(caller.isAdmin() ? null : organisations.reachableBy(caller), caller.userId());
    }

    public boolean canSee(Appeal a, Caller caller) {
        return caller.isAdmin()
                || organisations.reaches(caller, a.centreId())
                || organisations.reaches(caller, a.leadDepartmentId())
                || a.assistingDepartmentIds.stream().anyMatch(d -> organisations.reaches(caller, d))
                || caller.userId().equals(a.createdBy());
    }

    /**
     * Whether the caller may see the appellant's contact (诉求人姓名、电话): personal data, for the roles
     * that work the appeal — whoever holds the role of one of its actions (the centre's triage officers,
     * the lead department, the centre's visitors who call back), whatever its status now — the person
     * who recorded it, and admins. Others who may see the appeal (assisting departments, supervisors,
     * clerks, organisations above without such a role) do not.
     */
    public boolean maySeeReporter(Appeal a, Caller caller) {
        return caller.isAdmin() || caller.userId().equals(a.createdBy)
                || java.util.Arrays.stream(AppealAction.Actor.values()).anyMatch(actor -> hasRole(actor, a, caller));
    }

    public boolean hasRoleFor(AppealAction action, Appeal a, Caller caller) {
        if (caller.isAdmin()) {
            return true;
        }
        return hasRole(action.actor(), a, caller);
    }

    private boolean hasRole(AppealAction.Actor actor, Appeal a, Caller caller) {
        return switch (actor) {
            case CENTRE -> caller.hasRole(Role.TRIAGE.groupId()) && organisations.reaches(caller, a.centreId());
            case DEPARTMENT -> caller.hasRole(Role.DEPARTMENT.groupId()) && organisations.reaches(caller, a.leadDepartmentId());
            case VISITOR -> caller.hasRole(Role.VISITOR.groupId()) && organisations.reaches(caller, a.centreId());
        };
    }

    public void require(AppealAction action, Appeal a, Caller caller) {
        if (!hasRoleFor(action, a, caller)) {
            throw new ForbiddenException("用户 " + caller.userId() + " 无权对本诉求执行「" + action.label()
                    + "」(caller may not perform '" + action.path() + "' on this appeal)");
        }
        if (!action.allowedIn(a)) {
            throw IllegalTransitionException.of(action.path(), a.status());
        }
    }

    public List<String> allowedActions(Appeal a, Caller caller) {
        List<String> result = new ArrayList<>();
        for (AppealAction action : AppealAction.values()) {
            if (action.allowedIn(a) && hasRoleFor(action, a, caller)) {
                result.add(action.path());
            }
        }
        return result;
    }
}
