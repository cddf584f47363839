package org.fengqiao.appeal.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.appeal.Appeal;
import org.fengqiao.appeal.AppealAction;
import org.fengqiao.appeal.AppealManagement;
import org.fengqiao.appeal.AppealStatus;
import org.fengqiao.appeal.AppealType;
import org.fengqiao.appeal.Appeals;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/appeals}: grid events and citizen appeals (state machine B). Each action completes the
 * Camunda user task of {@code grid-appeal} that the Tasklist shows for the same step.
 * Problems: 401 unauthenticated, 404 not visible, 403 role, 409 state, 422 content.
 */
@RestController
@RequestMapping(value = "/api/appeals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Appeals", description = "网格事件·群众诉求 (grid-appeal). Statuses: REPORTED → (triage) TRIAGE → (dispatch) "
        + "DISPATCHED → (sign) IN_PROGRESS → (feedback) FEEDBACK_SUBMITTED → (review APPROVE) RETURN_VISIT → "
        + "(return-visit) CLOSED; return → RETURNED → triage again; review REJECT → IN_PROGRESS; "
        + "DISSATISFIED → REOPENED → triage again; to-dispute → CLOSED with linkedDisputeId")
class AppealController {

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    record HistoryView(String at, String actor, String action, AppealStatus fromStatus, AppealStatus toStatus,
                       Map<String, Object> details) {
    }

    private final AppealManagement appeals;
    private final CurrentCaller currentCaller;
    private final WorkingCalendar calendar;

    AppealController(AppealManagement appeals, CurrentCaller currentCaller, WorkingCalendar calendar) {
        this.appeals = appeals;
        this.currentCaller = currentCaller;
        this.calendar = calendar;
    }

