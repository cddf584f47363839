package org.fengqiao.dispute.process;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeDeadlines;
import org.fengqiao.dispute.DisputeRecords;
import org.fengqiao.dispute.Party;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.springframework.stereotype.Component;

/**
 * The variables a dispute's process instance carries: ids, who the next step is for (candidate
 * groups along the organisation chain), the timers' dates and a read-only summary the Tasklist
 * forms show. Recomputed from the case after every step; never whole documents.
 */
@Component
class DisputeProcessVariables {

    private final OrganisationDirectory organisations;
    private final DisputeDeadlines deadlines;
    private final WorkingCalendar calendar;
    private final DisputeRecords records;

    DisputeProcessVariables(OrganisationDirectory organisations, DisputeDeadlines deadlines, WorkingCalendar calendar,
                            DisputeRecords records) {
        this.organisations = organisations;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.records = records;
    }

    Map<String, Object> of(DisputeCase c) {
        Map<String, Object> v = new HashMap<>();
        v.put(DisputeProcess.CASE_ID, c.id());
        v.put("caseNo", c.caseNo());
        v.put("caseTitle", c.title());
        v.put("caseStatus", c.status().label());
        v.put("caseSummary", summary(c));
        v.put("caseParties", parties(c.parties()));
        v.put("caseDeadline", deadline(c));
        v.put("triageGroups", groups(Role.TRIAGE, c.centreId(), null));
        v.put("orgAdminGroups", c.orgId() == null ? Caller.ADMIN_GROUP : groups(Role.ORG_ADMIN, c.orgId(), null));
        v.put("orgStaffGroups", c.orgId() == null ? Caller.ADMIN_GROUP
                : groups(Role.ORG_ADMIN, c.orgId(), null) + "," + groups(Role.MEDIATOR, c.orgId(), null));
        v.put("presidingMediatorId", c.presidingMediatorId());
        v.put("mediatorUsers", c.mediatorIds().isEmpty() ? Caller.ADMIN_GROUP : String.join(",", c.mediatorIds()));
        v.put("visitorGroups", groups(Role.VISITOR, c.centreId(), c.orgId()));
        v.put("supervisorGroups", groups(Role.SUPERVISOR, c.centreId(), c.orgId()));
        v.put("archiveGroups", c.orgId() != null ? groups(Role.ORG_ADMIN, c.orgId(), null)
                : groups(Role.TRIAGE, c.centreId(), null) + "," + groups(Role.ORG_ADMIN, c.centreId(), null));
        v.put("courtGroups", courtGroups(c));
        v.put("riskReportGroups", groups(Role.TRIAGE, c.centreId(), null)
                + (c.orgId() == null ? "" : "," + groups(Role.ORG_ADMIN, c.orgId(), null)));
        v.put("materialsReturnPending", c.materialsReturnPending());
        v.put("materialsReturnDueAt", date(c.materialsReturnDueAt()));
        v.put("riskReportDueAt", date(c.riskReportDueAt()));
        v.put("acceptanceDueAt", date(c.acceptanceDueAt()));
        v.put("mediationDueAt", date(c.dueAt()));
        v.put("mediationWarningAt", date(c.warningAt()));
        v.put("performanceDueAt", date(deadlines.performanceDueAt(c)));
        v.put("courtReviewDueAt", date(deadlines.courtReviewDueAt(c)));
        v.put("courtAcceptanceDueAt", date(deadlines.courtAcceptanceDueAt(c)));
        v.put("courtReviewExtendedDueAt", date(deadlines.courtReviewExtendedDueAt(c)));
        return v;
    }

    /** Sets the case's variables on {@code scope}; answers them (for the open tasks' cards). */
    Map<String, Object> apply(VariableScope scope, DisputeCase c) {
        Map<String, Object> v = of(c);
        scope.setVariables(v);
        return v;
    }

