package org.fengqiao.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 through the API: supervisors issue them on any visible case-like record, the handling side
 * answers them, and an unanswered one escalates one level (催办 → 督办通知 → 通报 → 挂牌督办) when its
 * response deadline passes (信访工作条例 第39-40条 by analogy; 12345 practice P10).
 */
@Service
public class SupervisionManagement {

    private static final Logger log = LoggerFactory.getLogger(SupervisionManagement.class);

    public record Issue(String targetType, String targetId, SupervisionLevel level, String reason) {
    }

    public record Page(List<Supervision> items, int page, int size, long total) {
    }

    private final SupervisionRecords records;
    private final Map<String, SupervisionTarget> targets;
    private final Clock clock;

    SupervisionManagement(SupervisionRecords records, List<SupervisionTarget> targets, Clock clock) {
        this.records = records;
        this.targets = targets.stream().collect(Collectors.toMap(SupervisionTarget::targetType, Function.identity()));
        this.clock = clock;
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.hasRole(Role.SUPERVISOR.groupId())) {
            throw new ForbiddenException("只有督办员可以督办 (only supervisors issue and list supervisions)");
        }
    }

    @Transactional
    public Supervision issue(Issue cmd, Caller caller) {
        requireSupervisor(caller);
        Validation v = new Validation().require(cmd.targetType(), "targetType").require(cmd.targetId(), "targetId")
                .require(cmd.level(), "level").require(cmd.reason(), "reason").text(cmd.reason(), "reason")
                .maxLength(cmd.targetId(), 64, "targetId");
        SupervisionTarget target = cmd.targetType() == null ? null : targets.get(cmd.targetType());
        v.check(cmd.targetType() == null || target != null, "targetType",
                "未知的督办对象类型，可选 " + targets.keySet() + " (unknown target type)");
        v.throwIfInvalid();
        Optional<String> ref = target.visibleRef(cmd.targetId(), caller);
        if (ref.isEmpty()) {
            throw org.fengqiao.shared.ValidationException.of("targetId", "督办对象不存在或无权查看 (no such target visible to you)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return records.raiseWithResponseLimit(cmd.targetType(), cmd.targetId(), ref.get(), cmd.level(), cmd.reason(),
                "MANUAL", caller.userId(), now);
    }

    public Page list(SupervisionRecords.Filter filter, Caller caller, int page, int size) {
        requireSupervisor(caller);
        return new Page(records.list(filter, page, size), page, size, records.count(filter));
    }

    /** A supervision is visible to supervisors and to whoever may see its target. */
    public Supervision getVisible(String id, Caller caller) {
        Supervision s = (id == null || id.length() > 64) ? null : find(id);
        if (s == null || !(caller.hasRole(Role.SUPERVISOR.groupId()) || targetVisible(s, caller))) {
            throw new NotFoundException("督办 (supervision)", id);
        }
        return s;
    }

    private Supervision find(String id) {
        try {
            return records.find(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return null;
        }
    }

    private boolean targetVisible(Supervision s, Caller caller) {
        SupervisionTarget target = targets.get(s.targetType());
        return target != null && target.visibleRef(s.targetId(), caller).isPresent();
    }

    @Transactional
    public Supervision respond(String id, String response, Caller caller) {
        Supervision s = getVisible(id, caller);
        new Validation().require(response, "response").text(response, "response").throwIfInvalid();
        if (!s.open() || !records.respond(id, response, caller.userId(), OffsetDateTime.now(clock))) {
            throw new IllegalTransitionException("督办已办结，不能再答复 (the supervision is already closed)");
        }
        return records.find(id);
    }

    /**
     * Escalates every supervision left unanswered past its response deadline to the next level,
     * with a fresh deadline; the old record points at the new one. Returns the new records.
     */
    @Transactional
    public List<Supervision> escalateOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Supervision> raised = new java.util.ArrayList<>();
        for (Supervision s : records.unansweredPastDeadline(now)) {
            SupervisionLevel next = SupervisionLevel.values()[s.level().ordinal() + 1];
            Supervision escalated = records.raiseWithResponseLimit(s.targetType(), s.targetId(), s.targetRef(), next,
                    "逾期未答复" + s.level().label() + "，升级为" + next.label() + "：" + s.reason()
                            + " (unanswered past " + s.responseDueAt().toLocalDate() + ")",
                    "ESCALATION", SupervisionRecords.SYSTEM, now);
            records.markEscalated(s.id(), escalated.id(), now);
            raised.add(escalated);
        }
        return raised;
    }

    @Scheduled(initialDelayString = "${fengqiao.supervision.escalation-interval:600000}",
            fixedDelayString = "${fengqiao.supervision.escalation-interval:600000}")
    void escalateOnSchedule() {
        try {
            int n = escalateOverdue().size();
            if (n > 0) {
                log.info("Escalated {} unanswered supervisions", n);
            }
        } catch (RuntimeException e) {
            log.warn("Supervision escalation failed: {}", e.toString());
        }
    }
}
