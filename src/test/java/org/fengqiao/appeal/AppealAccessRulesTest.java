package org.fengqiao.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.fengqiao.organisation.OrganisationTree;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.support.MemoryDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The grid-appeal access rules over a real organisation tree, without a server (fast: mutation testing). */
class AppealAccessRulesTest {

    private static AppealAccess access;

    @BeforeAll
    static void tree() {
        access = new AppealAccess(new OrganisationTree(MemoryDatabase.migrated()).directory);
    }

    private static Caller caller(String user, String role, String org) {
        return new Caller(user, role == null ? Set.of() : Set.of(role), org == null ? Set.of() : Set.of(org));
    }

    static Appeal appeal(AppealStatus status, String centre, String lead, String... assisting) {
        Appeal a = new Appeal();
        a.id = "a1";
        a.status = status;
        a.type = AppealType.MINSHENG;
        a.centreId = centre;
        a.leadDepartmentId = lead;
        a.assistingDepartmentIds.addAll(List.of(assisting));
        a.createdBy = "grid1";
        return a;
    }

    @Test
    void visibleToTheCentreChainTheDepartmentsTheReporterAndAdmins() {
        Appeal a = appeal(AppealStatus.IN_PROGRESS, "county", "deptA", "deptB");
        assertThat(access.canSee(a, caller("admin", Caller.ADMIN_GROUP, null))).isTrue();
        assertThat(access.canSee(a, caller("t", "triage", "county"))).isTrue();
        assertThat(access.canSee(a, caller("t", "triage", "city"))).isTrue();
        assertThat(access.canSee(a, caller("d1", "department", "deptA"))).isTrue();
        assertThat(access.canSee(a, caller("d2", "department", "deptB"))).as("assisting department").isTrue();
        assertThat(access.canSee(a, caller("grid1", "gridworker", "townA"))).as("the reporter").isTrue();
        assertThat(access.canSee(a, caller("grid2", "gridworker", "townA"))).isFalse();
        assertThat(access.canSee(a, caller("x", "triage", "otherCounty"))).isFalse();
        Appeal undispatched = appeal(AppealStatus.REPORTED, "county", null);
        assertThat(access.canSee(undispatched, caller("d1", "department", "deptA"))).isFalse();

        Appeals.Scope admin = access.scopeOf(caller("admin", Caller.ADMIN_GROUP, null));
        assertThat(admin.organisations()).as("admin: unrestricted").isNull();
        Appeals.Scope triage = access.scopeOf(caller("t", "triage", "county"));
        assertThat(triage.organisations()).contains("county", "deptA").doesNotContain("city");
        assertThat(triage.userId()).isEqualTo("t");
    }

