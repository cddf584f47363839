package org.fengqiao.dispute;

import java.util.ArrayList;
import java.util.List;

import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who sees a case and who may act on it. A case is visible to the organisations of the centre that
 * received it and of the organisation handling it (and their ancestors), to the case's mediators,
 * to court liaisons once a judicial confirmation was filed, and to admins. Checks run in the
 * contract's order: visibility (404), role (403), state (409).
 */
@Component
public class DisputeAccess {

    private final OrganisationDirectory organisations;

    DisputeAccess(OrganisationDirectory organisations) {
        this.organisations = organisations;
    }

    public DisputeCases.Scope scopeOf(Caller caller) {
        return new DisputeCases.Scope(caller.isAdmin(), organisations.reachableBy(caller), caller.userId(),
                caller.hasRole(Role.COURT.groupId()));
    }

    public boolean canSee(DisputeCase c, Caller caller, boolean hasConfirmation) {
        return caller.isAdmin()
                || organisations.reaches(caller, c.centreId())
                || organisations.reaches(caller, c.orgId())
                || c.isMediator(caller.userId())
                || (hasConfirmation && caller.hasRole(Role.COURT.groupId()));
    }

    /** Whether the caller holds the role the action needs for this case (state not considered). */
    public boolean hasRoleFor(DisputeAction action, DisputeCase c, Caller caller) {
        if (caller.isAdmin()) {
            return true;
        }
        return switch (action.actor()) {
            case TRIAGE_OFFICER -> caller.hasRole(Role.TRIAGE.groupId()) && organisations.reaches(caller, c.centreId());
            case ORG_ADMIN -> caller.hasRole(Role.ORG_ADMIN.groupId()) && organisations.reaches(caller, c.orgId());
            case ORG_STAFF -> (caller.hasRole(Role.ORG_ADMIN.groupId()) || caller.hasRole(Role.MEDIATOR.groupId()))
                    && organisations.reaches(caller, c.orgId());
            case CASE_MEDIATOR -> c.mediatorIds().isEmpty()
                    ? caller.hasRole(Role.MEDIATOR.groupId()) && organisations.reaches(caller, c.orgId())
                    : c.isMediator(caller.userId());
            case COURT -> caller.hasRole(Role.COURT.groupId());
            case VISITOR -> caller.hasRole(Role.VISITOR.groupId()) && inChain(c, caller);
            case SUPERVISOR -> caller.hasRole(Role.SUPERVISOR.groupId()) && inChain(c, caller);
            case CASE_WORKER -> (caller.hasRole(Role.TRIAGE.groupId()) && organisations.reaches(caller, c.centreId()))
                    || (caller.hasRole(Role.ORG_ADMIN.groupId()) && organisations.reaches(caller, c.orgId()))
                    || (c.mediatorIds().isEmpty()
                            ? caller.hasRole(Role.MEDIATOR.groupId()) && organisations.reaches(caller, c.orgId())
                            : c.isMediator(caller.userId()));
            case ARCHIVIST -> c.orgId() != null
                    ? caller.hasRole(Role.ORG_ADMIN.groupId()) && organisations.reaches(caller, c.orgId())
                    : (caller.hasRole(Role.TRIAGE.groupId()) || caller.hasRole(Role.ORG_ADMIN.groupId()))
                            && organisations.reaches(caller, c.centreId());
        };
    }

    private boolean inChain(DisputeCase c, Caller caller) {
        return organisations.reaches(caller, c.centreId()) || organisations.reaches(caller, c.orgId());
    }

    /** 403 unless the caller has the role, then 409 unless the state allows it. */
    public void require(DisputeAction action, DisputeCase c, Caller caller) {
        if (!hasRoleFor(action, c, caller)) {
            throw new ForbiddenException("用户 " + caller.userId() + " 无权对本案执行「" + action.label()
                    + "」(caller may not perform '" + action.path() + "' on this case)");
        }
        if (!action.allowedIn(c)) {
            throw action.refusal(c);
        }
    }

    /** The actions the caller may perform now. */
    public List<String> allowedActions(DisputeCase c, Caller caller) {
        List<String> result = new ArrayList<>();
        for (DisputeAction action : DisputeAction.values()) {
            if (action.allowedIn(c) && hasRoleFor(action, c, caller)) {
                result.add(action.path());
            }
        }
        return result;
    }
}