    private AppealView view(Appeal a, Caller caller, boolean detailed) {
        return AppealView.of(a, appeals.overdue(a), detailed ? appeals.supervisions(a) : null,
                appeals.allowedActions(a, caller), calendar::restsOnProvisional,
                detailed && appeals.maySeeReporter(a, caller));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "上报诉求 (201, Location): grid workers (gridworker), clerks, triage officers and departments. "
            + "Goes to the nearest centre above the reporter's organisation; status REPORTED, ticketNo 一案一码. "
            + "Optional reporter { name, phone }: the appellant (诉求人) the 回访 calls back; phone a mainland mobile or "
            + "landline number, else 422 naming reporter.phone")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<AppealView> report(@RequestBody AppealRequests.Report body) {
        Caller caller = currentCaller.get();
        Appeal a = appeals.report(body.toCommand(), caller);
        return ResponseEntity.created(URI.create("/api/appeals/" + a.id())).body(view(a, caller, true));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One appeal with allowedActions for the caller and its 督办 records")
    AppealView get(@PathVariable String id) {
        Caller caller = currentCaller.get();
        return view(appeals.getVisible(id, caller), caller, true);
    }

    @GetMapping
    @Operation(summary = "Appeals visible to the caller, newest first; filters status, type, departmentId (lead or "
            + "assisting), gridId, overdue; page (0-based), size (default 20, max 200)")
    PageView<AppealView> list(@RequestParam(required = false) AppealStatus status,
                              @RequestParam(required = false) AppealType type,
                              @RequestParam(required = false) String departmentId,
                              @RequestParam(required = false) String gridId,
                              @RequestParam(required = false) Boolean overdue,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size) {
        new Validation().check(page >= 0, "page", "不能为负 (must be >= 0)")
                .check(size >= 1 && size <= 200, "size", "必须在 1 到 200 之间 (must be 1..200)").throwIfInvalid();
        Caller caller = currentCaller.get();
        AppealManagement.Page result = appeals.list(new Appeals.Filter(status, type, departmentId, gridId, overdue),
                caller, page, size);
        return new PageView<>(result.items().stream().map(a -> view(a, caller, false)).toList(), page, size,
                result.total());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Timeline: [{at, actor, action, fromStatus, toStatus, details}] incl. automatic 催办/督办通知")
    List<HistoryView> history(@PathVariable String id) {
        return appeals.history(id, currentCaller.get()).stream()
                .map(h -> new HistoryView(h.at().toString(), h.actor(), h.action(), h.fromStatus(), h.toStatus(), h.details()))
                .toList();
    }

    private AppealView act(String id, AppealAction action, Map<String, Object> variables) {
        Caller caller = currentCaller.get();
        return view(appeals.act(id, action, variables, caller), caller, true);
    }

    @PostMapping(value = "/{id}/triage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "研判分流 (REPORTED, RETURNED, REOPENED; centre triage officer) → TRIAGE: leadDepartmentId, "
            + "assistingDepartmentIds (required for ZHIFA), level, dueInDays; dueAt from fengqiao.appeal.time-limits by type "
            + "and urgency and the working-day calendar")
    AppealView triage(@PathVariable String id, @RequestBody AppealRequests.Triage body) {
        return act(id, AppealAction.TRIAGE, body.variables());
    }

    @PostMapping(value = "/{id}/to-dispute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "转为矛盾纠纷案件 (DISPUTE type; REPORTED, RETURNED, REOPENED; centre triage officer): registers a "
            + "dispute (channel GRID_REPORT, sourceRef = ticketNo; body title, category, claims, amountInvolved, parties "
            + "with at least one APPLICANT and one RESPONDENT) → CLOSED with linkedDisputeId")
    AppealView toDispute(@PathVariable String id, @RequestBody AppealRequests.ToDispute body) {
        return act(id, AppealAction.TO_DISPUTE, body.variables());
    }

    @PostMapping(value = "/{id}/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "派单 (TRIAGE; centre) → DISPATCHED to the lead department; {notes}")
    AppealView dispatch(@PathVariable String id, @RequestBody(required = false) AppealRequests.Notes body) {
        return act(id, AppealAction.DISPATCH, body == null ? Map.of() : body.variables());
    }

    @PostMapping(value = "/{id}/sign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "签收 (DISPATCHED; lead department) → IN_PROGRESS; {notes}")
    AppealView sign(@PathVariable String id, @RequestBody(required = false) AppealRequests.Notes body) {
        return act(id, AppealAction.SIGN, body == null ? Map.of() : body.variables());
    }

    @PostMapping(value = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退单 (DISPATCHED, IN_PROGRESS; lead department): reason required (滨州 第11条) → RETURNED, back to triage")
    AppealView returnAppeal(@PathVariable String id, @RequestBody AppealRequests.Return body) {
        return act(id, AppealAction.RETURN, body.variables());
    }

    @PostMapping(value = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请延期 (DISPATCHED, IN_PROGRESS; lead department; once): extraDays 1..30, reason. The centre "
            + "decides with extension-approval; dueAt moves when approved")
    AppealView extension(@PathVariable String id, @RequestBody AppealRequests.Extension body) {
        return act(id, AppealAction.EXTENSION, body.variables());
    }

    @PostMapping(value = "/{id}/extension-approval", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "审批延期 (a pending extension; centre triage officer): approved true → dueAt + extraDays; "
            + "false needs a reason")
    AppealView extensionApproval(@PathVariable String id, @RequestBody AppealRequests.ExtensionApproval body) {
        return act(id, AppealAction.EXTENSION_APPROVAL, body.variables());
    }

    @PostMapping(value = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "办结反馈 (DISPATCHED, IN_PROGRESS; lead department): result → FEEDBACK_SUBMITTED")
    AppealView feedback(@PathVariable String id, @RequestBody AppealRequests.Feedback body) {
        return act(id, AppealAction.FEEDBACK, body.variables());
    }

    @PostMapping(value = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "中心审核 (FEEDBACK_SUBMITTED; centre): decision APPROVE → RETURN_VISIT; REJECT (reason) → IN_PROGRESS")
    AppealView review(@PathVariable String id, @RequestBody AppealRequests.Review body) {
        return act(id, AppealAction.REVIEW, body.variables());
    }

    @PostMapping(value = "/{id}/return-visit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "回访 (RETURN_VISIT; visitor): SATISFIED / BASICALLY_SATISFIED → CLOSED; DISSATISFIED → REOPENED")
    AppealView returnVisit(@PathVariable String id, @RequestBody AppealRequests.ReturnVisit body) {
        return act(id, AppealAction.RETURN_VISIT, body.variables());
    }

}