    @Test
    void centreDepartmentAndVisitorActorsAndTheCheckOrder() {
        Appeal a = appeal(AppealStatus.DISPATCHED, "county", "deptA", "deptB");
        Caller triage = caller("t", "triage", "county");
        Caller lead = caller("d1", "department", "deptA");
        Caller assisting = caller("d2", "department", "deptB");
        Caller visitor = caller("v", "visitor", "county");
        Caller farVisitor = caller("v2", "visitor", "otherCounty");

        assertThat(access.hasRoleFor(AppealAction.DISPATCH, a, triage)).isTrue();
        assertThat(access.hasRoleFor(AppealAction.DISPATCH, a, caller("t2", "triage", "otherCounty"))).isFalse();
        assertThat(access.hasRoleFor(AppealAction.DISPATCH, a, lead)).isFalse();
        assertThat(access.hasRoleFor(AppealAction.SIGN, a, lead)).isTrue();
        assertThat(access.hasRoleFor(AppealAction.SIGN, a, assisting)).as("only the lead department signs").isFalse();
        assertThat(access.hasRoleFor(AppealAction.SIGN, a, triage)).isFalse();
        assertThat(access.hasRoleFor(AppealAction.RETURN_VISIT, a, visitor)).isTrue();
        assertThat(access.hasRoleFor(AppealAction.RETURN_VISIT, a, farVisitor)).isFalse();
        assertThat(access.hasRoleFor(AppealAction.RETURN_VISIT, a, lead)).isFalse();
        for (AppealAction action : AppealAction.values()) {
            assertThat(access.hasRoleFor(action, a, caller("admin", Caller.ADMIN_GROUP, null))).isTrue();
        }

        access.require(AppealAction.SIGN, a, lead);
        assertThatThrownBy(() -> access.require(AppealAction.REVIEW, a, lead)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("d1").hasMessageContaining("中心审核");
        assertThatThrownBy(() -> access.require(AppealAction.REVIEW, a, triage)).isInstanceOf(IllegalTransitionException.class);
        assertThat(access.allowedActions(a, lead)).containsExactly("sign", "return", "extension", "feedback");
        assertThat(access.allowedActions(a, triage)).isEmpty();
        assertThat(access.allowedActions(a, assisting)).isEmpty();
    }

    @Test
    void anExtensionRequestBlocksTheDepartmentUntilTheCentreDecides() {
        Appeal a = appeal(AppealStatus.IN_PROGRESS, "county", "deptA");
        assertThat(AppealAction.EXTENSION_APPROVAL.allowedIn(a)).isFalse();
        assertThat(AppealAction.EXTENSION.allowedIn(a)).isTrue();
        a.extensionPending = true;
        assertThat(AppealAction.EXTENSION_APPROVAL.allowedIn(a)).isTrue();
        for (AppealAction blocked : List.of(AppealAction.SIGN, AppealAction.RETURN, AppealAction.EXTENSION, AppealAction.FEEDBACK)) {
            assertThat(blocked.allowedIn(a)).as(blocked.path()).isFalse();
        }
        a.extensionPending = false;
        a.extended = true;
        assertThat(AppealAction.EXTENSION.allowedIn(a)).as("one extension only").isFalse();
        assertThat(AppealAction.FEEDBACK.allowedIn(a)).isTrue();
        assertThat(AppealAction.RETURN.allowedIn(a)).isTrue();
    }

    @Test
    void eachActionIsLegalInItsStatusesAndOnlyDisputesBecomeDisputes() {
        Appeal a = appeal(AppealStatus.REPORTED, "county", null);
        assertThat(AppealAction.TRIAGE.allowedIn(a)).isTrue();
        assertThat(AppealAction.TO_DISPUTE.allowedIn(a)).as("a livelihood appeal").isFalse();
        a.type = AppealType.DISPUTE;
        assertThat(AppealAction.TO_DISPUTE.allowedIn(a)).isTrue();
        assertThat(AppealAction.DISPATCH.allowedIn(a)).isFalse();
        a.status = AppealStatus.TRIAGE;
        assertThat(AppealAction.DISPATCH.allowedIn(a)).isTrue();
        assertThat(AppealAction.TRIAGE.allowedIn(a)).isFalse();
        a.status = AppealStatus.FEEDBACK_SUBMITTED;
        assertThat(AppealAction.REVIEW.allowedIn(a)).isTrue();
        assertThat(AppealAction.FEEDBACK.allowedIn(a)).isFalse();
        a.status = AppealStatus.CLOSED;
        for (AppealAction action : AppealAction.values()) {
            assertThat(action.allowedIn(a)).as(action.path() + " on a closed appeal").isFalse();
        }
        assertThat(AppealAction.ofPath("extension-approval")).contains(AppealAction.EXTENSION_APPROVAL);
        assertThat(AppealAction.ofPath("nothing")).isEmpty();
        assertThat(AppealAction.SIGN.label()).isEqualTo("签收");
        assertThat(AppealAction.SIGN.actor()).isEqualTo(AppealAction.Actor.DEPARTMENT);
    }
}
