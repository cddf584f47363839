package org.fengqiao.custody.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyLedger;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.ItemStatus;
import org.fengqiao.custody.LedgerEventType;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.custody.ledger.LedgerReceipts;
import org.fengqiao.custody.process.CustodyWorkflow;
import org.fengqiao.shared.Caller;
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
 * Items and their actions. Every action answers 200 with the item after all automatic steps;
 * refusals follow the contract's order: 404 (not visible), 403 (role, separation of duties),
 * 409 (state), 422 (content).
 */
@RestController
@RequestMapping(path = "/api/property-items", produces = "application/json")
@Tag(name = "涉案财物 property custody")
class PropertyItemController {

    private final CustodyManagement management;
    private final CustodyWorkflow workflow;
    private final PropertyItems items;
    private final CustodyLedger ledger;
    private final CustodyAccess access;
    private final CustodyViews views;
    private final CurrentCaller currentCaller;
    private final LedgerReceipts receipts;

    PropertyItemController(CustodyManagement management, CustodyWorkflow workflow, PropertyItems items,
                           CustodyLedger ledger, CustodyAccess access, CustodyViews views, CurrentCaller currentCaller,
                           LedgerReceipts receipts) {
        this.receipts = receipts;
        this.management = management;
        this.workflow = workflow;
        this.items = items;
        this.ledger = ledger;
        this.access = access;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Operation(summary = "财物列表 (items visible to the caller; 专区 items only for their agency and custodians)")
    CustodyViews.Page<CustodyViews.ItemView> list(@RequestParam(required = false) ItemStatus status,
                                                  @RequestParam(required = false) String caseId,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "20") int size) {
        Caller caller = currentCaller.get();
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        PropertyItems.Page result = items.page(status, caseId, access.visibleScopes(caller), access.hiddenZones(caller), p, s);
        return new CustodyViews.Page<>(result.items().stream().map(i -> views.item(caller, i)).toList(), p, s,
                result.total());
    }

    @GetMapping("/{id}")
    CustodyViews.ItemView get(@PathVariable String id) {
        Caller caller = currentCaller.get();
        return views.item(caller, management.visibleItem(caller, id));
    }

    @GetMapping("/{id}/ledger")
    @Operation(summary = "该财物的台账条目 (the item's entries of the global custody ledger)")
    List<CustodyViews.LedgerView> ledger(@PathVariable String id) {
        management.visibleItem(currentCaller.get(), id);
        return ledger.ofItem(id).stream().map(e -> views.ledger(e, true)).toList();
    }

