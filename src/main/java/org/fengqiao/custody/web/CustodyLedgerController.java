package org.fengqiao.custody.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fengqiao.custody.CustodyAccess;
import org.fengqiao.custody.CustodyLedger;
import org.fengqiao.custody.LedgerEntry;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The global custody ledger. Every authenticated user can walk the chain and check the hashes;
 * entries of items the caller may not see keep seq, event type, statuses and hashes but hide item,
 * actor and details.
 */
@RestController
@RequestMapping(path = "/api/custody-ledger", produces = "application/json")
@Tag(name = "涉案财物 property custody")
class CustodyLedgerController {

    private final CustodyLedger ledger;
    private final PropertyItems items;
    private final CustodyAccess access;
    private final CustodyViews views;
    private final CurrentCaller currentCaller;

    CustodyLedgerController(CustodyLedger ledger, PropertyItems items, CustodyAccess access, CustodyViews views,
                            CurrentCaller currentCaller) {
        this.ledger = ledger;
        this.items = items;
        this.access = access;
        this.views = views;
        this.currentCaller = currentCaller;
    }

    @GetMapping
    @Operation(summary = "台账 (the chain in seq order, paged)")
    CustodyViews.Page<CustodyViews.LedgerView> list(@RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        Caller caller = currentCaller.get();
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        List<LedgerEntry> entries = ledger.page(p, s);
        Map<String, PropertyItem> byId = items.findAll(entries.stream().map(LedgerEntry::itemId).distinct().toList())
                .stream().collect(Collectors.toMap(PropertyItem::id, Function.identity()));
        List<CustodyViews.LedgerView> views = entries.stream().map(e -> this.views.ledger(e,
                byId.containsKey(e.itemId()) && access.canSee(caller, byId.get(e.itemId())))).toList();
        return new CustodyViews.Page<>(views, p, s, ledger.count());
    }

    @GetMapping("/verification")
    @Operation(summary = "校验哈希链 (recomputes the whole chain in batches: {valid, entries, firstInvalidSeq})")
    CustodyLedger.Verification verify() {
        return ledger.verify();
    }
}
