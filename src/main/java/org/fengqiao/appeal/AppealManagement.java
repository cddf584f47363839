package org.fengqiao.appeal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.fengqiao.appeal.AppealCommands.*;
import org.fengqiao.appeal.process.AppealProcessGateway;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.Channel;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeCommands;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinates an appeal's record, its process instance ({@code grid-appeal}), its history and its
 * 督办 records. The REST facade calls {@link #report} and {@link #act}; the process calls {@link
 * #apply} from the user tasks' complete listener and the timer methods from its delegates.
 */
@Service
public class AppealManagement {

    public static final String SYSTEM = "system";
    public static final String TARGET_TYPE = "APPEAL";
    private static final Set<OrganisationType> DEPARTMENT_TYPES = EnumSet.of(OrganisationType.DEPARTMENT,
            OrganisationType.ADMINISTRATIVE_ORGAN, OrganisationType.POLICE);
    private static final List<Role> REPORTERS = List.of(Role.GRID_WORKER, Role.CLERK, Role.TRIAGE, Role.DEPARTMENT);

    public record Page(List<Appeal> items, int page, int size, long total) {
    }

    private final Appeals appeals;
    private final AppealAccess access;
    private final AppealSettings settings;
    private final OrganisationDirectory organisations;
    private final WorkingCalendar calendar;
    private final AppealProcessGateway process;
    private final SupervisionRecords supervisions;
    private final DisputeManagement disputes;
    private final Clock clock;

    AppealManagement(Appeals appeals, AppealAccess access, AppealSettings settings, OrganisationDirectory organisations,
                     WorkingCalendar calendar, AppealProcessGateway process, SupervisionRecords supervisions,
                     DisputeManagement disputes, Clock clock) {
        this.appeals = appeals;
        this.access = access;
        this.settings = settings;
        this.organisations = organisations;
        this.calendar = calendar;
        this.process = process;
        this.supervisions = supervisions;
        this.disputes = disputes;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // --- reading ---------------------------------------------------------------------------------

    public Appeal get(String id) {
        return appeals.find(id).orElseThrow(() -> new NotFoundException("诉求 (appeal)", id));
    }

    public Appeal getVisible(String id, Caller caller) {
        Appeal a = (id == null || id.length() > 64) ? null : appeals.find(id).orElse(null);
        if (a == null || !access.canSee(a, caller)) {
            throw new NotFoundException("诉求 (appeal)", id);
        }
        return a;
    }

    /** Whether the appeal exists and the caller may see it; its ticket number if so. */
    public Optional<String> visibleTicketNo(String id, Caller caller) {
        Appeal a = (id == null || id.length() > 64) ? null : appeals.find(id).orElse(null);
        return a != null && access.canSee(a, caller) ? Optional.of(a.ticketNo) : Optional.empty();
    }

    public Page list(Appeals.Filter filter, Caller caller, int page, int size) {
        Appeals.Scope scope = access.scopeOf(caller);
        OffsetDateTime now = now();
        return new Page(appeals.list(filter, scope, now, page, size), page, size, appeals.count(filter, scope, now));
    }

    public List<Appeals.HistoryEntry> history(String id, Caller caller) {
        return appeals.history(getVisible(id, caller).id);
    }

    public List<String> allowedActions(Appeal a, Caller caller) {
        return access.allowedActions(a, caller);
    }

    /** Whether the caller may see the appellant's name and phone (the roles that work the appeal, see {@link AppealAccess}). */
    public boolean maySeeReporter(Appeal a, Caller caller) {
        return access.maySeeReporter(a, caller);
    }

    public List<Supervision> supervisions(Appeal a) {
        return supervisions.forTarget(TARGET_TYPE, a.id);
    }

    public boolean overdue(Appeal a) {
        return a.overdue(now());
    }

    // --- reporting (上报) ----------------------------------------------------------------------------

    @Transactional
    public Appeal report(Report cmd, Caller caller) {
        Appeal a = newAppeal(cmd, caller);
        appeals.insert(a);
        a.processInstanceId = process.start(a);
        return reported(a, caller);
    }

    /**
     * A report from the Tasklist's start form (诉求登记): the engine has started the process instance
     * (its start listener calls this); the appeal is reported exactly as {@link #report} does, with
     * the same checks, and linked to that instance.
     */
    @Transactional
    public Appeal reportStarted(Report cmd, Caller caller, String processInstanceId) {
        if (caller == null) {
            throw new ForbiddenException("只有网格员、受理员、研判员或职能部门可以上报诉求 (only grid workers, clerks, triage officers and departments report appeals)");
        }
        Appeal a = newAppeal(cmd, caller);
        a.processInstanceId = processInstanceId;
        appeals.insert(a);
        return reported(a, caller);
    }

    /** The centre an appeal reported by the caller would go to (null if none); shown on the start form. */
    public Optional<Organisation> receivingCentre(Caller caller) {
        return Optional.ofNullable(centreOf(caller)).flatMap(organisations::find);
    }

    /** Whether the caller may report appeals at all (the roles of {@link #report}). */
    public boolean mayReport(Caller caller) {
        return caller.hasAnyRole(REPORTERS.stream().map(Role::groupId).toList());
    }

    /** The id of the appeal with this ticket number (the business key of its process instance). */
    public Optional<String> idOfTicketNo(String ticketNo) {
        return ticketNo == null ? Optional.empty() : appeals.findByTicketNo(ticketNo).map(Appeal::id);
    }

    private Appeal newAppeal(Report cmd, Caller caller) {
        if (!caller.hasAnyRole(REPORTERS.stream().map(Role::groupId).toList())) {
            throw new ForbiddenException("只有网格员、受理员、研判员或职能部门可以上报诉求 (only grid workers, clerks, triage officers and departments report appeals)");
        }
        Validation v = new Validation().require(cmd.type(), "type").require(cmd.channel(), "channel")
                .require(cmd.gridId(), "gridId").name(cmd.gridId(), "gridId")
                .require(cmd.description(), "description").text(cmd.description(), "description")
                .require(cmd.urgency(), "urgency");
        Reporter reporter = cmd.reporter();
        if (reporter != null) {
            v.name(reporter.name(), "reporter.name").phone(reporter.phone(), "reporter.phone")
                    .maxLength(reporter.phone(), 40, "reporter.phone");
        }
        String centreId = centreOf(caller);
        v.check(centreId != null, "gridId", "上报人不属于任何矛调中心或网格 (the reporter belongs to no centre)");
        v.throwIfInvalid();
        OffsetDateTime now = now();
        Appeal a = new Appeal();
        a.id = UUID.randomUUID().toString();
        String day = now.atZoneSameInstant(calendar.zone()).toLocalDate().format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        a.ticketNo = settings.ticketPrefix() + day + String.format("%05d", appeals.nextTicketNumber(day));
        a.type = cmd.type();
        a.channel = cmd.channel();
        a.gridId = cmd.gridId().trim();
        a.description = cmd.description();
        if (reporter != null) {
            a.reporterName = blankToNull(reporter.name());
            a.reporterPhone = blankToNull(reporter.phone());
        }
        a.urgency = cmd.urgency();
        a.centreId = centreId;
        a.status = AppealStatus.REPORTED;
        a.createdBy = caller.userId();
        a.createdAt = now;
        a.updatedAt = now;
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Appeal reported(Appeal a, Caller caller) {
        OffsetDateTime now = a.createdAt;
        appeals.update(a);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticketNo", a.ticketNo);
        details.put("type", a.type.name());
        details.put("channel", a.channel.name());
        details.put("gridId", a.gridId);
        details.put("urgency", a.urgency.name());
        details.put("centreId", a.centreId);
        // whether a contact was given, never the contact: the history is shown to everyone who sees the appeal
        details.put("reporterContact", a.reporterName != null || a.reporterPhone != null);
        appeals.addHistory(a.id, now, caller.userId(), "report", null, a.status, details);
        return get(a.id);
    }

    /** The centre an appeal reported by the caller goes to: the nearest centre above their organisation (网格 → 镇街中心). */
    private String centreOf(Caller caller) {
        return caller.organisationIds().stream().sorted()
                .flatMap(org -> organisations.pathToRoot(org).stream().filter(o -> o.type() == OrganisationType.CENTRE).limit(1))
                .sorted(Comparator.comparingInt(o -> -organisations.pathToRoot(o.id()).size()))
                .map(Organisation::id).findFirst().orElse(null);
    }

    // --- actions ---------------------------------------------------------------------------------

    /**
     * Performs an action for a REST caller: 404 if not visible, 403 for the role, 409 for the state,
     * then completes the user task the Tasklist shows for the same step (its listener calls {@link #apply}).
     */
    @Transactional
    public Appeal act(String id, AppealAction action, Map<String, Object> variables, Caller caller) {
        Appeal a = getVisible(id, caller);
        access.require(action, a, caller);
        process.completeStep(a, action, variables, caller);
        return get(id);
    }

    /** Applies a step submitted through either door; returns the route for the model's next gateway. */
    @Transactional
    public String apply(String appealId, AppealAction action, Object command, Caller actor) {
        appeals.lock(appealId);
        Appeal a = get(appealId);
        if (actor != null) {
            access.require(action, a, actor);
        } else if (!action.allowedIn(a)) {
            throw IllegalTransitionException.of(action.path(), a.status);
        }
        String actorId = actor == null ? SYSTEM : actor.userId();
        AppealStatus from = a.status;
        OffsetDateTime now = now();
        Map<String, Object> details = new LinkedHashMap<>();
        String route = switch (action) {
            case TRIAGE -> triage(a, (Triage) command, now, details);
            case TO_DISPUTE -> toDispute(a, (ToDispute) command, actor, now, details);
            case DISPATCH -> dispatch(a, (Dispatch) command, now, details);
            case SIGN -> sign(a, (Sign) command, now, details);
            case RETURN -> returnAppeal(a, (Return) command, details);
            case EXTENSION -> extension(a, (Extension) command, details);
            case EXTENSION_APPROVAL -> extensionApproval(a, (ExtensionApproval) command, details);
            case FEEDBACK -> feedback(a, (Feedback) command, now, details);
            case REVIEW -> review(a, (Review) command, details);
            case RETURN_VISIT -> returnVisit(a, (ReturnVisit) command, now, details);
        };
        save(a, now, actorId, action.path(), from, details);
        return route;
    }

    private void save(Appeal a, OffsetDateTime now, String actor, String action, AppealStatus from, Map<String, Object> details) {
        a.updatedAt = now;
        appeals.update(a);
        appeals.addHistory(a.id, now, actor, action, from, a.status, details);
        if (a.status == AppealStatus.CLOSED) {
            supervisions.closeOpen(TARGET_TYPE, a.id, now);
        }
    }

    /** The departments the caller may make lead or assisting (types that handle appeals, within the caller's reach). */
    public List<Organisation> departmentsFor(Caller caller) {
        Set<String> reachable = organisations.reachableBy(caller);
        return organisations.all().stream()
                .filter(o -> DEPARTMENT_TYPES.contains(o.type()) && (caller.isAdmin() || reachable.contains(o.id())))
                .toList();
    }

    private boolean isDepartment(String id) {
        return organisations.find(id).map(o -> DEPARTMENT_TYPES.contains(o.type())).orElse(false);
    }

    private String triage(Appeal a, Triage cmd, OffsetDateTime now, Map<String, Object> details) {
        List<String> assisting = cmd.assistingDepartmentIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(cmd.assistingDepartmentIds()));
        Validation v = new Validation().require(cmd.leadDepartmentId(), "leadDepartmentId").text(cmd.notes(), "notes");
        v.check(cmd.leadDepartmentId() == null || isDepartment(cmd.leadDepartmentId()), "leadDepartmentId",
                "不是职能部门 (not a department)");
        for (String d : assisting) {
            v.check(isDepartment(d), "assistingDepartmentIds", "不是职能部门：" + d + " (not a department)");
        }
        v.check(!assisting.contains(cmd.leadDepartmentId()), "assistingDepartmentIds",
                "主办部门不能同时是协办部门 (the lead department cannot also assist)");
        v.check(assisting.size() <= 20, "assistingDepartmentIds", "协办部门过多 (at most 20)");
        // 执法诉求: the centre fixes a lead department and the departments of the joint enforcement (P4)
        v.check(a.type != AppealType.ZHIFA || !assisting.isEmpty(), "assistingDepartmentIds",
                "执法诉求须指定协办部门（联合执法）(an enforcement appeal needs assisting departments)");
        v.check(cmd.dueInDays() == null || (cmd.dueInDays() >= 1 && cmd.dueInDays() <= 365), "dueInDays",
                "必须在 1 到 365 之间 (must be 1..365)");
        v.throwIfInvalid();
        TimeLimit limit = cmd.dueInDays() != null ? TimeLimit.calendarDays(cmd.dueInDays()) : settings.limit(a.type, a.urgency);
        OffsetDateTime due = calendar.deadline(now, limit);
        OffsetDateTime notice = calendar.deadline(due, settings.noticeAfter());
        Organisation lead = organisations.get(cmd.leadDepartmentId());
        a.triaged(lead.id(), assisting, cmd.level() != null ? cmd.level() : lead.level(), limit.amount() + " " + limit.unit(),
                due, notice);
        details.put("leadDepartmentId", lead.id());
        details.put("leadDepartmentName", lead.name());
        details.put("assistingDepartmentIds", assisting);
        details.put("level", a.level.name());
        details.put("timeLimit", limit.describe());
        details.put("dueAt", due.toString());
        if (cmd.notes() != null) {
            details.put("notes", cmd.notes());
        }
        return "TRIAGED";
    }

    private String toDispute(Appeal a, ToDispute cmd, Caller actor, OffsetDateTime now, Map<String, Object> details) {
        String title = cmd.title() != null ? cmd.title()
                : "网格诉求转办：" + (a.description.length() > 150 ? a.description.substring(0, 150) + "…" : a.description);
        DisputeCommands.Registration registration = new DisputeCommands.Registration(title, a.description, cmd.claims(),
                cmd.category() != null ? cmd.category() : DisputeCategory.OTHER, Channel.GRID_REPORT, a.ticketNo,
                cmd.amountInvolved(), a.centreId, cmd.parties());
        Caller registrar = actor != null ? actor : organisations.callerOf(SYSTEM);
        DisputeCase dispute = disputes.register(registration, registrar);
        a.convertedToDispute(dispute.id(), now);
        details.put("linkedDisputeId", dispute.id());
        details.put("disputeCaseNo", dispute.caseNo());
        return "TO_DISPUTE";
    }

    private String dispatch(Appeal a, Dispatch cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().text(cmd.notes(), "notes").throwIfInvalid();
        a.dispatched(now);
        details.put("leadDepartmentId", a.leadDepartmentId);
        details.put("dueAt", a.dueAt.toString());
        if (cmd.notes() != null) {
            details.put("notes", cmd.notes());
        }
        return "DISPATCHED";
    }

    private String sign(Appeal a, Sign cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().text(cmd.notes(), "notes").throwIfInvalid();
        a.signed(now);
        if (cmd.notes() != null) {
            details.put("notes", cmd.notes());
        }
        return "SIGNED";
    }

    private String returnAppeal(Appeal a, Return cmd, Map<String, Object> details) {
        // 滨州 S14 第11条: a department that thinks the matter is not its duty must explain it to the centre
        new Validation().require(cmd.reason(), "reason").text(cmd.reason(), "reason").throwIfInvalid();
        details.put("departmentId", a.leadDepartmentId);
        details.put("reason", cmd.reason());
        a.returned();
        return "RETURNED";
    }

    private String extension(Appeal a, Extension cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.extraDays(), "extraDays").require(cmd.reason(), "reason")
                .text(cmd.reason(), "reason");
        // 信访工作条例 第34条 analogue: at most 30 more days, approved by the centre
        v.check(cmd.extraDays() == null || (cmd.extraDays() >= 1 && cmd.extraDays() <= settings.maxExtensionDays()),
                "extraDays", "必须在 1 到 " + settings.maxExtensionDays() + " 日之间 (must be 1.." + settings.maxExtensionDays() + ")");
        v.throwIfInvalid();
        a.extensionRequested(cmd.extraDays(), cmd.reason());
        details.put("extraDays", cmd.extraDays());
        details.put("reason", cmd.reason());
        return "EXTENSION_REQUESTED";
    }

    private String extensionApproval(Appeal a, ExtensionApproval cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.approved(), "approved").text(cmd.reason(), "reason");
        v.check(!Boolean.FALSE.equals(cmd.approved()) || (cmd.reason() != null && !cmd.reason().isBlank()), "reason",
                "不批准延期须说明理由 (a refusal needs a reason)");
        v.throwIfInvalid();
        OffsetDateTime due = null;
        OffsetDateTime notice = null;
        if (cmd.approved()) {
            due = calendar.deadline(a.dueAt, TimeLimit.calendarDays(a.extensionDays));
            notice = calendar.deadline(due, settings.noticeAfter());
            details.put("dueAt", due.toString());
        }
        a.extensionDecided(cmd.approved(), due, notice);
        details.put("approved", cmd.approved());
        details.put("extraDays", a.extensionDays);
        if (cmd.reason() != null) {
            details.put("reason", cmd.reason());
        }
        return "EXTENSION_DECIDED";
    }

    private String feedback(Appeal a, Feedback cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.result(), "result").text(cmd.result(), "result").throwIfInvalid();
        a.feedbackSubmitted(cmd.result(), now);
        details.put("result", cmd.result());
        details.put("onTime", a.dueAt == null || !now.isAfter(a.dueAt));
        return "FEEDBACK";
    }

    private String review(Appeal a, Review cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.decision(), "decision").text(cmd.reason(), "reason");
        v.check(cmd.decision() != ReviewDecision.REJECT || (cmd.reason() != null && !cmd.reason().isBlank()), "reason",
                "退回重办须说明理由 (a rejection needs a reason)");
        v.throwIfInvalid();
        a.reviewed(cmd.decision());
        details.put("decision", cmd.decision().name());
        if (cmd.reason() != null) {
            details.put("reason", cmd.reason());
        }
        return cmd.decision() == ReviewDecision.APPROVE ? "APPROVED" : "REJECTED";
    }

    private String returnVisit(Appeal a, ReturnVisit cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.satisfaction(), "satisfaction").text(cmd.notes(), "notes").throwIfInvalid();
        a.visited(cmd.satisfaction(), now);
        details.put("satisfaction", cmd.satisfaction().name());
        if (cmd.notes() != null) {
            details.put("notes", cmd.notes());
        }
        return a.status == AppealStatus.CLOSED ? "CLOSED" : "REOPENED";
    }

    // --- timers (督办) ------------------------------------------------------------------------------

    private boolean awaitsDepartment(Appeal a) {
        return a.status == AppealStatus.DISPATCHED || a.status == AppealStatus.IN_PROGRESS;
    }

    /** 办理期限届满: 催办 (P10: 催办通知书 when the limit has run out), once per due date. */
    @Transactional
    public void handlingDue(String appealId) {
        appeals.lock(appealId);
        Appeal a = get(appealId);
        OffsetDateTime now = now();
        if (!awaitsDepartment(a) || a.dueAt == null || now.isBefore(a.dueAt) || !a.remindFor(a.dueAt)) {
            return;
        }
        supervisions.raiseWithResponseLimit(TARGET_TYPE, a.id, a.ticketNo, SupervisionLevel.REMINDER,
                "诉求办理期限已于 " + a.dueAt.toLocalDate() + " 届满，请尽快办结反馈 (handling limit passed)",
                "OVERDUE_TIMER", SYSTEM, now);
        save(a, now, SYSTEM, "reminder", a.status, Map.of("level", "REMINDER", "dueAt", a.dueAt.toString()));
    }

    /** Still unanswered N working days after the due date: 督办通知 (P10; S12 第39条 analogue). */
    @Transactional
    public void noticeDue(String appealId) {
        appeals.lock(appealId);
        Appeal a = get(appealId);
        OffsetDateTime now = now();
        if (!awaitsDepartment(a) || a.dueAt == null || now.isBefore(a.dueAt) || !a.noticeFor(a.dueAt)) {
            return;
        }
        supervisions.raiseWithResponseLimit(TARGET_TYPE, a.id, a.ticketNo, SupervisionLevel.NOTICE,
                "诉求逾期 " + settings.noticeAfter().describe() + "仍未办结，发出督办通知 (still unanswered; supervision notice)",
                "OVERDUE_TIMER", SYSTEM, now);
        save(a, now, SYSTEM, "notice", a.status, Map.of("level", "NOTICE", "dueAt", a.dueAt.toString()));
    }

    Appeals appeals() {
        return appeals;
    }

    static ValidationException invalid(String field, String message) {
        return ValidationException.of(field, message);
    }
}
