package org.fengqiao.custody.web;

import java.net.URI;
import java.util.List;

import org.fengqiao.custody.CustodyInventory;
import org.fengqiao.custody.CustodyManagement;
import org.fengqiao.custody.ExceptionRecord;
import org.fengqiao.custody.process.CustodyWorkflow;
import org.fengqiao.shared.ForbiddenException;
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

/** 盘点 (property-inventory): custodians count a zone or a case; discrepancies become exception records. */
@RestController
@RequestMapping(path = "/api/inventories", produces = "application/json")
@Tag(name = "涉案财物 property custody")
class InventoryController {

    record InventoryView(CustodyInventory inventory, List<ExceptionRecord> exceptions) {
    }

    private final CustodyWorkflow workflow;
    private final CustodyManagement management;
    private final CurrentCaller currentCaller;

    InventoryController(CustodyWorkflow workflow, CustodyManagement management, CurrentCaller currentCaller) {
        this.workflow = workflow;
        this.management = management;
        this.currentCaller = currentCaller;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "开始盘点 (start an inventory of a zone or a case: { zoneId } or { caseId })")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<InventoryView> start(@RequestBody ActionBodies.NewInventory body) {
        CustodyInventory inventory = workflow.startInventory(currentCaller.get(), body.zoneId(), body.caseId());
        return ResponseEntity.created(URI.create("/api/inventories/" + inventory.id()))
                .body(new InventoryView(inventory, List.of()));
    }

    @GetMapping("/{id}")
    InventoryView get(@PathVariable String id) {
        if (!currentCaller.get().hasRole("custodian")) {
            throw new ForbiddenException("盘点由保管员办理 (only custodians see inventories)");
        }
        return new InventoryView(management.inventory(id), management.exceptionsOfInventory(id));
    }

    @PostMapping(path = "/{id}/count", consumes = "application/json")
    @Operation(summary = "清点结果 ({ foundItemNos: [...] })")
    InventoryView count(@PathVariable String id, @RequestBody ActionBodies.InventoryCount body) {
        CustodyInventory inventory = workflow.count(currentCaller.get(), id, body.foundItemNos());
        return new InventoryView(inventory, management.exceptionsOfInventory(id));
    }
}
