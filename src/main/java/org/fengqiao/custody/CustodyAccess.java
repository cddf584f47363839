package org.fengqiao.custody;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who sees an item and who may do what with it now. The REST facade (allowedActions, 404/403/409)
 * and the process listeners (the Tasklist door) ask the same questions here.
 * <ul>
 *   <li>Visibility: custodians see every item; other users see the items of their agency (the
 *       handling agency, the controlling agency, or the receiving agency of a pending transfer).
 *       An item in a RESTRICTED zone (专区) is visible only to the zone's owner agency and the
 *       custodians (domain §6.4).</li>
 *   <li>Roles: officers register, hand over and request; department heads approve; custodians
 *       inspect, take back and execute — and a custodian who is one of the case's officers may not
 *       (办案与保管相分离, C11); a requester never approves his own request.</li>
 * </ul>
 */
@Component
public class CustodyAccess {

    public static final String OFFICER = Role.OFFICER.groupId();
    public static final String DEPARTMENT_HEAD = Role.DEPARTMENT_HEAD.groupId();
    public static final String CUSTODIAN = Role.CUSTODIAN.groupId();
    public static final String CCDI = Role.CCDI.groupId();
    public static final String AGENCY_HEAD = Role.AGENCY_HEAD.groupId();
    public static final String CHIEF_PROCURATOR = Role.CHIEF_PROCURATOR.groupId();

    /** Every action of the contract's custody section, in the order they are offered. */
    public static final List<String> ACTIONS = List.of("handover", "inspection", "loan-request", "loan-approval",
            "loan-return", "transfer", "transfer-receipt", "remote-display", "disposal-request", "disposal-approval",
            "disposal-execution", "refund", "handover-deferral", "loan-extension", "measure-extension", "handover-disposal",
            "measure-appraisal");

    private final OrganisationDirectory directory;
    private final Zones zones;
    private final PropertyCases cases;
    private final IdentityService identity;

    CustodyAccess(OrganisationDirectory directory, Zones zones, PropertyCases cases, IdentityService identity) {
        this.directory = directory;
        this.zones = zones;
        this.cases = cases;
        this.identity = identity;
    }

    /** The caller behind a user id (seeds, the Tasklist door): Camunda groups and organisations. */
    public Caller callerOf(String userId, List<String> knownGroups) {
        Set<String> groups = knownGroups != null ? new HashSet<>(knownGroups)
                : identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        return new Caller(userId, Set.copyOf(groups), directory.organisationsOf(userId));
    }

    public boolean userExists(String userId) {
        return userId != null && identity.createUserQuery().userId(userId).count() > 0;
    }

    /** Whether the user belongs to one of the caller's organisations. */
    public boolean sharesOrganisation(String userId, Caller caller) {
        return directory.organisationsOf(userId).stream().anyMatch(caller.organisationIds()::contains);
    }

    /** The user's display name (first name in the identity service), or null for an unknown user. */
    public String displayName(String userId) {
        org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? null : user.getFirstName();
    }

    public boolean userHasRole(String userId, String role) {
        return identity.createUserQuery().userId(userId).memberOfGroup(role).count() > 0;
    }

    /** The agency an organisation belongs to: itself, or the nearest ancestor that is not a department. */
    public String agencyOf(String orgId) {
        for (Organisation o : directory.pathToRoot(orgId)) {
            if (o.type() != OrganisationType.DEPARTMENT) {
                return o.id();
            }
        }
        return orgId;
    }

    public OrganisationType agencyType(String orgId) {
        return directory.get(agencyOf(orgId)).type();
    }

    public boolean organisationExists(String orgId) {
        return directory.find(orgId).isPresent();
    }

    public Set<String> agenciesOf(Caller caller) {
        Set<String> result = new LinkedHashSet<>();
        caller.organisationIds().forEach(o -> result.add(agencyOf(o)));
        return result;
    }

    /** The caller's first organisation (a department for officers): where approvals are routed. */
    public String homeOrganisation(Caller caller) {
        return caller.organisationIds().stream().sorted().findFirst().orElse(null);
    }

    public boolean isCustodian(Caller caller) {
        return caller.hasRole(CUSTODIAN);
    }

