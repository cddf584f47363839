package org.fengqiao.custody.web;

import java.net.URI;
import java.util.List;

import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.NewPropertyCase;
import org.fengqiao.custody.NewPropertyItem;
import org.fengqiao.custody.PropertyCase;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.custody.process.CustodyWorkflow;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = "/api/property-cases", produces = "application/json")
@Tag(name = "涉案财物 property custody")
class PropertyCaseController {

    private final CustodyManagement management;
    private final CustodyWorkflow workflow;
    private final PropertyItems items;
    private final CustodyAccess access;
    private final CustodyViews views;
    private final CurrentCaller currentCaller;

    PropertyCaseController(CustodyManagement management, CustodyWorkflow workflow, PropertyItems items,
                           CustodyAccess access, CustodyViews views, CurrentCaller currentCaller) {
        this.management = management;
        this.workflow = workflow;
        this.items = items;
        this.access = access;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "登记涉案财物案件 (open a property case; officers of the handling agency, ≥2 officers)")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<CustodyViews.CaseView> open(@RequestBody NewPropertyCase body) {
        PropertyCase created = management.openCase(currentCaller.get(), body);
        return ResponseEntity.created(URI.create("/api/property-cases/" + created.id()))
                .body(views.propertyCase(created, List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "案件及其财物 (a property case with the items the caller sees)")
    CustodyViews.CaseView get(@PathVariable String id) {
        Caller caller = currentCaller.get();
        PropertyCase found = management.visibleCase(caller, id);
        return views.propertyCase(found, items.ofCase(id).stream().filter(i -> access.canSee(caller, i))
                .map(i -> views.item(caller, i)).toList());
    }

    /** Body of {@code POST /api/property-cases/{id}/stage}. */
    record StageChange(org.fengqiao.custody.ProceedingsStage stage, String documentNo) {
    }

    @PostMapping(path = "/{id}/stage", consumes = "application/json")
    @Operation(summary = "登记诉讼阶段 (record the stage of the proceedings: INVESTIGATION, PROSECUTION, TRIAL, CONCLUDED; "
            + "final disposals wait for CONCLUDED, else 409 proceedings-pending — C17)")
    CustodyViews.CaseView stage(@PathVariable String id, @RequestBody StageChange body) {
        Caller caller = currentCaller.get();
        PropertyCase changed = workflow.changeStage(caller, id, body.stage(), body.documentNo());
        return views.propertyCase(changed, items.ofCase(id).stream().filter(i -> access.canSee(caller, i))
                .map(i -> views.item(caller, i)).toList());
    }

    @PostMapping(path = "/{id}/judgment-delivery", consumes = "application/json")
    @Operation(summary = "登记收到生效判决书 (C7, 最高法解释 第447条: after a criminal case's judgment took effect "
            + "(stage CONCLUDED) the court delivers it within judgmentDeliveryDueAt, 10 days; the case's agency records "
            + "its arrival — every item's ledger notes it; past the limit a 督办 is raised. 409 when none is awaited)")
    CustodyViews.CaseView judgmentDelivery(@PathVariable String id, @RequestBody ActionBodies.JudgmentDelivery body) {
        Caller caller = currentCaller.get();
        PropertyCase changed = workflow.recordJudgmentDelivery(caller, id, body.variables());
        return views.propertyCase(changed, items.ofCase(id).stream().filter(i -> access.canSee(caller, i))
                .map(i -> views.item(caller, i)).toList());
    }

    @PostMapping(path = "/{id}/items", consumes = "application/json")
    @Operation(summary = "登记扣押财物 (register seized items: status PENDING_HANDOVER, itemNo, handoverDueAt)")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<List<CustodyViews.ItemView>> register(@PathVariable String id, @RequestBody List<NewPropertyItem> body) {
        Caller caller = currentCaller.get();
        List<CustodyViews.ItemView> created = workflow.register(caller, id, body).stream()
                .map(i -> views.item(caller, i)).toList();
        return ResponseEntity.created(URI.create("/api/property-items?caseId=" + id)).body(created);
    }
}
