package org.fengqiao.dispute;

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

/**
 * The dispute access rules without a server: who sees a case (404), who holds the role for each
 * action (403) and in which order the checks run (403 before 409), over a real organisation tree.
 * Fast enough for mutation testing (profile {@code mutation}).
 */
class DisputeAccessRulesTest {

    private static DisputeAccess access;

    @BeforeAll
    static void tree() {
        access = new DisputeAccess(new OrganisationTree(MemoryDatabase.migrated()).directory);
    }

    private static Caller caller(String user, String role, String org) {
        return new Caller(user, role == null ? Set.of() : Set.of(role), org == null ? Set.of() : Set.of(org));
    }

    private static DisputeCase dispute(DisputeStatus status, String centre, String org, String... mediators) {
        DisputeCase c = new DisputeCase();
        c.id = "d1";
        c.status = status;
        c.centreId = centre;
        c.orgId = org;
        c.mediatorIds.addAll(List.of(mediators));
        return c;
    }

    @Test
    void visibilityFollowsTheCentreTheHandlingOrganisationTheMediatorsAndTheCourtOnceFiled() {
        DisputeCase c = dispute(DisputeStatus.IN_MEDIATION, "county", "townA", "m1");
        assertThat(access.canSee(c, caller("admin", Caller.ADMIN_GROUP, null), false)).isTrue();
        assertThat(access.canSee(c, caller("t", "triage", "county"), false)).isTrue();
        assertThat(access.canSee(c, caller("t", "triage", "city"), false)).as("an ancestor of the centre").isTrue();
        assertThat(access.canSee(c, caller("o", "orgadmin", "townA"), false)).isTrue();
        assertThat(access.canSee(c, caller("o", "orgadmin", "townB"), false)).as("a sibling committee").isFalse();
        assertThat(access.canSee(c, caller("x", "triage", "otherCounty"), false)).isFalse();
        assertThat(access.canSee(c, caller("m1", "mediator", "townB"), false)).as("the case's own mediator").isTrue();
        assertThat(access.canSee(c, caller("m2", "mediator", "townB"), false)).isFalse();
        assertThat(access.canSee(c, caller("judge", "court", "court"), false)).as("court before filing").isFalse();
        assertThat(access.canSee(c, caller("judge", "court", "court"), true)).as("court after filing").isTrue();
        assertThat(access.canSee(c, caller("clerk", "mediator", "court"), true)).as("not a court role").isFalse();
        assertThat(access.canSee(dispute(DisputeStatus.TRIAGE, "county", null), caller("o", "orgadmin", "townA"), false))
                .as("no organisation yet").isFalse();
    }

    @Test
    void scopeCarriesAdminReachableOrganisationsUserAndCourt() {
        DisputeCases.Scope admin = access.scopeOf(caller("admin", Caller.ADMIN_GROUP, null));
        assertThat(admin.everything()).isTrue();
        DisputeCases.Scope triage = access.scopeOf(caller("t", "triage", "county"));
        assertThat(triage.everything()).isFalse();
        assertThat(triage.organisations()).contains("county", "townA", "townB", "court").doesNotContain("city", "otherCounty");
        assertThat(triage.userId()).isEqualTo("t");
        assertThat(triage.court()).isFalse();
        assertThat(access.scopeOf(caller("judge", "court", "court")).court()).isTrue();
    }

