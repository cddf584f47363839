package org.fengqiao.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.fengqiao.organisation.OrganisationTree;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.support.MemoryDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The custody access rules without a server: who sees an item (404, the 专区), which role each
 * action needs (403: case side, custodian side, approval level, requester ≠ approver, C11
 * separation) and which status allows it (409), over a real organisation tree and the product's
 * schema in memory; the identity service is a small fake. Fast enough for mutation testing
 * (profile {@code mutation}).
 */
class CustodyAccessRulesTest {

    /** police (an agency) with its department and a team inside it; procuratorate; a centre. */
    private static final String POLICE = "deptA";
    private static final String POLICE_DEPT = "deptA-crim";
    private static final String POLICE_TEAM = "deptA-crim-team";
    private static final String OTHER = "deptB";
    private static final String OTHER_DEPT = "deptB-office";
    private static final String CASE_ID = "case-1";

    /** Users of the fake identity service: first name and groups. */
    private static final Map<String, User> USERS = Map.of(
            "officer1", user("officer1", "张警官"), "custodian1", user("custodian1", "李保管"));
    private static final Map<String, List<String>> GROUPS = Map.of(
            "officer1", List.of("officer", "deptA-officer"), "custodian1", List.of("custodian"));

    private static CustodyAccess access;

    @BeforeAll
    static void setUp() {
        JdbcClient jdbc = MemoryDatabase.migrated();
        OrganisationTree tree = new OrganisationTree(jdbc).with(POLICE_DEPT, OrganisationType.DEPARTMENT, POLICE)
                .with(POLICE_TEAM, OrganisationType.DEPARTMENT, POLICE_DEPT)
                .with(OTHER_DEPT, OrganisationType.DEPARTMENT, OTHER).member("officer1", POLICE_TEAM);
        Zones zones = new Zones(jdbc);
        zones.save(new Zone("Z-ORD", "普通库区", ZoneType.ORDINARY, null, List.of("A-01")), 1);
        zones.save(new Zone("Z-SPECIAL", "纪委专区", ZoneType.RESTRICTED, OTHER_DEPT, List.of("S-01")), 2);
        PropertyCases cases = new PropertyCases(jdbc);
        cases.insert(new PropertyCase(CASE_ID, 1, "岚公刑字〔2026〕1号", "盗窃案", CaseType.CRIMINAL, POLICE_DEPT, POLICE,
                List.of("officer1", "custodian2"), "officer1", OffsetDateTime.parse("2026-03-02T10:00:00+08:00"), null, null,
                null, null, null, null));
        access = new CustodyAccess(tree.directory, zones, cases, identity());
    }

    private static Caller caller(String user, Set<String> roles, String... orgs) {
        return new Caller(user, roles, Set.of(orgs));
    }

    private static Caller officer(String user, String... orgs) {
        return caller(user, Set.of(CustodyAccess.OFFICER), orgs);
    }

    private static PropertyItem item(ItemStatus status) {
        PropertyItem item = new PropertyItem();
        item.id = "item-1";
        item.caseId = CASE_ID;
        item.status = status;
        item.handlingScope = POLICE;
        item.controllingScope = POLICE;
        item.zoneId = "Z-ORD";
        return item;
    }

    @Test
    void agenciesAreTheNearestOrganisationThatIsNotADepartment() {
        assertThat(access.agencyOf(POLICE_TEAM)).isEqualTo(POLICE);
        assertThat(access.agencyOf(POLICE_DEPT)).isEqualTo(POLICE);
        assertThat(access.agencyOf(POLICE)).isEqualTo(POLICE);
        assertThat(access.agencyOf("no-such-org")).as("unknown: itself").isEqualTo("no-such-org");
        assertThat(access.agencyType(POLICE_TEAM)).isEqualTo(OrganisationType.ADMINISTRATIVE_ORGAN);
        assertThat(access.agencyType("court")).isEqualTo(OrganisationType.COURT);
        assertThat(access.organisationExists(POLICE_DEPT)).isTrue();
        assertThat(access.organisationExists("no-such-org")).isFalse();
        assertThat(access.agenciesOf(caller("u", Set.of(), POLICE_TEAM, OTHER_DEPT))).containsExactlyInAnyOrder(POLICE, OTHER);
        assertThat(access.homeOrganisation(caller("u", Set.of(), POLICE_TEAM, POLICE_DEPT))).isEqualTo(POLICE_DEPT);
        assertThat(access.homeOrganisation(caller("u", Set.of()))).isNull();
    }