    @GetMapping("/{id}/ledger/receipt")
    @Operation(summary = "台账回执 (the item's entries with RFC 9162 inclusion proofs against a signed checkpoint and the "
            + "public key; verify offline with `java -jar fengqiao.jar verify-receipt receipt.json public-key.json`)")
    ResponseEntity<byte[]> receipt(@PathVariable String id) {
        management.visibleItem(currentCaller.get(), id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"ledger-receipt-" + id + ".json\"")
                .body(receipts.receipt(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "时间线 (timeline: ledger entries and timer alerts)")
    List<CustodyViews.HistoryView> history(@PathVariable String id) {
        management.visibleItem(currentCaller.get(), id);
        List<CustodyViews.HistoryView> history = new ArrayList<>();
        ledger.ofItem(id).forEach(e -> history.add(new CustodyViews.HistoryView(views.local(e.at()), e.actor(),
                LedgerEventType.valueOf(e.eventType()).action(), e.eventType(), e.fromStatus(), e.toStatus(),
                views.json(e.details()))));
        management.alerts(id).forEach(a -> history.add(new CustodyViews.HistoryView(views.local(a.raisedAt()), "system",
                a.kind().toLowerCase().replace('_', '-'), null, null, null,
                views.json("{\"message\":" + jsonString(a.message()) + "}"))));
        history.sort(Comparator.comparing(CustodyViews.HistoryView::at, Comparator.comparing(OffsetDateTime::toInstant)));
        return history;
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private CustodyViews.ItemView act(String id, String action, Map<String, Object> variables) {
        Caller caller = currentCaller.get();
        PropertyItem item = workflow.act(caller, id, action, variables);
        return views.item(caller, item);
    }

    @PostMapping(path = "/{id}/handover", consumes = "application/json")
    @Operation(summary = "移交入库 (PENDING_HANDOVER → HANDOVER_INSPECTION; case officers)")
    CustodyViews.ItemView handover(@PathVariable String id, @RequestBody ActionBodies.Handover body) {
        return act(id, "handover", body.variables());
    }

    @PostMapping(path = "/{id}/inspection", consumes = "application/json")
    @Operation(summary = "交接查验 (PASS → IN_STORAGE, MISMATCH → PENDING_HANDOVER; custodians)")
    CustodyViews.ItemView inspection(@PathVariable String id, @RequestBody ActionBodies.Inspection body) {
        return act(id, "inspection", body.variables());
    }

    @PostMapping(path = "/{id}/loan-request", consumes = "application/json")
    @Operation(summary = "调用申请 (IN_STORAGE → LOAN_REQUESTED; officers)")
    CustodyViews.ItemView loanRequest(@PathVariable String id, @RequestBody ActionBodies.LoanRequest body) {
        return act(id, "loan-request", body.variables());
    }

    @PostMapping(path = "/{id}/loan-approval", consumes = "application/json")
    @Operation(summary = "调用审批 (department head, never the requester: → ON_LOAN or IN_STORAGE)")
    CustodyViews.ItemView loanApproval(@PathVariable String id, @RequestBody ActionBodies.Approval body) {
        return act(id, "loan-approval", body.variables());
    }

    @PostMapping(path = "/{id}/loan-return", consumes = "application/json")
    @Operation(summary = "归还查验 (INTACT → IN_STORAGE, otherwise EXCEPTION_DAMAGED_OR_LOST; custodians)")
    CustodyViews.ItemView loanReturn(@PathVariable String id, @RequestBody ActionBodies.LoanReturn body) {
        return act(id, "loan-return", body.variables());
    }

    @PostMapping(path = "/{id}/transfer", consumes = "application/json")
    @Operation(summary = "移送 (PHYSICAL → IN_TRANSFER; RECORD_ONLY: controlling agency changes)")
    CustodyViews.ItemView transfer(@PathVariable String id, @RequestBody ActionBodies.Transfer body) {
        return act(id, "transfer", body.variables());
    }

    @PostMapping(path = "/{id}/transfer-receipt", consumes = "application/json")
    @Operation(summary = "接收签收 (receiving agency: IN_TRANSFER → IN_STORAGE)")
    CustodyViews.ItemView transferReceipt(@PathVariable String id,
                                          @RequestBody(required = false) ActionBodies.TransferReceipt body) {
        return act(id, "transfer-receipt", body == null ? Map.of() : body.variables());
    }

    @PostMapping(path = "/{id}/remote-display", consumes = "application/json")
    @Operation(summary = "远程示证 (recorded; the item never leaves its zone)")
    CustodyViews.ItemView remoteDisplay(@PathVariable String id, @RequestBody ActionBodies.RemoteDisplay body) {
        return act(id, "remote-display", body.variables());
    }

    @PostMapping(path = "/{id}/disposal-request", consumes = "application/json")
    @Operation(summary = "处置申请 (approval authority from the DMN property-disposal-approval; EARLY_DISPOSAL_SALE outside "
            + "administrative cases needs rightHolderConsent, else 422 naming it — C13)")
    CustodyViews.ItemView disposalRequest(@PathVariable String id, @RequestBody ActionBodies.DisposalRequest body) {
        return act(id, "disposal-request", body.variables());
    }

    @PostMapping(path = "/{id}/disposal-approval", consumes = "application/json")
    @Operation(summary = "处置审批 (approver ≠ requester)")
    CustodyViews.ItemView disposalApproval(@PathVariable String id, @RequestBody ActionBodies.Approval body) {
        return act(id, "disposal-approval", body.variables());
    }

    @PostMapping(path = "/{id}/handover-deferral", consumes = "application/json")
    @Operation(summary = "移交期限例外 (C1: REMOTE_EXTRACTION — 24 h from the return to the unit; URGENT_APPRAISAL — "
            + "24 h from the end of the appraisal, recorded by the department head)")
    CustodyViews.ItemView handoverDeferral(@PathVariable String id, @RequestBody ActionBodies.HandoverDeferral body) {
        return act(id, "handover-deferral", body.variables());
    }

    @PostMapping(path = "/{id}/handover-disposal", consumes = "application/json")
    @Operation(summary = "24小时内处置不再移交 (C1, 公安 S10 第190条: property disposed of within 24 h of the seizure — "
            + "disposedAt no later than the hand-over limit from seizedAt, else 422 — is not handed over; the department "
            + "head (or the approver the disposal DMN names) records it with the disposal papers; PENDING_HANDOVER → DISPOSED)")
    CustodyViews.ItemView handoverDisposal(@PathVariable String id, @RequestBody ActionBodies.HandoverDisposal body) {
        return act(id, "handover-disposal", body.variables());
    }

    @PostMapping(path = "/{id}/measure-appraisal", consumes = "application/json")
    @Operation(summary = "检测检验检疫鉴定期间 (C5, 公安 S10 第112条: the time of a 检测、检验、检疫 or 技术鉴定 is not counted "
            + "in the administrative measure's period; measureDueAt moves by its length, the period's timer follows)")
    CustodyViews.ItemView measureAppraisal(@PathVariable String id, @RequestBody ActionBodies.MeasureAppraisal body) {
        return act(id, "measure-appraisal", body.variables());
    }

    @PostMapping(path = "/{id}/measure-extension", consumes = "application/json")
    @Operation(summary = "行政扣押查封延期 (C5: once, +30 days, by the agency's head)")
    CustodyViews.ItemView measureExtension(@PathVariable String id, @RequestBody ActionBodies.MeasureExtension body) {
        return act(id, "measure-extension", body.variables());
    }

    @PostMapping(path = "/{id}/loan-extension", consumes = "application/json")
    @Operation(summary = "调用延期 (C6: a department head of the controlling agency, not the borrower, moves the "
            + "registered return time; the overdue timer follows)")
    CustodyViews.ItemView loanExtension(@PathVariable String id, @RequestBody ActionBodies.LoanExtension body) {
        return act(id, "loan-extension", body.variables());
    }

    @PostMapping(path = "/{id}/refund", consumes = "application/json")
    @Operation(summary = "退库返还 (C10: unclaimed property remitted to the treasury, returned to the owner or an agent "
            + "whose later claim was verified; the item stays DISPOSED)")
    CustodyViews.ItemView refund(@PathVariable String id, @RequestBody ActionBodies.Refund body) {
        return act(id, "refund", body.variables());
    }

    @PostMapping(path = "/{id}/disposal-execution", consumes = "application/json")
    @Operation(summary = "执行处置 (two distinct executors for destruction and valuables, one the caller)")
    CustodyViews.ItemView disposalExecution(@PathVariable String id, @RequestBody ActionBodies.DisposalExecution body) {
        return act(id, "disposal-execution", body.variables());
    }
}