    /** Agencies whose items the caller sees; {@code null} = all (custodians and administrators). */
    public Set<String> visibleScopes(Caller caller) {
        return isCustodian(caller) ? null : agenciesOf(caller);
    }

    /** Restricted zones (专区) the caller may not look into. */
    public List<String> hiddenZones(Caller caller) {
        if (isCustodian(caller)) {
            return List.of();
        }
        Set<String> agencies = agenciesOf(caller);
        List<String> hidden = new ArrayList<>();
        for (Zone zone : zones.all()) {
            if (zone.restricted() && !agencies.contains(agencyOf(zone.ownerAgencyId()))) {
                hidden.add(zone.id());
            }
        }
        return hidden;
    }

    public boolean canSee(Caller caller, PropertyItem item) {
        if (isCustodian(caller)) {
            return true;
        }
        Set<String> agencies = agenciesOf(caller);
        Zone zone = zones.find(item.zoneId()).orElse(null);
        if (zone != null && zone.restricted()) {
            return agencies.contains(agencyOf(zone.ownerAgencyId()));
        }
        return agencies.contains(item.handlingScope()) || agencies.contains(item.controllingScope())
                || (item.transferToScope() != null && agencies.contains(item.transferToScope()));
    }

    public void requireVisible(Caller caller, PropertyItem item) {
        if (!canSee(caller, item)) {
            throw new NotFoundException("财物 (property item)", item.id());
        }
    }

    // --- actions ------------------------------------------------------------------------------

    public boolean stateAllows(PropertyItem item, String action) {
        ItemStatus s = item.status();
        return switch (action) {
            case "handover", "handover-deferral", "handover-disposal" -> s == ItemStatus.PENDING_HANDOVER;
            case "inspection" -> s == ItemStatus.HANDOVER_INSPECTION;
            case "loan-request", "remote-display" -> s == ItemStatus.IN_STORAGE;
            // registered-not-held property (C2) is transferred on record and released or disposed like stored property
            case "transfer", "disposal-request" -> s == ItemStatus.IN_STORAGE || s == ItemStatus.REGISTERED_NOT_HELD;
            case "loan-approval" -> s == ItemStatus.LOAN_REQUESTED;
            case "loan-return", "loan-extension" -> s == ItemStatus.ON_LOAN;
            case "transfer-receipt" -> s == ItemStatus.IN_TRANSFER;
            case "disposal-approval" -> s == ItemStatus.DISPOSAL_REQUESTED;
            case "disposal-execution" -> s == ItemStatus.DISPOSAL_APPROVED;
            case "measure-appraisal" -> item.measureDueAt() != null
                    && s != ItemStatus.DISPOSED && s != ItemStatus.EXCEPTION_DAMAGED_OR_LOST;
            case "measure-extension" -> item.measureDueAt() != null && item.measureExtendedBy() == null
                    && s != ItemStatus.DISPOSED && s != ItemStatus.EXCEPTION_DAMAGED_OR_LOST;
            case "refund" -> s == ItemStatus.DISPOSED && item.disposalType() == DisposalType.UNCLAIMED_TO_TREASURY
                    && item.refundedAt() == null;
            default -> false;
        };
    }

    /** Why the caller may not perform the action (role or separation of duties), or null. */
    public String roleRefusal(Caller caller, PropertyItem item, String action) {
        return roleRefusal(caller, item, cases.find(item.caseId()).orElseThrow(), agenciesOf(caller), action);
    }