    @Test
    void identityQuestionsGoToTheIdentityService() {
        Caller known = access.callerOf("officer1", null);
        assertThat(known.groups()).containsExactlyInAnyOrder("officer", "deptA-officer");
        assertThat(known.userId()).isEqualTo("officer1");
        assertThat(known.organisationIds()).containsExactly(POLICE_TEAM);
        Caller given = access.callerOf("officer1", List.of("custodian"));
        assertThat(given.groups()).containsExactly("custodian");
        assertThat(access.userExists("officer1")).isTrue();
        assertThat(access.userExists("ghost")).isFalse();
        assertThat(access.userExists(null)).isFalse();
        assertThat(access.displayName("officer1")).isEqualTo("张警官");
        assertThat(access.displayName("ghost")).isNull();
        assertThat(access.userHasRole("officer1", "officer")).isTrue();
        assertThat(access.userHasRole("officer1", "custodian")).isFalse();
        assertThat(access.userHasRole("ghost", "officer")).isFalse();
    }

    @Test
    void sharingAnOrganisationNeedsTheSameOrganisation() {
        assertThat(access.sharesOrganisation("officer1", officer("x", POLICE_TEAM))).isTrue();
        assertThat(access.sharesOrganisation("officer1", officer("x", POLICE_DEPT, OTHER))).as("a parent is not the same").isFalse();
        assertThat(access.sharesOrganisation("custodian1", officer("x", POLICE_TEAM))).as("no organisation").isFalse();
    }

    @Test
    void custodiansSeeEverythingOthersTheirAgencysItemsAndOnlyTheOwnerTheRestrictedZone() {
        Caller custodian = caller("c", Set.of(CustodyAccess.CUSTODIAN), "county");
        Caller police = officer("p", POLICE_TEAM);
        Caller other = officer("o", OTHER_DEPT);
        PropertyItem item = item(ItemStatus.IN_STORAGE);
        assertThat(access.isCustodian(custodian)).isTrue();
        assertThat(access.isCustodian(police)).isFalse();
        assertThat(access.visibleScopes(custodian)).isNull();
        assertThat(access.visibleScopes(police)).containsExactly(POLICE);
        assertThat(access.canSee(custodian, item)).isTrue();
        assertThat(access.canSee(police, item)).isTrue();
        assertThat(access.canSee(other, item)).isFalse();

        item.handlingScope = OTHER;
        assertThat(access.canSee(other, item)).as("the handling agency").isTrue();
        item.handlingScope = POLICE;
        item.controllingScope = OTHER;
        assertThat(access.canSee(other, item)).as("the controlling agency").isTrue();
        item.controllingScope = POLICE;
        item.transferToScope = OTHER;
        assertThat(access.canSee(other, item)).as("the receiving agency of a transfer").isTrue();
        item.transferToScope = null;

        item.zoneId = "Z-SPECIAL";
        assertThat(access.canSee(police, item)).as("专区: not even the handling agency").isFalse();
        assertThat(access.canSee(other, item)).as("专区: the owner agency").isTrue();
        assertThat(access.canSee(custodian, item)).isTrue();
        assertThat(access.hiddenZones(police)).containsExactly("Z-SPECIAL");
        assertThat(access.hiddenZones(other)).isEmpty();
        assertThat(access.hiddenZones(custodian)).isEmpty();
        item.zoneId = "no-such-zone";
        assertThat(access.canSee(police, item)).as("an unknown zone restricts nothing").isTrue();

        assertThatThrownBy(() -> access.requireVisible(other, item(ItemStatus.IN_STORAGE)))
                .isInstanceOf(NotFoundException.class);
        access.requireVisible(police, item(ItemStatus.IN_STORAGE));
    }

