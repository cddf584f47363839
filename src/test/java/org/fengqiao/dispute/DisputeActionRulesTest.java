package org.fengqiao.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The contract's dispute action table: the statuses each action is legal in, its actor and path. */
class DisputeActionRulesTest {

    private static DisputeCase in(DisputeStatus status) {
        DisputeCase c = new DisputeCase();
        c.status = status;
        return c;
    }

    private static Set<DisputeStatus> legalStatuses(DisputeAction action) {
        Set<DisputeStatus> result = EnumSet.noneOf(DisputeStatus.class);
        for (DisputeStatus s : DisputeStatus.values()) {
            if (action.allowedIn(in(s))) {
                result.add(s);
            }
        }
        return result;
    }

    @Test
    void eachActionIsLegalExactlyInTheContractsStatuses() {
        assertThat(legalStatuses(DisputeAction.TRIAGE)).containsExactly(DisputeStatus.TRIAGE);
        assertThat(legalStatuses(DisputeAction.ACCEPTANCE)).containsExactly(DisputeStatus.ASSIGNED_PENDING_ACCEPT);
        assertThat(legalStatuses(DisputeAction.CONSENT)).containsExactly(DisputeStatus.CONSENT_PENDING);
        assertThat(legalStatuses(DisputeAction.MEDIATORS)).containsExactly(DisputeStatus.MEDIATOR_ASSIGNMENT);
        for (DisputeAction a : EnumSet.of(DisputeAction.RECUSAL, DisputeAction.SESSIONS, DisputeAction.EXTENSION,
                DisputeAction.ESCALATION, DisputeAction.AGREEMENT, DisputeAction.TERMINATION)) {
            assertThat(legalStatuses(a)).as(a.path()).containsExactly(DisputeStatus.IN_MEDIATION);
        }
        assertThat(legalStatuses(DisputeAction.JUDICIAL_CONFIRMATION)).containsExactly(DisputeStatus.PERFORMANCE_MONITORING);
        assertThat(legalStatuses(DisputeAction.PERFORMANCE)).containsExactly(DisputeStatus.PERFORMANCE_MONITORING);
        assertThat(legalStatuses(DisputeAction.COURT_DECISION)).containsExactly(DisputeStatus.JUDICIAL_CONFIRMATION);
        assertThat(legalStatuses(DisputeAction.RETURN_VISIT))
                .containsExactlyInAnyOrder(DisputeStatus.RETURN_VISIT, DisputeStatus.TERMINATED_NO_AGREEMENT);
        assertThat(legalStatuses(DisputeAction.REVIEW)).containsExactly(DisputeStatus.SUPERVISOR_REVIEW);
        assertThat(legalStatuses(DisputeAction.CLOSURE)).containsExactly(DisputeStatus.TERMINATED_NO_AGREEMENT);
        assertThat(legalStatuses(DisputeAction.WITHDRAWAL)).as("D2: before mediation only").containsExactlyInAnyOrder(
                DisputeStatus.TRIAGE, DisputeStatus.ASSIGNED_PENDING_ACCEPT, DisputeStatus.CONSENT_PENDING,
                DisputeStatus.MEDIATOR_ASSIGNMENT);
        assertThat(legalStatuses(DisputeAction.MATERIALS_RETURN)).as("nothing pending to return").isEmpty();
        assertThat(legalStatuses(DisputeAction.RISK_REPORT_DELIVERY)).as("no report step open").isEmpty();
        Set<DisputeStatus> open = EnumSet.complementOf(EnumSet.copyOf(DisputeCase.FINAL));
        open.remove(DisputeStatus.ARCHIVED);
        assertThat(legalStatuses(DisputeAction.RISK_REPORT)).as("D18: any open status").isEqualTo(open);
        assertThat(legalStatuses(DisputeAction.ARCHIVE)).containsExactlyInAnyOrder(DisputeStatus.CLOSED,
                DisputeStatus.REJECTED_NOT_ACCEPTED, DisputeStatus.TRANSFERRED_OUT);
    }

    @Test
    void aMediationPastItsDeadlineAllowsOnlyExtensionOrTermination() {
        DisputeCase overdue = in(DisputeStatus.IN_MEDIATION);
        overdue.overdue = true;
        for (DisputeAction a : DisputeAction.values()) {
            boolean expected = a == DisputeAction.EXTENSION || a == DisputeAction.TERMINATION || a == DisputeAction.RISK_REPORT;
            assertThat(a.allowedIn(overdue)).as(a.path()).isEqualTo(expected);
        }
        DisputeCase overdueElsewhere = in(DisputeStatus.PERFORMANCE_MONITORING);
        overdueElsewhere.overdue = true;
        assertThat(DisputeAction.PERFORMANCE.allowedIn(overdueElsewhere)).as("the flag binds only mediation").isTrue();
    }

