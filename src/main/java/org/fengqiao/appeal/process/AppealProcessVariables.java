package org.fengqiao.appeal.process;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.appeal.Appeal;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.springframework.stereotype.Component;

/**
 * The variables an appeal's process instance carries: its id, who the next step is for (candidate
 * groups along the organisation chain), the timers' dates and a read-only summary for the forms.
 */
@Component
class AppealProcessVariables {

    private final OrganisationDirectory organisations;
    private final WorkingCalendar calendar;

    private final java.time.Clock clock;

    AppealProcessVariables(OrganisationDirectory organisations, WorkingCalendar calendar, java.time.Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.calendar = calendar;
    }

    Map<String, Object> of(Appeal a) {
        Map<String, Object> v = new HashMap<>();
        v.put(AppealProcess.APPEAL_ID, a.id());
        v.put("ticketNo", a.ticketNo());
        v.put("appealStatus", a.status().label());
        v.put("appealSummary", summary(a));
        v.put("centreGroups", groups(Role.TRIAGE, a.centreId()));
        v.put("departmentGroups", groups(Role.DEPARTMENT, a.leadDepartmentId()));
        v.put("visitorGroups", groups(Role.VISITOR, a.centreId()));
        // the Tasklist's cards (TaskCardVariables copies these onto each task): 编号, 诉求, 上报人, 状态, 期限
        v.put("caseNo", a.ticketNo());
        v.put("caseTitle", a.type().label() + "：" + abbreviate(a.description(), 40));
        v.put("caseParties", "上报人 " + organisations.displayName(a.createdBy()) + "；网格 " + a.gridId());
        v.put("caseStatus", a.status().label());
        v.put("caseDeadline", deadline(a));
        v.put("dueAt", date(a.dueAt()));
        v.put("noticeAt", date(a.noticeAt()));
        return v;
    }

    private String groups(Role role, String orgId) {
        Set<String> result = new LinkedHashSet<>();
        if (orgId != null) {
            organisations.pathToRoot(orgId).stream().map(Organisation::id).map(role::groupFor).forEach(result::add);
        }
        return result.isEmpty() ? Caller.ADMIN_GROUP : String.join(",", result);
    }

    /** The handling deadline as the cards show it: Chinese, to the minute, in the calendar's zone. */
    private String deadline(Appeal a) {
        if (a.dueAt() == null || a.status() == org.fengqiao.appeal.AppealStatus.CLOSED) {
            return "无";
        }
        String text = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(a.dueAt().atZoneSameInstant(calendar.zone()));
        return a.overdue(OffsetDateTime.now(clock)) ? text + "（已届满）" : text;
    }

    private static String abbreviate(String s, int max) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }

    private static Date date(OffsetDateTime t) {
        return t == null ? null : Date.from(t.toInstant());
    }

    private String summary(Appeal a) {
        StringBuilder sb = new StringBuilder();
        sb.append("诉求编号：").append(a.ticketNo()).append('\n');
        sb.append("类型：").append(a.type().label()).append("；紧急程度：").append(a.urgency().label())
                .append("；来源：").append(a.channel().label()).append("；网格：").append(a.gridId()).append('\n');
        String d = a.description();
        sb.append("内容：").append(d.length() > 500 ? d.substring(0, 500) + "…" : d).append('\n');
        sb.append("当前状态：").append(a.status().label());
        if (a.leadDepartmentId() != null) {
            sb.append("；主办部门：").append(organisations.find(a.leadDepartmentId()).map(Organisation::name)
                    .orElse(a.leadDepartmentId()));
        }
        if (a.dueAt() != null) {
            sb.append("；办理期限：").append(a.dueAt().toLocalDate());
            if (calendar.restsOnProvisional(a.dueAt())) {
                sb.append("（暂定）");
            }
        }
        if (a.extensionPending()) {
            sb.append("\n延期申请：").append(a.extensionDays()).append(" 日，理由：").append(a.extensionReason());
        }
        if (a.feedback() != null) {
            sb.append("\n办理结果：").append(a.feedback());
        }
        return sb.toString();
    }
}
