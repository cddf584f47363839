package org.fengqiao.supervision.web;

import java.net.URI;
import java.util.List;

import org.fengqiao.shared.Caller;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.security.CurrentCaller;
import org.fengqiao.supervision.Supervision;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionManagement;
import org.fengqiao.supervision.SupervisionRecords;
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

/** {@code /api/supervisions}: 督办 records (催办 REMINDER, 督办通知 NOTICE, 通报 BULLETIN, 挂牌督办 LISTED). */
@RestController
@RequestMapping(value = "/api/supervisions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervisions", description = "督办")
class SupervisionController {

    record IssueBody(String targetType, String targetId, SupervisionLevel level, String reason) {
    }

    record ResponseBody(String response) {
    }

    record PageView(List<Supervision> items, int page, int size, long total) {
    }

    private final SupervisionManagement supervisions;
    private final CurrentCaller currentCaller;

    SupervisionController(SupervisionManagement supervisions, CurrentCaller currentCaller) {
        this.supervisions = supervisions;
        this.currentCaller = currentCaller;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a 督办 (supervisor role; 201). targetType DISPUTE or APPEAL; a target that does not exist "
            + "or that the caller cannot see → 422 on targetId. The answer is due within fengqiao.supervision.response-limit "
            + "(working days); unanswered, it escalates REMINDER → NOTICE → BULLETIN → LISTED automatically.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<Supervision> issue(@RequestBody IssueBody body) {
        Supervision s = supervisions.issue(new SupervisionManagement.Issue(body.targetType(), body.targetId(), body.level(),
                body.reason()), currentCaller.get());
        return ResponseEntity.created(URI.create("/api/supervisions/" + s.id())).body(s);
    }

    @GetMapping
    @Operation(summary = "Supervisions, newest first (supervisor role). open=true: not yet answered or closed; "
            + "filters targetType, targetId; page (0-based), size (default 20, max 200)")
    PageView list(@RequestParam(required = false) Boolean open, @RequestParam(required = false) String targetType,
                  @RequestParam(required = false) String targetId, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        new Validation().check(page >= 0, "page", "不能为负 (must be >= 0)")
                .check(size >= 1 && size <= 200, "size", "必须在 1 到 200 之间 (must be 1..200)").throwIfInvalid();
        Caller caller = currentCaller.get();
        SupervisionManagement.Page result = supervisions.list(new SupervisionRecords.Filter(open, targetType, targetId),
                caller, page, size);
        return new PageView(result.items(), page, size, result.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One supervision (supervisors, and whoever can see its target)")
    Supervision get(@PathVariable String id) {
        return supervisions.getVisible(id, currentCaller.get());
    }

    @PostMapping(value = "/{id}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer a supervision: {response}; closes it. Already closed → 409")
    Supervision respond(@PathVariable String id, @RequestBody ResponseBody body) {
        return supervisions.respond(id, body.response(), currentCaller.get());
    }
}