    private String roleRefusal(Caller caller, PropertyItem item, PropertyCase propertyCase, Set<String> agencies,
                               String action) {
        boolean caseOfficer = propertyCase.officerIds().contains(caller.userId());
        boolean ownAgency = caller.isAdmin() || agencies.contains(item.controllingScope());
        return switch (action) {
            case "handover" -> caseSide(caller, ownAgency, List.of(OFFICER, CCDI));
            case "loan-request", "transfer", "disposal-request" ->
                    caseSide(caller, ownAgency, List.of(OFFICER, DEPARTMENT_HEAD, CCDI));
            case "inspection", "loan-return", "disposal-execution" -> custodianSide(caller, caseOfficer);
            case "loan-approval", "loan-extension" -> approval(caller, ownAgency, DEPARTMENT_HEAD, item.loanRequestedBy());
            case "disposal-approval" -> approval(caller, ownAgency, item.disposalApproverRoles().isEmpty()
                    ? List.of(DEPARTMENT_HEAD) : item.disposalApproverRoles(), item.disposalRequestedBy());
            case "measure-extension" -> caseSide(caller, ownAgency, List.of(AGENCY_HEAD));
            case "handover-deferral" -> caseSide(caller, ownAgency, List.of(OFFICER, DEPARTMENT_HEAD, CCDI));
            // C1: disposal within 24 h instead of the hand-over, approved by the department head (or higher)
            case "handover-disposal" -> caseSide(caller, ownAgency, List.of(DEPARTMENT_HEAD, AGENCY_HEAD, CHIEF_PROCURATOR));
            // C5: the case side records an appraisal's time, which the measure's period does not count
            case "measure-appraisal" -> caseSide(caller, ownAgency, List.of(OFFICER, DEPARTMENT_HEAD, AGENCY_HEAD));
            case "refund" -> caseSide(caller, ownAgency, List.of(OFFICER, DEPARTMENT_HEAD, AGENCY_HEAD, CCDI));
            case "transfer-receipt" -> caller.isAdmin()
                    || (item.transferToScope() != null && agencies.contains(item.transferToScope())) ? null
                    : "只有接收机关的人员可以签收移送 (only the receiving agency signs the receipt)";
            case "remote-display" -> isCustodian(caller) ? null
                    : caseSide(caller, ownAgency, List.of(OFFICER, DEPARTMENT_HEAD, CCDI));
            default -> "未知操作 (unknown action)";
        };
    }

    private static String caseSide(Caller caller, boolean ownAgency, List<String> roles) {
        if (!caller.hasAnyRole(roles)) {
            return "该操作需要角色 " + roles + " (requires one of the roles " + roles + ")";
        }
        return ownAgency ? null : "只有控制该财物的机关可以办理 (only the controlling agency may act)";
    }

    private static String custodianSide(Caller caller, boolean caseOfficer) {
        if (!caller.hasRole(CUSTODIAN)) {
            return "该操作由保管员办理 (only custodians perform this step)";
        }
        return caseOfficer ? "办案人员不得保管本案财物 (case officers may not keep the case's property, C11)" : null;
    }

    private static String approval(Caller caller, boolean ownAgency, String role, String requester) {
        return approval(caller, ownAgency, List.of(role), requester);
    }

    /**
     * An approver needs one of the roles the law names for the decision (the disposal DMN's
     * {@code approverRoles}: e.g. only the agency's head for a pre-trial return, only the 检察长 in a
     * procuratorate) — one below that level is refused (C13, C14).
     */
    private static String approval(Caller caller, boolean ownAgency, List<String> roles, String requester) {
        if (!caller.hasAnyRole(roles)) {
            return "审批需要角色 " + roles + "，审批人层级不足 (approval requires one of the roles " + roles + ")";
        }
        if (!ownAgency) {
            return "只有控制该财物的机关可以审批 (only the controlling agency approves)";
        }
        return Objects.equals(caller.userId(), requester)
                ? "申请人不得审批自己的申请 (the requester may not approve the own request)" : null;
    }

    /** 404, then 403, then 409 — the contract's precedence before any content is looked at. */
    public void require(Caller caller, PropertyItem item, String action) {
        requireVisible(caller, item);
        String refusal = roleRefusal(caller, item, action);
        if (refusal != null) {
            throw new ForbiddenException(refusal);
        }
        if (!stateAllows(item, action)) {
            throw IllegalTransitionException.of(action, item.status());
        }
    }

    public List<String> allowedActions(Caller caller, PropertyItem item) {
        if (!canSee(caller, item)) {
            return List.of();
        }
        PropertyCase propertyCase = cases.find(item.caseId()).orElseThrow();
        Set<String> agencies = agenciesOf(caller);
        return ACTIONS.stream().filter(a -> stateAllows(item, a)
                && roleRefusal(caller, item, propertyCase, agencies, a) == null).toList();
    }
}