    @Test
    void eachActorIsTheRoleInTheRightOrganisation() {
        DisputeCase assigned = dispute(DisputeStatus.IN_MEDIATION, "county", "townA", "m1");
        Caller triage = caller("t", "triage", "county");
        Caller orgadmin = caller("o", "orgadmin", "townA");
        Caller otherOrgadmin = caller("o2", "orgadmin", "townB");
        Caller mediator = caller("m1", "mediator", "townA");
        Caller colleague = caller("m3", "mediator", "townA");
        Caller visitor = caller("v", "visitor", "county");
        Caller farVisitor = caller("v2", "visitor", "otherCounty");
        Caller supervisor = caller("s", "supervisor", "city");
        Caller court = caller("judge", "court", "court");

        assertThat(access.hasRoleFor(DisputeAction.TRIAGE, assigned, triage)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.TRIAGE, assigned, caller("t2", "triage", "otherCounty"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.TRIAGE, assigned, orgadmin)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.ACCEPTANCE, assigned, orgadmin)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.ACCEPTANCE, assigned, otherOrgadmin)).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.ACCEPTANCE, assigned, mediator)).as("staff is not admin").isFalse();

        assertThat(access.hasRoleFor(DisputeAction.CONSENT, assigned, mediator)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.CONSENT, assigned, orgadmin)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.CONSENT, assigned, caller("m2", "mediator", "townB"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.CONSENT, assigned, triage)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.AGREEMENT, assigned, mediator)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.AGREEMENT, assigned, colleague)).as("not the case's mediator").isFalse();
        DisputeCase noMediatorYet = dispute(DisputeStatus.IN_MEDIATION, "county", "townA");
        assertThat(access.hasRoleFor(DisputeAction.AGREEMENT, noMediatorYet, colleague)).as("any mediator of the organisation").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.AGREEMENT, noMediatorYet, caller("m2", "mediator", "townB"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.AGREEMENT, noMediatorYet, orgadmin)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.COURT_DECISION, assigned, court)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.COURT_DECISION, assigned, mediator)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.RETURN_VISIT, assigned, visitor)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.RETURN_VISIT, assigned, caller("v3", "visitor", "townA"))).as("in the org chain").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.RETURN_VISIT, assigned, farVisitor)).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.RETURN_VISIT, assigned, triage)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.REVIEW, assigned, supervisor)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.REVIEW, assigned, caller("s2", "supervisor", "otherCounty"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.REVIEW, assigned, visitor)).isFalse();

        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, assigned, orgadmin)).as("handling organisation archives").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, assigned, triage)).isFalse();
        DisputeCase neverAssigned = dispute(DisputeStatus.REJECTED_NOT_ACCEPTED, "county", null);
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, neverAssigned, triage)).as("centre archives unassigned").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, neverAssigned, caller("o3", "orgadmin", "county"))).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, neverAssigned, orgadmin)).as("a committee below does not").isFalse();
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, neverAssigned, caller("t3", "triage", "otherCounty"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.ARCHIVE, neverAssigned, visitor)).isFalse();

        DisputeCase beforeMediation = dispute(DisputeStatus.CONSENT_PENDING, "county", "townA");
        assertThat(access.hasRoleFor(DisputeAction.WITHDRAWAL, beforeMediation, triage)).as("case worker: centre triage").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.WITHDRAWAL, beforeMediation, orgadmin)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.WITHDRAWAL, beforeMediation, colleague)).as("any mediator before assignment").isTrue();
        assertThat(access.hasRoleFor(DisputeAction.WITHDRAWAL, beforeMediation, otherOrgadmin)).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.WITHDRAWAL, beforeMediation, visitor)).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.RISK_REPORT, assigned, mediator)).isTrue();
        assertThat(access.hasRoleFor(DisputeAction.RISK_REPORT, assigned, colleague)).as("after assignment: the case's mediators").isFalse();
        assertThat(access.hasRoleFor(DisputeAction.RISK_REPORT, assigned, caller("t5", "triage", "otherCounty"))).isFalse();
        assertThat(access.hasRoleFor(DisputeAction.RISK_REPORT, assigned, caller("o5", "mediator", "county"))).isFalse();

        Caller admin = caller("admin", Caller.ADMIN_GROUP, null);
        for (DisputeAction action : DisputeAction.values()) {
            assertThat(access.hasRoleFor(action, assigned, admin)).as("admin: " + action).isTrue();
        }
    }

    @Test
    void roleIsCheckedBeforeStateAndAllowedActionsCombineBoth() {
        DisputeCase inMediation = dispute(DisputeStatus.IN_MEDIATION, "county", "townA", "m1");
        Caller mediator = caller("m1", "mediator", "townA");
        Caller stranger = caller("m2", "mediator", "townB");

        access.require(DisputeAction.AGREEMENT, inMediation, mediator);
        assertThatThrownBy(() -> access.require(DisputeAction.ARCHIVE, inMediation, stranger))
                .as("no role and wrong state: 403 first").isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("m2").hasMessageContaining("立卷归档");
        assertThatThrownBy(() -> access.require(DisputeAction.PERFORMANCE, inMediation, mediator))
                .as("role held, wrong state: 409").isInstanceOf(IllegalTransitionException.class);

        assertThat(access.allowedActions(inMediation, mediator))
                .containsExactly("recusal", "sessions", "extension", "escalation", "agreement", "termination", "risk-report");
        assertThat(access.allowedActions(inMediation, stranger)).isEmpty();
        inMediation.overdue = true;
        assertThat(access.allowedActions(inMediation, mediator)).containsExactly("extension", "termination", "risk-report");
    }
}