    @Test
    void oneRiskReportStepAtATimeAndTheCourtsMaterialsGoBackBeforeClosure() {
        DisputeCase c = in(DisputeStatus.IN_MEDIATION);
        assertThat(DisputeAction.RISK_REPORT.allowedIn(c)).isTrue();
        assertThat(DisputeAction.RISK_REPORT_DELIVERY.allowedIn(c)).isFalse();
        c.riskReportDueAt = java.time.OffsetDateTime.parse("2026-12-05T10:00:00+08:00");
        assertThat(DisputeAction.RISK_REPORT.allowedIn(c)).isFalse();
        assertThat(DisputeAction.RISK_REPORT_DELIVERY.allowedIn(c)).isTrue();
        assertThat(DisputeAction.AGREEMENT.allowedIn(c)).as("mediation goes on meanwhile").isTrue();

        DisputeCase failed = in(DisputeStatus.TERMINATED_NO_AGREEMENT);
        failed.materialsReturnDueAt = java.time.OffsetDateTime.parse("2026-12-09T23:59:59+08:00");
        assertThat(DisputeAction.MATERIALS_RETURN.allowedIn(failed)).isTrue();
        assertThat(DisputeAction.CLOSURE.allowedIn(failed)).as("D20: materials first").isFalse();
        assertThat(DisputeAction.RETURN_VISIT.allowedIn(failed)).isFalse();
        assertThat(DisputeAction.RISK_REPORT.allowedIn(failed)).isTrue();
        failed.materialsReturnedAt = java.time.OffsetDateTime.parse("2026-12-07T10:00:00+08:00");
        assertThat(DisputeAction.MATERIALS_RETURN.allowedIn(failed)).isFalse();
        assertThat(DisputeAction.CLOSURE.allowedIn(failed)).isTrue();
        assertThat(DisputeAction.RETURN_VISIT.allowedIn(failed)).isTrue();
    }

    @Test
    void theCourtAcceptsOnceThenMayExtendOnce() {
        DisputeCase c = in(DisputeStatus.JUDICIAL_CONFIRMATION);
        assertThat(DisputeAction.COURT_ACCEPTANCE.allowedIn(c)).isTrue();
        assertThat(DisputeAction.COURT_EXTENSION.allowedIn(c)).as("D13: nothing to extend before the acceptance").isFalse();
        assertThat(DisputeAction.COURT_EXTENSION.refusal(c).getMessage()).isEqualTo(DisputeAction.NOT_ACCEPTED_YET);
        assertThat(DisputeAction.COURT_DECISION.allowedIn(c)).as("accepted and ruled at once").isTrue();
        c.courtAcceptedAt = java.time.OffsetDateTime.parse("2026-03-03T10:00:00+08:00");
        assertThat(DisputeAction.COURT_ACCEPTANCE.allowedIn(c)).isFalse();
        assertThat(DisputeAction.COURT_ACCEPTANCE.refusal(c).getMessage()).isEqualTo(DisputeAction.ALREADY_ACCEPTED);
        assertThat(DisputeAction.COURT_EXTENSION.allowedIn(c)).isTrue();
        c.courtReviewExtendedAt = java.time.OffsetDateTime.parse("2026-03-10T10:00:00+08:00");
        assertThat(DisputeAction.COURT_EXTENSION.allowedIn(c)).as("D13: one extension only").isFalse();
        assertThat(DisputeAction.COURT_EXTENSION.refusal(c).getMessage()).isEqualTo(DisputeAction.SECOND_EXTENSION)
                .contains("不得再次延长").contains("a second extension is not allowed");
        assertThat(DisputeAction.COURT_DECISION.allowedIn(c)).isTrue();
        assertThat(DisputeAction.COURT_DECISION.refusal(in(DisputeStatus.IN_MEDIATION)).getMessage())
                .contains("court-decision").contains("IN_MEDIATION");
        assertThat(legalStatuses(DisputeAction.COURT_ACCEPTANCE)).containsExactly(DisputeStatus.JUDICIAL_CONFIRMATION);
    }

    @Test
    void pathsLabelsAndActorsAreTheContracts() {
        assertThat(DisputeAction.ofPath("judicial-confirmation")).contains(DisputeAction.JUDICIAL_CONFIRMATION);
        assertThat(DisputeAction.ofPath("return-visit")).contains(DisputeAction.RETURN_VISIT);
        assertThat(DisputeAction.ofPath("no-such-action")).isEmpty();
        assertThat(DisputeAction.ARCHIVE.path()).isEqualTo("archive");
        assertThat(DisputeAction.ARCHIVE.label()).isEqualTo("立卷归档");
        assertThat(DisputeAction.COURT_DECISION.actor()).isEqualTo(DisputeAction.Actor.COURT);
        assertThat(DisputeAction.RECUSAL.actor()).isEqualTo(DisputeAction.Actor.CASE_MEDIATOR);
        assertThat(DisputeAction.CONSENT.actor()).isEqualTo(DisputeAction.Actor.ORG_STAFF);
        for (DisputeAction a : DisputeAction.values()) {
            assertThat(DisputeAction.ofPath(a.path())).contains(a);
            assertThat(a.label()).isNotBlank();
        }
    }
}