    @Test
    void eachActionIsAllowedInItsStatusesOnly() {
        Map<String, List<ItemStatus>> legal = Map.ofEntries(
                Map.entry("handover", List.of(ItemStatus.PENDING_HANDOVER)),
                Map.entry("handover-deferral", List.of(ItemStatus.PENDING_HANDOVER)),
                Map.entry("inspection", List.of(ItemStatus.HANDOVER_INSPECTION)),
                Map.entry("loan-request", List.of(ItemStatus.IN_STORAGE)),
                Map.entry("remote-display", List.of(ItemStatus.IN_STORAGE)),
                Map.entry("transfer", List.of(ItemStatus.IN_STORAGE, ItemStatus.REGISTERED_NOT_HELD)),
                Map.entry("disposal-request", List.of(ItemStatus.IN_STORAGE, ItemStatus.REGISTERED_NOT_HELD)),
                Map.entry("loan-approval", List.of(ItemStatus.LOAN_REQUESTED)),
                Map.entry("loan-return", List.of(ItemStatus.ON_LOAN)),
                Map.entry("loan-extension", List.of(ItemStatus.ON_LOAN)),
                Map.entry("transfer-receipt", List.of(ItemStatus.IN_TRANSFER)),
                Map.entry("disposal-approval", List.of(ItemStatus.DISPOSAL_REQUESTED)),
                Map.entry("disposal-execution", List.of(ItemStatus.DISPOSAL_APPROVED)));
        for (Map.Entry<String, List<ItemStatus>> e : legal.entrySet()) {
            List<ItemStatus> allowed = new ArrayList<>();
            for (ItemStatus s : ItemStatus.values()) {
                if (access.stateAllows(item(s), e.getKey())) {
                    allowed.add(s);
                }
            }
            assertThat(allowed).as(e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
        }
        assertThat(access.stateAllows(item(ItemStatus.IN_STORAGE), "no-such-action")).isFalse();
    }

    @Test
    void anAdministrativeMeasureIsExtendedOnceWhileTheItemIsHeld() {
        PropertyItem item = item(ItemStatus.IN_STORAGE);
        assertThat(access.stateAllows(item, "measure-extension")).as("no measure period").isFalse();
        item.measureDueAt = OffsetDateTime.parse("2026-04-01T23:59:59+08:00");
        assertThat(access.stateAllows(item, "measure-extension")).isTrue();
        item.status = ItemStatus.DISPOSED;
        assertThat(access.stateAllows(item, "measure-extension")).isFalse();
        item.status = ItemStatus.EXCEPTION_DAMAGED_OR_LOST;
        assertThat(access.stateAllows(item, "measure-extension")).isFalse();
        item.status = ItemStatus.ON_LOAN;
        assertThat(access.stateAllows(item, "measure-extension")).isTrue();
        item.measureExtendedBy = "head1";
        assertThat(access.stateAllows(item, "measure-extension")).as("C5: once").isFalse();
    }

    @Test
    void aRefundFollowsOnlyAnUnclaimedItemPaidToTheTreasuryAndOnlyOnce() {
        PropertyItem item = item(ItemStatus.DISPOSED);
        item.disposalType = DisposalType.UNCLAIMED_TO_TREASURY;
        assertThat(access.stateAllows(item, "refund")).isTrue();
        item.refundedAt = OffsetDateTime.parse("2026-05-01T10:00:00+08:00");
        assertThat(access.stateAllows(item, "refund")).isFalse();
        item.refundedAt = null;
        item.disposalType = DisposalType.DESTROY;
        assertThat(access.stateAllows(item, "refund")).isFalse();
        item.disposalType = DisposalType.UNCLAIMED_TO_TREASURY;
        item.status = ItemStatus.IN_STORAGE;
        assertThat(access.stateAllows(item, "refund")).isFalse();
    }

    @Test
    void theCaseSideActsInTheControllingAgencyWithTheRightRole() {
        PropertyItem item = item(ItemStatus.IN_STORAGE);
        Caller police = officer("p", POLICE_TEAM);
        Caller head = caller("h", Set.of(CustodyAccess.DEPARTMENT_HEAD), POLICE_DEPT);
        Caller ccdi = caller("d", Set.of(CustodyAccess.CCDI), POLICE);
        Caller otherOfficer = officer("o", OTHER_DEPT);
        Caller clerk = caller("c", Set.of("clerk"), POLICE);
        Caller admin = caller("admin", Set.of(Caller.ADMIN_GROUP));
        Caller agencyHead = caller("a", Set.of(CustodyAccess.AGENCY_HEAD), POLICE);
        assertThat(access.roleRefusal(police, item, "handover")).isNull();
        assertThat(access.roleRefusal(ccdi, item, "handover")).isNull();
        assertThat(access.roleRefusal(head, item, "handover")).as("a head does not hand over").contains("requires one of the roles");
        assertThat(access.roleRefusal(otherOfficer, item, "handover")).contains("only the controlling agency");
        assertThat(access.roleRefusal(admin, item, "handover")).isNull();
        for (String action : List.of("loan-request", "transfer", "disposal-request", "handover-deferral")) {
            assertThat(access.roleRefusal(police, item, action)).as(action).isNull();
            assertThat(access.roleRefusal(head, item, action)).as(action).isNull();
            assertThat(access.roleRefusal(ccdi, item, action)).as(action).isNull();
            assertThat(access.roleRefusal(clerk, item, action)).as(action).contains("requires one of the roles");
            assertThat(access.roleRefusal(otherOfficer, item, action)).as(action).contains("only the controlling agency");
        }
        assertThat(access.roleRefusal(agencyHead, item, "measure-extension")).isNull();
        assertThat(access.roleRefusal(head, item, "measure-extension")).as("C5: the agency's head").contains("requires");
        for (Caller c : List.of(police, head, agencyHead, ccdi)) {
            assertThat(access.roleRefusal(c, item, "refund")).as(c.userId()).isNull();
        }
        assertThat(access.roleRefusal(clerk, item, "refund")).contains("requires");
        assertThat(access.roleRefusal(police, item, "no-such-action")).contains("unknown action");
    }

    @Test
    void custodiansInspectTakeBackAndExecuteButNotInTheirOwnCase() {
        PropertyItem item = item(ItemStatus.HANDOVER_INSPECTION);
        Caller custodian = caller("custodian1", Set.of(CustodyAccess.CUSTODIAN), "county");
        Caller caseOfficerCustodian = caller("custodian2", Set.of(CustodyAccess.CUSTODIAN), "county");
        Caller police = officer("p", POLICE);
        for (String action : List.of("inspection", "loan-return", "disposal-execution")) {
            assertThat(access.roleRefusal(custodian, item, action)).as(action).isNull();
            assertThat(access.roleRefusal(police, item, action)).as(action).contains("only custodians");
            assertThat(access.roleRefusal(caseOfficerCustodian, item, action)).as("C11 " + action).contains("C11");
        }
        // remote display: custodians, or the case side of the controlling agency
        assertThat(access.roleRefusal(custodian, item, "remote-display")).isNull();
        assertThat(access.roleRefusal(police, item, "remote-display")).isNull();
        assertThat(access.roleRefusal(officer("o", OTHER), item, "remote-display")).contains("only the controlling agency");
    }

    @Test
    void approvalsNeedTheLevelTheAgencyAndSomeoneElseThanTheRequester() {
        PropertyItem item = item(ItemStatus.LOAN_REQUESTED);
        item.loanRequestedBy = "p";
        Caller head = caller("h", Set.of(CustodyAccess.DEPARTMENT_HEAD), POLICE_DEPT);
        Caller requestingHead = caller("p", Set.of(CustodyAccess.DEPARTMENT_HEAD), POLICE_DEPT);
        Caller otherHead = caller("h2", Set.of(CustodyAccess.DEPARTMENT_HEAD), OTHER_DEPT);
        Caller police = officer("o", POLICE);
        for (String action : List.of("loan-approval", "loan-extension")) {
            assertThat(access.roleRefusal(head, item, action)).as(action).isNull();
            assertThat(access.roleRefusal(requestingHead, item, action)).as(action).contains("may not approve the own request");
            assertThat(access.roleRefusal(otherHead, item, action)).as(action).contains("only the controlling agency approves");
            assertThat(access.roleRefusal(police, item, action)).as(action).contains("approval requires");
        }

        PropertyItem disposal = item(ItemStatus.DISPOSAL_REQUESTED);
        disposal.disposalRequestedBy = "p";
        assertThat(access.roleRefusal(head, disposal, "disposal-approval")).as("default: the department head").isNull();
        disposal.disposalApproverRoles = CustodyAccess.AGENCY_HEAD + "," + CustodyAccess.CHIEF_PROCURATOR;
        assertThat(access.roleRefusal(head, disposal, "disposal-approval")).as("C13: a level too low")
                .contains("审批人层级不足");
        Caller agencyHead = caller("a", Set.of(CustodyAccess.AGENCY_HEAD), POLICE);
        Caller chief = caller("c", Set.of(CustodyAccess.CHIEF_PROCURATOR), POLICE);
        assertThat(access.roleRefusal(agencyHead, disposal, "disposal-approval")).isNull();
        assertThat(access.roleRefusal(chief, disposal, "disposal-approval")).isNull();
        Caller requester = caller("p", Set.of(CustodyAccess.AGENCY_HEAD), POLICE);
        assertThat(access.roleRefusal(requester, disposal, "disposal-approval")).contains("may not approve the own request");
    }

    @Test
    void onlyTheReceivingAgencySignsForATransfer() {
        PropertyItem item = item(ItemStatus.IN_TRANSFER);
        assertThat(access.roleRefusal(officer("o", OTHER_DEPT), item, "transfer-receipt")).contains("only the receiving agency");
        item.transferToScope = OTHER;
        assertThat(access.roleRefusal(officer("o", OTHER_DEPT), item, "transfer-receipt")).isNull();
        assertThat(access.roleRefusal(officer("p", POLICE), item, "transfer-receipt")).contains("only the receiving agency");
        assertThat(access.roleRefusal(caller("admin", Set.of(Caller.ADMIN_GROUP)), item, "transfer-receipt")).isNull();
    }

    @Test
    void requireAnswers404Then403Then409AndAllowedActionsCombineStateAndRole() {
        PropertyItem stored = item(ItemStatus.IN_STORAGE);
        Caller police = officer("p", POLICE_TEAM);
        Caller custodian = caller("custodian1", Set.of(CustodyAccess.CUSTODIAN), "county");
        Caller stranger = officer("o", OTHER_DEPT);

        assertThatThrownBy(() -> access.require(stranger, stored, "inspection")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.require(police, stored, "inspection")).as("403 before 409")
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("only custodians");
        assertThatThrownBy(() -> access.require(police, stored, "handover")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("handover");
        access.require(police, stored, "loan-request");

        assertThat(access.allowedActions(police, stored)).containsExactly("loan-request", "transfer", "remote-display",
                "disposal-request");
        assertThat(access.allowedActions(custodian, stored)).containsExactly("remote-display");
        assertThat(access.allowedActions(stranger, stored)).isEmpty();
        assertThat(access.allowedActions(police, item(ItemStatus.PENDING_HANDOVER)))
                .containsExactly("handover", "handover-deferral");
        assertThat(CustodyAccess.ACTIONS).hasSize(17).doesNotHaveDuplicates()
                .contains("handover-disposal", "measure-appraisal"); // C1 and C5
    }

    // --- a small fake of Camunda's identity service ----------------------------------------------

    private static User user(String id, String firstName) {
        return (User) Proxy.newProxyInstance(User.class.getClassLoader(), new Class<?>[] {User.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getFirstName" -> firstName;
                    default -> null;
                });
    }

    private static Group group(String id) {
        return (Group) Proxy.newProxyInstance(Group.class.getClassLoader(), new Class<?>[] {Group.class},
                (proxy, method, args) -> "getId".equals(method.getName()) ? id : null);
    }

    private static IdentityService identity() {
        return (IdentityService) Proxy.newProxyInstance(IdentityService.class.getClassLoader(),
                new Class<?>[] {IdentityService.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "createUserQuery" -> userQuery();
                    case "createGroupQuery" -> groupQuery();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static UserQuery userQuery() {
        String[] filter = new String[2]; // userId, group
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(UserQuery.class.getClassLoader(), new Class<?>[] {UserQuery.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "userId" -> filter[0] = (String) args[0];
                        case "memberOfGroup" -> filter[1] = (String) args[0];
                        case "count" -> {
                            return (long) matchingUsers(filter).size();
                        }
                        case "singleResult" -> {
                            List<User> users = matchingUsers(filter);
                            return users.isEmpty() ? null : users.get(0);
                        }
                        case "list" -> {
                            return matchingUsers(filter);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return self[0];
                });
        return (UserQuery) self[0];
    }

    private static List<User> matchingUsers(String[] filter) {
        User user = USERS.get(filter[0]);
        if (user == null || (filter[1] != null && !GROUPS.get(filter[0]).contains(filter[1]))) {
            return List.of();
        }
        return List.of(user);
    }

    private static GroupQuery groupQuery() {
        String[] member = new String[1];
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(GroupQuery.class.getClassLoader(), new Class<?>[] {GroupQuery.class},
                (proxy, method, args) -> {
                    if ("groupMember".equals(method.getName())) {
                        member[0] = (String) args[0];
                        return self[0];
                    }
                    if ("list".equals(method.getName())) {
                        return GROUPS.getOrDefault(member[0], List.of()).stream().map(CustodyAccessRulesTest::group).toList();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (GroupQuery) self[0];
    }
}