    /**
     * Who records the court's ruling in the Tasklist: the liaisons of the court the application was
     * filed with, when {@code court} names one of the tree's courts (by name or id); otherwise every
     * court liaison (the court is not one of ours).
     */
    private String courtGroups(DisputeCase c) {
        String court = records.latestConfirmation(c.id()).map(DisputeRecords.ConfirmationRecord::court).orElse(null);
        if (court == null) {
            return Role.COURT.groupId();
        }
        return organisations.all().stream().filter(o -> o.type() == OrganisationType.COURT)
                .filter(o -> o.id().equals(court.trim()) || o.name().equals(court.trim())).findFirst()
                .map(o -> Role.COURT.groupFor(o.id())).orElse(Role.COURT.groupId());
    }

    /** {@code <orgId>-<role>} for every organisation from each given one up to the root. */
    private String groups(Role role, String orgId, String otherOrgId) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : new String[] {orgId, otherOrgId}) {
            if (id != null) {
                organisations.pathToRoot(id).stream().map(Organisation::id).map(role::groupFor).forEach(result::add);
            }
        }
        return result.isEmpty() ? Caller.ADMIN_GROUP : String.join(",", result);
    }

    private static Date date(OffsetDateTime t) {
        return t == null ? null : Date.from(t.toInstant());
    }

    private String summary(DisputeCase c) {
        StringBuilder sb = new StringBuilder();
        sb.append("案号：").append(c.caseNo()).append('\n');
        sb.append("案由：").append(c.title()).append("（").append(c.category().label()).append("，")
                .append(c.channel().label()).append("）\n");
        sb.append("当事人：").append(parties(c.parties())).append('\n');
        if (c.amountInvolved() != null) {
            sb.append("涉及金额：").append(c.amountInvolved().toPlainString()).append(" 元\n");
        }
        if (c.facts() != null) {
            sb.append("事实：").append(abbreviate(c.facts(), 500)).append('\n');
        }
        if (c.claims() != null) {
            sb.append("请求：").append(abbreviate(c.claims(), 300)).append('\n');
        }
        sb.append("当前状态：").append(c.status().label());
        if (c.orgId() != null) {
            sb.append("；承办组织：").append(organisations.find(c.orgId()).map(Organisation::name).orElse(c.orgId()));
        }
        if (c.dueAt() != null) {
            sb.append("；调解期限：").append(c.dueAt().toLocalDate());
            if (c.overdue()) {
                sb.append("（已届满）");
            } else if (calendar.restsOnProvisional(c.dueAt())) {
                // the year's holiday notice is not entered yet: the date may still move
                sb.append("（暂定）");
            }
        }
        if (c.suggestion() != null && c.status().name().equals("TRIAGE")) {
            sb.append("\n研判建议：").append(c.suggestion().mediationType().label()).append("，")
                    .append(c.suggestion().level().label()).append("，")
                    .append(c.suggestion().orgId() == null ? "" : organisations.find(c.suggestion().orgId())
                            .map(Organisation::name).orElse(""))
                    .append("，").append(c.suggestion().complexity().label()).append("，时限 ")
                    .append(c.suggestion().dueInDays()).append(" 日");
        }
        return sb.toString();
    }

    /**
     * The deadline of the case's current step, as the Tasklist's cards show it (minute precision,
     * Chinese), with （已届满） once it has passed (the mediation's from its expiry timer on): the
     * module sets the cards of the open tasks again whenever a timer fires or a step is done.
     */
    private String deadline(DisputeCase c) {
        OffsetDateTime due = switch (c.status()) {
            case ASSIGNED_PENDING_ACCEPT -> c.acceptanceDueAt();
            case IN_MEDIATION -> c.dueAt();
            case PERFORMANCE_MONITORING -> deadlines.performanceDueAt(c);
            case JUDICIAL_CONFIRMATION -> deadlines.courtNextDueAt(c);
            default -> null;
        };
        if (due == null) {
            return "无";
        }
        java.time.ZonedDateTime local = due.atZoneSameInstant(calendar.zone());
        String text = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(local);
        boolean passed = !due.isAfter(calendar.now())
                || (c.overdue() && c.status() == org.fengqiao.dispute.DisputeStatus.IN_MEDIATION);
        return passed ? text + "（已届满）" : text;
    }

    private static String parties(List<Party> parties) {
        return parties.stream().map(p -> p.role().label() + " " + p.name()).collect(Collectors.joining("；"));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
