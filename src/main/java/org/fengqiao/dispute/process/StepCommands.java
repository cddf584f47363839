package org.fengqiao.dispute.process;

import org.fengqiao.dispute.AgreementForm;
import org.fengqiao.dispute.AssignmentMode;
import org.fengqiao.dispute.Complexity;
import org.fengqiao.dispute.CourtResult;
import org.fengqiao.dispute.DisputeAction;
import org.fengqiao.dispute.DisputeCommands.*;
import org.fengqiao.dispute.InformedRoute;
import org.fengqiao.dispute.MediationType;
import org.fengqiao.dispute.NotAcceptReason;
import org.fengqiao.dispute.PerformanceStatus;
import org.fengqiao.dispute.ReportedTo;
import org.fengqiao.dispute.RespondentConsent;
import org.fengqiao.dispute.ReviewDecision;
import org.fengqiao.dispute.RiskLevel;
import org.fengqiao.dispute.Satisfaction;
import org.fengqiao.dispute.SelectedBy;
import org.fengqiao.dispute.TriageDecision;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.shared.process.StepVariables;

/** Builds the domain command of a step from its submitted variables (field names of the REST contract). */
final class StepCommands {

    private StepCommands() {
    }

    static Object parse(DisputeAction action, StepVariables v) {
        return switch (action) {
            case TRIAGE -> new Triage(v.enumOf("decision", TriageDecision.class), v.enumOf("mediationType", MediationType.class),
                    v.enumOf("level", OrganisationLevel.class), v.string("orgId"),
                    v.enumOf("assignmentMode", AssignmentMode.class), v.enumOf("complexity", Complexity.class),
                    v.enumOf("riskLevel", RiskLevel.class), v.integer("dueInDays"),
                    v.enumOf("reason", NotAcceptReason.class), v.string("reasonText"), v.string("transferTo"));
            case ACCEPTANCE -> new Acceptance(v.bool("accepted"), v.string("reason"));
            case CONSENT -> new Consent(v.enumOf("respondentConsent", RespondentConsent.class), v.string("notes"));
            case MEDIATORS -> new Mediators(v.string("presidingMediatorId"), v.strings("mediatorIds"),
                    v.enumOf("selectedBy", SelectedBy.class), v.dateTime("materialsReceivedAt"));
            case RECUSAL -> new Recusal(v.string("requestedBy"), v.string("grounds"), v.string("replacementMediatorId"));
            case SESSIONS -> new Session(v.dateTime("heldAt"), v.string("place"), v.string("minutes"),
                    v.bool("rightsNoticeDelivered"));
            case EXTENSION -> new Extension(v.integer("extraDays"), v.bool("allPartiesConsent"), v.string("reason"));
            case ESCALATION -> new Escalation(v.enumOf("toLevel", OrganisationLevel.class), v.string("reason"));
            case AGREEMENT -> new Agreement(v.enumOf("form", AgreementForm.class), v.string("terms"),
                    v.date("performanceDeadline"), v.decimal("amount"), v.dateTime("effectiveAt"),
                    v.strings("signedBy"), v.bool("sealed"), v.dateTime("signedAt"));
            case TERMINATION -> new Termination(v.string("reason"), v.enums("routesInformed", InformedRoute.class));
            case JUDICIAL_CONFIRMATION -> new JudicialConfirmation(v.string("court"), v.dateTime("filedAt"),
                    v.strings("applicants"));
            case COURT_ACCEPTANCE -> new CourtAcceptance(v.dateTime("acceptedAt"), v.string("courtCaseNo"));
            case COURT_EXTENSION -> new CourtExtension(v.string("reason"));
            case COURT_DECISION -> new CourtDecision(v.enumOf("result", CourtResult.class), v.string("notes"));
            case PERFORMANCE -> new Performance(v.enumOf("status", PerformanceStatus.class), v.string("evidence"));
            case RETURN_VISIT -> new ReturnVisit(v.enumOf("satisfaction", Satisfaction.class),
                    v.enumOf("performanceStatus", PerformanceStatus.class), v.string("notes"));
            case REVIEW -> new Review(v.enumOf("decision", ReviewDecision.class), v.string("reason"));
            case CLOSURE -> new Closure(v.string("notes"));
            case ARCHIVE -> new Archive(v.string("volumeNo"), v.integer("retentionYears"));
            case WITHDRAWAL -> new Withdrawal(v.string("requestedBy"), v.string("reason"));
            case MATERIALS_RETURN -> new MaterialsReturn(v.dateTime("returnedAt"), v.string("receivedBy"), v.string("notes"));
            case RISK_REPORT -> new RiskReport(v.enumOf("riskLevel", RiskLevel.class), v.enumOf("reportedTo", ReportedTo.class),
                    v.string("description"));
            case RISK_REPORT_DELIVERY -> new RiskReportDelivery(v.dateTime("deliveredAt"), v.string("receivedBy"),
                    v.string("notes"));
        };
    }
}
