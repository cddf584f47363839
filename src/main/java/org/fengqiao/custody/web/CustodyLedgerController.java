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
import org.fengqiao.custody.ledger.Checkpoint;
import org.fengqiao.custody.ledger.LedgerCheckpoints;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
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
    private final LedgerCheckpoints checkpoints;

    CustodyLedgerController(CustodyLedger ledger, PropertyItems items, CustodyAccess access, CustodyViews views,
                            CurrentCaller currentCaller, LedgerCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
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
    @Operation(summary = "校验哈希链 (recomputes the whole chain in batches and checks it against every signed checkpoint "
            + "file: {valid, entries, firstInvalidSeq, checkpoints: {checked, consistent}, reason})")
    CustodyLedger.Verification verify() {
        return checkpoints.verify();
    }

    @PostMapping("/checkpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "签署检查点 (admin: sign a checkpoint over the whole ledger now)")
    Checkpoint sign() {
        if (!currentCaller.get().isAdmin()) {
            throw new ForbiddenException("只有管理员可以签署台账检查点 (admins only)");
        }
        return checkpoints.sign(false).orElseThrow();
    }

    @GetMapping("/checkpoints/latest")
    @Operation(summary = "最新检查点 (the latest signed checkpoint)")
    Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> new NotFoundException("检查点 checkpoint", "latest"));
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "检查点列表 (signed checkpoints, newest first, paged)")
    LedgerCheckpoints.Page checkpoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return checkpoints.page(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
    }

    @GetMapping("/public-key")
    @Operation(summary = "公钥 (the Ed25519 key that signs checkpoints: {keyId, algorithm, publicKey (base64 X.509), keyName})")
    LedgerCheckpoints.PublicKeyView publicKey() {
        return checkpoints.publicKey();
    }
}
