package org.fengqiao.appeal.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealChannel;
import org.fengqiao.appeal.AppealStatus;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.appeal.Satisfaction;
import org.fengqiao.appeal.Urgency;
import org.fengqiao.organisation.OrganisationLevel;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.supervision.SupervisionLevel;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** The appeal representation: the record plus what the caller may do now. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AppealView(String id, String ticketNo, AppealType type, String typeLabel, AppealChannel channel, String gridId,
                  String description,
                  @Schema(description = "诉求人 (the appellant, whom the 回访 calls back): only in the single appeal's view "
                          + "(GET /api/appeals/{id} and the answers of POST) and only for the roles that work the appeal — "
                          + "its centre's triage officers and visitors, its lead department — the user who reported it and "
                          + "admins; null for everyone else, in lists, and when no contact was given")
                  ReporterView reporter,
                  Urgency urgency, String centreId, AppealStatus status, String statusLabel,
                  OrganisationLevel level, String leadDepartmentId, List<String> assistingDepartmentIds,
                  String timeLimit, OffsetDateTime dueAt, LocalDate dueDate, boolean overdue,
                  OffsetDateTime dispatchedAt, OffsetDateTime signedAt, ExtensionView extension, int returnCount,
                  int reopenCount, String feedback, OffsetDateTime feedbackAt, Satisfaction satisfaction,
                  String linkedDisputeId, OffsetDateTime closedAt, Boolean closedOnTime, List<SupervisionView> supervisions,
                  String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                  List<String> allowedActions, List<String> provisionalDeadlines) {

    /** The appellant's contact; personal data (see the field's description). */
    record ReporterView(String name, String phone) {
    }

    record ExtensionView(Integer extraDays, String reason, boolean pending, boolean approved) {
    }

    record SupervisionView(String id, SupervisionLevel level, String reason, OffsetDateTime issuedAt,
                           OffsetDateTime responseDueAt, OffsetDateTime closedAt) {
        static SupervisionView of(Supervision s) {
            return new SupervisionView(s.id(), s.level(), s.reason(), s.issuedAt(), s.responseDueAt(), s.closedAt());
        }
    }

    static AppealView of(Appeal a, boolean overdue, List<Supervision> supervisions, List<String> allowedActions,
                         Predicate<OffsetDateTime> provisional, boolean showReporter) {
        ReporterView reporter = showReporter && (a.reporterName() != null || a.reporterPhone() != null)
                ? new ReporterView(a.reporterName(), a.reporterPhone()) : null;
        ExtensionView extension = a.extensionDays() == null ? null
                : new ExtensionView(a.extensionDays(), a.extensionReason(), a.extensionPending(), a.extended());
        return new AppealView(a.id(), a.ticketNo(), a.type(), a.type().label(), a.channel(), a.gridId(), a.description(),
                reporter, a.urgency(), a.centreId(), a.status(), a.status().label(), a.level(), a.leadDepartmentId(),
                a.assistingDepartmentIds(), a.timeLimit(), a.dueAt(), a.dueAt() == null ? null : a.dueAt().toLocalDate(),
                overdue, a.dispatchedAt(), a.signedAt(), extension, a.returnCount(), a.reopenCount(), a.feedback(),
                a.feedbackAt(), a.satisfaction(), a.linkedDisputeId(), a.closedAt(), a.closedOnTime(),
                supervisions == null ? null : supervisions.stream().map(SupervisionView::of).toList(),
                a.processInstanceId(), a.createdBy(), a.createdAt(), a.updatedAt(), allowedActions,
                a.closedAt() == null && a.dueAt() != null && provisional.test(a.dueAt()) ? List.of("dueAt") : List.of());
    }
}
