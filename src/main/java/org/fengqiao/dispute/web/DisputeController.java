package org.fengqiao.dispute.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.DisputeAction;
import org.fengqiao.dispute.DisputeCase;
import org.fengqiao.dispute.DisputeCases;
import org.fengqiao.dispute.DisputeCategory;
import org.fengqiao.dispute.DisputeCommands;
import org.fengqiao.dispute.DisputeManagement;
import org.fengqiao.dispute.DisputeRecords;
import org.fengqiao.dispute.DisputeStatus;
import org.fengqiao.dispute.DocumentType;
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
 * {@code /api/disputes}: registration, reading, the actions of the contract's table (each completes
 * the Camunda user task the Tasklist shows for the same step), history and the dossier.
 * Problems: 401 unauthenticated, 404 not visible, 403 role, 409 state or deadline, 422 content.
 */
@RestController
@RequestMapping(value = "/api/disputes", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Disputes", description = "矛盾纠纷调解案件")
class DisputeController {

    record PageView<T>(List<T> items, int page, int size, long total) {
    }

    record HistoryView(String at, String actor, String action, DisputeStatus fromStatus, DisputeStatus toStatus,
                       Map<String, Object> details) {
    }

    record DocumentView(String id, DocumentType type, String title, String fileName, long sizeBytes, String sha256,
                        String uploadedBy, String uploadedAt) {
        static DocumentView of(DisputeRecords.DocumentRecord d) {
            return new DocumentView(d.id(), d.type(), d.title(), d.fileName(), d.sizeBytes(), d.sha256(),
                    d.uploadedBy(), d.uploadedAt().toString());
        }
    }

    record DossierView(List<DocumentView> items, List<DocumentType> producedByProduct,
                       List<DocumentType> missingForArchive) {
    }

    private final DisputeManagement disputes;
    private final CurrentCaller currentCaller;
    private final WorkingCalendar calendar;
    private final org.fengqiao.dispute.DisputeDeadlines deadlines;

    DisputeController(DisputeManagement disputes, CurrentCaller currentCaller, WorkingCalendar calendar,
                      org.fengqiao.dispute.DisputeDeadlines deadlines) {
        this.deadlines = deadlines;
        this.disputes = disputes;
        this.currentCaller = currentCaller;
        this.calendar = calendar;
    }

    private DisputeView view(DisputeCase c, Caller caller) {
        return DisputeView.of(c, disputes.records(), deadlines, disputes.allowedActions(c, caller), true, calendar::restsOnProvisional);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a dispute (201, Location). Status TRIAGE with a triageSuggestion from dispute-triage.dmn")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<DisputeView> register(@RequestBody DisputeCommands.Registration body) {
        // the command itself is the body: its declared constraints are what the document shows and
        // what DisputeManagement checks (after the role check; no @Valid here, see docs/openapi.md)
        Caller caller = currentCaller.get();
        DisputeCase c = disputes.register(body, caller);
        return ResponseEntity.created(URI.create("/api/disputes/" + c.id())).body(view(c, caller));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dispute with allowedActions for the caller")
    DisputeView get(@PathVariable String id) {
        Caller caller = currentCaller.get();
        return view(disputes.getVisible(id, caller), caller);
    }

    @GetMapping
    @Operation(summary = "Disputes visible to the caller, newest first; filters status, category, orgId, centreId, overdue; "
            + "page (0-based) and size (default 20, max 200)")
    PageView<DisputeView> list(@RequestParam(required = false) DisputeStatus status,
                               @RequestParam(required = false) DisputeCategory category,
                               @RequestParam(required = false) String orgId,
                               @RequestParam(required = false) String centreId,
                               @RequestParam(required = false) Boolean overdue,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "20") int size) {
        new Validation().check(page >= 0, "page", "不能为负 (must be >= 0)")
                .check(size >= 1 && size <= 200, "size", "必须在 1 到 200 之间 (must be 1..200)").throwIfInvalid();
        Caller caller = currentCaller.get();
        DisputeManagement.Page result = disputes.list(new DisputeCases.Filter(status, category, orgId, overdue, centreId),
                caller, page, size);
        return new PageView<>(result.items().stream()
                .map(c -> DisputeView.of(c, disputes.records(), deadlines, disputes.allowedActions(c, caller), false, calendar::restsOnProvisional)).toList(),
                page, size, result.total());
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Timeline of the case: [{at, actor, action, fromStatus, toStatus, details}]")
    List<HistoryView> history(@PathVariable String id) {
        return disputes.history(id, currentCaller.get()).stream()
                .map(h -> new HistoryView(h.at().toString(), h.actor(), h.action(), h.fromStatus(), h.toStatus(), h.details()))
                .toList();
    }

    private DisputeView act(String id, DisputeAction action, Map<String, Object> variables) {
        Caller caller = currentCaller.get();
        return view(disputes.act(id, action, variables, caller), caller);
    }

    @PostMapping(value = "/{id}/triage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "研判分流 (TRIAGE): PUSH → ASSIGNED_PENDING_ACCEPT, DESIGNATE → CONSENT_PENDING, NOT_ACCEPT, TRANSFER_OUT")
    DisputeView triage(@PathVariable String id, @RequestBody DisputeRequests.Triage body) {
        return act(id, DisputeAction.TRIAGE, body.variables());
    }

    @PostMapping(value = "/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "接收推送 (ASSIGNED_PENDING_ACCEPT): accepted → CONSENT_PENDING; declined (reason required) → TRIAGE")
    DisputeView acceptance(@PathVariable String id, @RequestBody DisputeRequests.Acceptance body) {
        return act(id, DisputeAction.ACCEPTANCE, body.variables());
    }

    @PostMapping(value = "/{id}/consent", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "征询意愿 (CONSENT_PENDING): AGREED → MEDIATOR_ASSIGNMENT; REFUSED/UNREACHABLE → TERMINATED_NO_AGREEMENT")
    DisputeView consent(@PathVariable String id, @RequestBody DisputeRequests.Consent body) {
        return act(id, DisputeAction.CONSENT, body.variables());
    }

    @PostMapping(value = "/{id}/mediators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "指定调解员 (MEDIATOR_ASSIGNMENT) → IN_MEDIATION with dueAt from the configured limit and the calendar")
    DisputeView mediators(@PathVariable String id, @RequestBody DisputeRequests.Mediators body) {
        return act(id, DisputeAction.MEDIATORS, body.variables());
    }

    @PostMapping(value = "/{id}/recusal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "回避 (IN_MEDIATION): the presiding mediator is replaced")
    DisputeView recusal(@PathVariable String id, @RequestBody DisputeRequests.Recusal body) {
        return act(id, DisputeAction.RECUSAL, body.variables());
    }

    @PostMapping(value = "/{id}/sessions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "调解记录 (IN_MEDIATION); the rights notice must be delivered at or before the first session")
    DisputeView sessions(@PathVariable String id, @RequestBody DisputeRequests.Session body) {
        return act(id, DisputeAction.SESSIONS, body.variables());
    }

    @PostMapping(value = "/{id}/extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "延长调解期限 (IN_MEDIATION, also after the deadline): allPartiesConsent must be true")
    DisputeView extension(@PathVariable String id, @RequestBody DisputeRequests.Extension body) {
        return act(id, DisputeAction.EXTENSION, body.variables());
    }

    @PostMapping(value = "/{id}/escalation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "逐级上报 (IN_MEDIATION) → TRIAGE at a higher level")
    DisputeView escalation(@PathVariable String id, @RequestBody DisputeRequests.Escalation body) {
        return act(id, DisputeAction.ESCALATION, body.variables());
    }

    @PostMapping(value = "/{id}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "调解协议 (IN_MEDIATION) → PERFORMANCE_MONITORING, agreementEffectiveAt set")
    DisputeView agreement(@PathVariable String id, @RequestBody DisputeRequests.Agreement body) {
        return act(id, DisputeAction.AGREEMENT, body.variables());
    }

    @PostMapping(value = "/{id}/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "终止调解 (IN_MEDIATION) → TERMINATED_NO_AGREEMENT; routesInformed needs at least one route")
    DisputeView termination(@PathVariable String id, @RequestBody DisputeRequests.Termination body) {
        return act(id, DisputeAction.TERMINATION, body.variables());
    }

    @PostMapping(value = "/{id}/judicial-confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请司法确认 (PERFORMANCE_MONITORING) → JUDICIAL_CONFIRMATION; filedAt more than 30 days after "
            + "agreementEffectiveAt (deadline rolled past rest days) → 409 deadline-passed")
    DisputeView judicialConfirmation(@PathVariable String id, @RequestBody DisputeRequests.JudicialConfirmation body) {
        return act(id, DisputeAction.JUDICIAL_CONFIRMATION, body.variables());
    }

    @PostMapping(value = "/{id}/court-acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "法院受理 (JUDICIAL_CONFIRMATION, not yet accepted; rule D13): the court accepted the application "
            + "at acceptedAt (not before the filing, not in the future) under courtCaseNo; the ruling is due 15 days later "
            + "(judicialConfirmation.reviewDueAt). Without it the 3-day acceptance limit raises a 督办 reminder")
    DisputeView courtAcceptance(@PathVariable String id, @RequestBody DisputeRequests.CourtAcceptance body) {
        return act(id, DisputeAction.COURT_ACCEPTANCE, body.variables());
    }

    @PostMapping(value = "/{id}/court-extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "延长审查期限 (JUDICIAL_CONFIRMATION, accepted; rule D13): the court president approved extending "
            + "the review by 10 days (judicialConfirmation.extendedReviewDueAt); reason required. Only once: a second "
            + "extension, or one before the acceptance is recorded, → 409 illegal-transition")
    DisputeView courtExtension(@PathVariable String id, @RequestBody DisputeRequests.CourtExtension body) {
        return act(id, DisputeAction.COURT_EXTENSION, body.variables());
    }

    @PostMapping(value = "/{id}/court-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "法院裁定 (JUDICIAL_CONFIRMATION), a message to the process: CONFIRMED_VALID/WITHDRAWN → "
            + "PERFORMANCE_MONITORING; REJECTED → IN_MEDIATION with a new dueAt")
    DisputeView courtDecision(@PathVariable String id, @RequestBody DisputeRequests.CourtDecision body) {
        return act(id, DisputeAction.COURT_DECISION, body.variables());
    }

    @PostMapping(value = "/{id}/performance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "履行情况 (PERFORMANCE_MONITORING): DONE/DEFAULTED → RETURN_VISIT; PARTIAL stays")
    DisputeView performance(@PathVariable String id, @RequestBody DisputeRequests.Performance body) {
        return act(id, DisputeAction.PERFORMANCE, body.variables());
    }

    @PostMapping(value = "/{id}/return-visit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "回访 (RETURN_VISIT or TERMINATED_NO_AGREEMENT): satisfied → CLOSED; DISSATISFIED → SUPERVISOR_REVIEW")
    DisputeView returnVisit(@PathVariable String id, @RequestBody DisputeRequests.ReturnVisit body) {
        return act(id, DisputeAction.RETURN_VISIT, body.variables());
    }

    @PostMapping(value = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "督办复核 (SUPERVISOR_REVIEW): REOPEN → IN_MEDIATION with a new dueAt; CLOSE → CLOSED")
    DisputeView review(@PathVariable String id, @RequestBody DisputeRequests.Review body) {
        return act(id, DisputeAction.REVIEW, body.variables());
    }

    @PostMapping(value = "/{id}/closure", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "结案 (TERMINATED_NO_AGREEMENT) → CLOSED with outcome FAILED or REFUSED_BY_PARTY")
    DisputeView closure(@PathVariable String id, @RequestBody DisputeRequests.Closure body) {
        return act(id, DisputeAction.CLOSURE, body.variables());
    }

    @PostMapping(value = "/{id}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "立卷归档 (CLOSED, REJECTED_NOT_ACCEPTED, TRANSFERRED_OUT) → ARCHIVED; 422 lists missing mandatory documents")
    DisputeView archive(@PathVariable String id, @RequestBody DisputeRequests.Archive body) {
        return act(id, DisputeAction.ARCHIVE, body.variables());
    }

    @PostMapping(value = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "当事人撤回申请 (TRIAGE, ASSIGNED_PENDING_ACCEPT, CONSENT_PENDING, MEDIATOR_ASSIGNMENT) → CLOSED, "
            + "outcome WITHDRAWN; during mediation a party's withdrawal is a termination (D2)")
    DisputeView withdrawal(@PathVariable String id, @RequestBody DisputeRequests.Withdrawal body) {
        return act(id, DisputeAction.WITHDRAWAL, body.variables());
    }

    @PostMapping(value = "/{id}/materials-return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退回法院材料 (TERMINATED_NO_AGREEMENT of a court-referred case, D20): needed before closure and return visit")
    DisputeView materialsReturn(@PathVariable String id, @RequestBody DisputeRequests.MaterialsReturn body) {
        return act(id, DisputeAction.MATERIALS_RETURN, body.variables());
    }

    @PostMapping(value = "/{id}/risk-report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报告激化风险 (any open status, D18): riskLevel, reportedTo POLICE/LOCAL_GOVERNMENT/OTHER_AUTHORITY, "
            + "description; opens a report step due within the configured limit (riskReportDueAt)")
    DisputeView riskReport(@PathVariable String id, @RequestBody DisputeRequests.RiskReport body) {
        return act(id, DisputeAction.RISK_REPORT, body.variables());
    }

    @PostMapping(value = "/{id}/risk-report-delivery", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "风险报告已送达 (while a report step is open, D18): deliveredAt, receivedBy")
    DisputeView riskReportDelivery(@PathVariable String id, @RequestBody DisputeRequests.RiskReportDelivery body) {
        return act(id, DisputeAction.RISK_REPORT_DELIVERY, body.variables());
    }

    @PostMapping(value = "/{id}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a dossier document (一案一卷); 201")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<DocumentView> addDocument(@PathVariable String id, @RequestBody DisputeRequests.Document body) {
        DisputeRecords.DocumentRecord d = disputes.addDocument(id, body.type(), body.title(), body.fileName(),
                body.contentBase64(), currentCaller.get());
        return ResponseEntity.created(URI.create("/api/disputes/" + id + "/documents/" + d.id())).body(DocumentView.of(d));
    }

    @GetMapping("/{id}/documents")
    @Operation(summary = "The dossier: uploaded documents, records the product produced itself, and missingForArchive")
    DossierView documents(@PathVariable String id) {
        DisputeManagement.Dossier dossier = disputes.dossier(id, currentCaller.get());
        return new DossierView(dossier.documents().stream().map(DocumentView::of).toList(), dossier.produced(),
                dossier.missingForArchive());
    }
}
