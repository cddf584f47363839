package org.fengqiao.dispute;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fengqiao.calendar.DeadlineUnit;
import org.fengqiao.calendar.TimeLimit;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.dispute.DisputeCommands.*;
import org.fengqiao.dispute.process.DisputeProcessGateway;
import org.fengqiao.organisation.Organisation;
import org.fengqiao.organisation.OrganisationDirectory;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.DeadlinePassedException;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinates a dispute's record, its process instance, its history and its 督办 records. The
 * REST facade calls {@link #register} and {@link #act}; the process calls {@link #apply} from the
 * user tasks' complete listener (both doors end up here) and the timer methods from its delegates.
 */
@Service
public class DisputeManagement {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DisputeManagement.class);

    public static final String SYSTEM = "system";
    static final String TARGET_TYPE = "DISPUTE";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<OrganisationType> CENTRE_TYPES = EnumSet.of(OrganisationType.CENTRE);

    /** One page of cases. */
    public record Page(List<DisputeCase> items, int page, int size, long total) {
    }

    /** A dossier document or a record produced by the product that counts as one. */
    public record Dossier(List<DisputeRecords.DocumentRecord> documents, List<DocumentType> produced,
                          List<DocumentType> missingForArchive) {
    }

    private final DisputeCases cases;
    private final DisputeRecords records;
    private final DisputeAccess access;
    private final TriageAdvisor advisor;
    private final OrganisationDirectory organisations;
    private final WorkingCalendar calendar;
    private final DisputeSettings settings;
    private final DisputeProcessGateway process;
    private final SupervisionRecords supervisions;
    private final DisputeMetrics metrics;
    private final Clock clock;

    DisputeManagement(DisputeCases cases, DisputeRecords records, DisputeAccess access, TriageAdvisor advisor,
                      OrganisationDirectory organisations, WorkingCalendar calendar, DisputeSettings settings,
                      DisputeProcessGateway process, SupervisionRecords supervisions, DisputeMetrics metrics,
                      Clock clock) {
        this.cases = cases;
        this.records = records;
        this.access = access;
        this.advisor = advisor;
        this.organisations = organisations;
        this.calendar = calendar;
        this.settings = settings;
        this.process = process;
        this.supervisions = supervisions;
        this.metrics = metrics;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    // --- reading ---------------------------------------------------------------------------------

    public DisputeCase getVisible(String id, Caller caller) {
        DisputeCase c = (id == null || !ID.matcher(id).matches()) ? null : cases.find(id).orElse(null);
        if (c == null || !access.canSee(c, caller, records.latestConfirmation(c.id()).isPresent())) {
            throw new NotFoundException("纠纷案件 (dispute)", id);
        }
        return c;
    }

    public java.util.Optional<DisputeCase> find(String id) {
        return cases.find(id);
    }

    /** The id of the case with this 案号, if any. */
    public java.util.Optional<String> idOfCaseNo(String caseNo) {
        return cases.idOfCaseNo(caseNo);
    }

    public DisputeCase get(String id) {
        return cases.find(id).orElseThrow(() -> new NotFoundException("纠纷案件 (dispute)", id));
    }

    public Page list(DisputeCases.Filter filter, Caller caller, int page, int size) {
        new Validation().name(filter.orgId(), "orgId").name(filter.centreId(), "centreId").throwIfInvalid();
        DisputeCases.Scope scope = access.scopeOf(caller);
        return new Page(cases.list(filter, scope, page, size), page, size, cases.count(filter, scope));
    }

    public List<DisputeRecords.HistoryEntry> history(String id, Caller caller) {
        return records.history(getVisible(id, caller).id());
    }

    public List<String> allowedActions(DisputeCase c, Caller caller) {
        return access.allowedActions(c, caller);
    }

    // --- registration ----------------------------------------------------------------------------

    @Transactional
    public DisputeCase register(Registration cmd, Caller caller) {
        DisputeCase c = newCase(cmd, caller);
        c.processInstanceId = process.start(c);
        return registered(c, caller);
    }

    /**
     * A registration from the Tasklist's start form: the engine has started the process instance
     * (its start listener calls this), the case is registered exactly as {@link #register} does,
     * with the same checks, and linked to that instance.
     */
    @Transactional
    public DisputeCase registerStarted(Registration cmd, Caller caller, String processInstanceId) {
        if (caller == null) {
            throw new ForbiddenException("只有受理员或研判员可以登记纠纷 (only clerks and triage officers register disputes)");
        }
        DisputeCase c = newCase(cmd, caller);
        c.processInstanceId = processInstanceId;
        return registered(c, caller);
    }

    private DisputeCase newCase(Registration cmd, Caller caller) {
        if (!(caller.hasRole(Role.CLERK.groupId()) || caller.hasRole(Role.TRIAGE.groupId()))) {
            throw new ForbiddenException("只有受理员或研判员可以登记纠纷 (only clerks and triage officers register disputes)");
        }
        // after the role check: the single-field constraints of the command, then the rules across fields
        Validation v = new Validation().constraints(cmd);
        v.money(cmd.amountInvolved(), "amountInvolved");
        if (cmd.centreId() != null) {
            Organisation centre = organisations.find(cmd.centreId()).orElse(null);
            v.check(centre != null && CENTRE_TYPES.contains(centre.type()), "centreId",
                    "不是矛盾纠纷调处化解中心 (not a centre)");
            v.check(centre == null || caller.isAdmin() || organisations.reaches(caller, centre.id()), "centreId",
                    "只能在本人所属中心登记 (not one of your centres)");
        }
        List<PartyInput> parties = cmd.parties() == null ? List.of() : cmd.parties();
        v.check(parties.stream().anyMatch(p -> p != null && p.role() == PartyRole.APPLICANT), "parties",
                "至少需要一名申请人 (at least one APPLICANT)");
        v.check(parties.stream().anyMatch(p -> p != null && p.role() == PartyRole.RESPONDENT), "parties",
                "至少需要一名被申请人 (at least one RESPONDENT)");
        for (int i = 0; i < parties.size(); i++) {
            v.check(parties.get(i) != null, "parties[" + i + "]", Validation.REQUIRED);
        }
        v.throwIfInvalid();

        OffsetDateTime now = now();
        DisputeCase c = new DisputeCase();
        c.id = UUID.randomUUID().toString();
        c.caseNo = caseNumber(cmd.centreId(), now);
        c.title = cmd.title();
        c.facts = cmd.facts();
        c.claims = cmd.claims();
        c.category = cmd.category();
        c.channel = cmd.channel();
        c.sourceRef = cmd.sourceRef();
        c.amountInvolved = cmd.amountInvolved();
        c.centreId = cmd.centreId();
        c.status = DisputeStatus.TRIAGE;
        c.createdBy = caller.userId();
        c.createdAt = now;
        c.updatedAt = now;
        int seq = 0;
        for (PartyInput p : parties) {
            c.parties.add(new Party(null, seq++, p.role(), p.type(), p.name(), p.idNumber(), p.phone(), p.address()));
        }
        c.suggestion = advisor.suggest(c.category, c.channel, c.amountInvolved, parties.size(), c.centreId);
        cases.insert(c);
        return c;
    }

    private DisputeCase registered(DisputeCase c, Caller caller) {
        OffsetDateTime now = c.createdAt;
        cases.update(c);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseNo", c.caseNo);
        details.put("channel", c.channel.name());
        details.put("centreId", c.centreId);
        records.addHistory(c.id, now, caller.userId(), "register", null, DisputeStatus.TRIAGE, details);
        return get(c.id);
    }

    private String caseNumber(String centreId, OffsetDateTime now) {
        Organisation centre = organisations.get(centreId);
        String abbr = centre.caseNoAbbr() == null ? centre.code() : centre.caseNoAbbr();
        int year = now.atZoneSameInstant(calendar.zone()).getYear();
        int seq = cases.nextCaseNumber(abbr, year);
        String number = String.format("%0" + settings.caseNoDigits() + "d", seq);
        return settings.caseNoFormat().replace("{year}", String.valueOf(year)).replace("{abbr}", abbr)
                .replace("{seq}", number);
    }

    // --- actions through the REST facade ----------------------------------------------------------

    /**
     * Performs an action for a REST caller: 404 if the case is not visible, 403 for the role, 409
     * for the state, then completes the same user task the Tasklist shows (whose listener calls
     * {@link #apply}). One transaction: a refusal anywhere changes nothing.
     */
    @Transactional
    public DisputeCase act(String id, DisputeAction action, Map<String, Object> variables, Caller caller) {
        DisputeCase c = getVisible(id, caller);
        access.require(action, c, caller);
        if (action == DisputeAction.COURT_DECISION || action == DisputeAction.WITHDRAWAL || action == DisputeAction.RISK_REPORT) {
            // the court's ruling, a withdrawal and a risk report arrive as messages the model listens for
            process.correlate(c, action, variables, caller);
        } else {
            process.completeStep(c, action, variables, caller);
        }
        return get(id);
    }

    // --- the steps, called from the process ---------------------------------------------------------

    /**
     * Applies a step submitted through either door. {@code actor} is null for engine-internal
     * calls. Returns the routing decision for the model's next gateway.
     */
    @Transactional
    public String apply(String caseId, DisputeAction action, Object command, Caller actor) {
        io.micrometer.core.instrument.Timer.Sample sample = metrics.start();
        String result = "refused";
        try {
            String route = applyStep(caseId, action, command, actor);
            result = "applied";
            return route;
        } finally {
            metrics.stop(sample, action.path(), result);
            org.slf4j.MDC.remove("caseNo");
        }
    }

    private String applyStep(String caseId, DisputeAction action, Object command, Caller actor) {
        cases.lock(caseId);
        DisputeCase c = get(caseId);
        org.slf4j.MDC.put("caseNo", c.caseNo());
        // Re-checked under the row lock. The state comes first here: when two requests race, the
        // loser finds the case already moved on (409), even if the move also changed who may act.
        // (The REST facade has already answered 404/403/409 in the contract's order in act().)
        if (!action.allowedIn(c)) {
            throw action.refusal(c);
        }
        if (actor != null) {
            access.require(action, c, actor);
        }
        String actorId = actor == null ? SYSTEM : actor.userId();
        DisputeStatus from = c.status;
        OffsetDateTime now = now();
        Map<String, Object> details = new LinkedHashMap<>();
        String route = switch (action) {
            case TRIAGE -> triage(c, (Triage) command, now, details);
            case ACCEPTANCE -> acceptance(c, (Acceptance) command, details);
            case CONSENT -> consent(c, (Consent) command, now, details);
            case MEDIATORS -> mediators(c, (Mediators) command, now, details);
            case RECUSAL -> recusal(c, (Recusal) command, details);
            case SESSIONS -> session(c, (Session) command, actorId, now, details);
            case EXTENSION -> extension(c, (Extension) command, now, details);
            case ESCALATION -> escalation(c, (Escalation) command, details);
            case AGREEMENT -> agreement(c, (Agreement) command, actorId, now, details);
            case TERMINATION -> termination(c, (Termination) command, now, details);
            case JUDICIAL_CONFIRMATION -> judicialConfirmation(c, (JudicialConfirmation) command, actorId, now, details);
            case COURT_ACCEPTANCE -> courtAcceptance(c, (CourtAcceptance) command, actorId, now, details);
            case COURT_EXTENSION -> courtExtension(c, (CourtExtension) command, actorId, now, details);
            case COURT_DECISION -> courtDecision(c, (CourtDecision) command, actorId, now, details);
            case PERFORMANCE -> performance(c, (Performance) command, actorId, now, details);
            case RETURN_VISIT -> returnVisit(c, (ReturnVisit) command, actorId, now, details);
            case REVIEW -> review(c, (Review) command, now, details);
            case CLOSURE -> closure(c, (Closure) command, now, details);
            case ARCHIVE -> archive(c, (Archive) command, now, details);
            case WITHDRAWAL -> withdrawal(c, (Withdrawal) command, now, details);
            case MATERIALS_RETURN -> materialsReturn(c, (MaterialsReturn) command, now, details);
            case RISK_REPORT -> riskReport(c, (RiskReport) command, actorId, now, details);
            case RISK_REPORT_DELIVERY -> riskReportDelivery(c, (RiskReportDelivery) command, actorId, now, details);
        };
        save(c, now, actorId, action.path(), from, details);
        log.info("{} {} by {}: {} -> {}", c.caseNo, action.path(), actorId, from, c.status);
        return route;
    }

    private void save(DisputeCase c, OffsetDateTime now, String actor, String action, DisputeStatus from,
                      Map<String, Object> details) {
        c.updatedAt = now;
        cases.update(c);
        records.addHistory(c.id, now, actor, action, from, c.status, details);
        if (DisputeCase.FINAL.contains(c.status)) {
            supervisions.closeOpen(TARGET_TYPE, c.id, now);
        }
    }

    private String triage(DisputeCase c, Triage cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation();
        v.require(cmd.decision(), "decision");
        v.throwIfInvalid();
        details.put("decision", cmd.decision().name());
        switch (cmd.decision()) {
            case ACCEPT -> {
                v.require(cmd.mediationType(), "mediationType").require(cmd.level(), "level")
                        .require(cmd.orgId(), "orgId").require(cmd.assignmentMode(), "assignmentMode");
                Organisation org = cmd.orgId() == null ? null : organisations.find(cmd.orgId()).orElse(null);
                v.check(cmd.orgId() == null || (org != null && org.type().mediates()), "orgId",
                        "不是调解组织 (not a mediation organisation)");
                v.check(org == null || cmd.level() == null || org.level() == cmd.level(), "level",
                        "与调解组织的层级不一致 (does not match the organisation's level)");
                v.check(c.minLevel == null || cmd.level() == null || !c.minLevel.isHigherThan(cmd.level()), "level",
                        "案件已逐级上报至" + (c.minLevel == null ? "" : c.minLevel.label())
                                + "，不能分流到更低层级 (escalated case cannot go to a lower level)");
                v.check(cmd.dueInDays() == null || (cmd.dueInDays() >= 1 && cmd.dueInDays() <= 365), "dueInDays",
                        "必须在 1 到 365 之间 (must be 1..365)");
                v.throwIfInvalid();
                TimeLimit statutoryLimit = settings.mediationLimit(cmd.mediationType());
                Integer suggested = c.suggestion == null ? null : c.suggestion.dueInDays();
                Integer wanted = cmd.dueInDays() != null ? cmd.dueInDays() : suggested;
                // a limit in days never exceeds a statutory limit in days; against a statutory month the
                // earlier of the two deadlines applies when mediators are assigned
                int days = statutoryLimit.unit() == DeadlineUnit.CALENDAR_DAYS
                        ? Math.min(wanted != null ? wanted : statutoryLimit.amount(), statutoryLimit.amount())
                        : (wanted != null ? wanted : 31 * statutoryLimit.amount());
                Complexity complexity = cmd.complexity() != null ? cmd.complexity()
                        : (c.suggestion != null && c.suggestion.complexity() != null ? c.suggestion.complexity() : Complexity.ORDINARY);
                RiskLevel risk = cmd.riskLevel() != null ? cmd.riskLevel() : RiskLevel.LOW;
                OffsetDateTime acceptanceDue = cmd.assignmentMode() == AssignmentMode.PUSH
                        ? calendar.deadline(now, settings.acceptanceLimit()) : null;
                c.acceptForMediation(cmd.mediationType(), cmd.level(), org.id(), cmd.assignmentMode(), complexity, risk,
                        days, acceptanceDue);
                details.put("mediationType", cmd.mediationType().name());
                details.put("level", cmd.level().name());
                details.put("orgId", org.id());
                details.put("orgName", org.name());
                details.put("assignmentMode", cmd.assignmentMode().name());
                details.put("complexity", complexity.name());
                details.put("riskLevel", risk.name());
                details.put("timeLimitDays", days);
                if (acceptanceDue != null) {
                    details.put("acceptanceDueAt", acceptanceDue.toString());
                }
                return cmd.assignmentMode().name();
            }
            case NOT_ACCEPT -> {
                v.require(cmd.reason(), "reason").text(cmd.reasonText(), "reasonText");
                v.throwIfInvalid();
                c.refuse(cmd.reason(), cmd.reasonText(), now);
                details.put("reason", cmd.reason().name());
                putIfPresent(details, "reasonText", cmd.reasonText());
                return "NOT_ACCEPT";
            }
            default -> {
                v.require(cmd.transferTo(), "transferTo").title(cmd.transferTo(), "transferTo")
                        .text(cmd.reasonText(), "reasonText");
                v.throwIfInvalid();
                c.transferOut(cmd.transferTo(), cmd.reasonText(), now);
                details.put("transferTo", cmd.transferTo());
                putIfPresent(details, "reasonText", cmd.reasonText());
                return "TRANSFER_OUT";
            }
        }
    }

    private String acceptance(DisputeCase c, Acceptance cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.accepted(), "accepted").text(cmd.reason(), "reason");
        v.check(!Boolean.FALSE.equals(cmd.accepted()) || (cmd.reason() != null && !cmd.reason().isBlank()), "reason",
                "退回须说明理由 (a decline must give a reason)");
        v.throwIfInvalid();
        details.put("accepted", cmd.accepted());
        putIfPresent(details, "reason", cmd.reason());
        if (cmd.accepted()) {
            c.orgAccepted();
            return "ACCEPTED";
        }
        details.put("orgId", c.orgId);
        c.backToTriage("acceptance");
        return "DECLINED";
    }

    private String consent(DisputeCase c, Consent cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.respondentConsent(), "respondentConsent").text(cmd.notes(), "notes").throwIfInvalid();
        c.recordConsent(cmd.respondentConsent(), now);
        details.put("respondentConsent", cmd.respondentConsent().name());
        putIfPresent(details, "notes", cmd.notes());
        if (cmd.respondentConsent() != RespondentConsent.AGREED) {
            // 人民调解法 第17条: an express refusal ends it; the parties are told of other routes
            details.put("routesAdvised", List.of(InformedRoute.ARBITRATION.name(), InformedRoute.ADMINISTRATIVE.name(),
                    InformedRoute.LITIGATION.name()));
            // 特邀调解规定 第12、26条: a refusal (or no answer) in court-referred mediation ends it too
            materialsBackToCourt(c, now, details);
            return "TERMINATED";
        }
        return "AGREED";
    }

    private String mediators(DisputeCase c, Mediators cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.presidingMediatorId(), "presidingMediatorId");
        Set<String> all = new LinkedHashSet<>();
        if (cmd.presidingMediatorId() != null && !cmd.presidingMediatorId().isBlank()) {
            all.add(cmd.presidingMediatorId());
        }
        if (cmd.mediatorIds() != null) {
            cmd.mediatorIds().stream().filter(id -> id != null && !id.isBlank()).forEach(all::add);
        }
        v.check(all.size() <= 9, "mediatorIds", "调解员不超过 9 名 (at most 9 mediators)");
        SelectedBy selectedBy = cmd.selectedBy() == null ? SelectedBy.ORG : cmd.selectedBy();
        boolean courtReferred = c.mediationType != null && c.mediationType.courtReferred();
        // D3 (人民调解法 第19条): designated by the organisation or chosen by the parties; the court
        // designates only in mediation it referred (特邀调解规定 第12条)
        v.check(selectedBy != SelectedBy.COURT || courtReferred, "selectedBy",
                "只有法院委派/委托的调解才由法院指定调解员 (COURT only for court-referred mediation)");
        // D8 (特邀调解规定 第27条): the period runs from the signing for the court's materials
        v.check(cmd.materialsReceivedAt() == null || courtReferred, "materialsReceivedAt",
                "仅法院委派/委托调解需要记录材料签收时间 (only for court-referred mediation)");
        v.notInFuture(cmd.materialsReceivedAt(), now, "materialsReceivedAt");
        v.check(cmd.materialsReceivedAt() == null || !cmd.materialsReceivedAt().isBefore(c.createdAt.minusDays(1)),
                "materialsReceivedAt", "早于案件登记时间 (before the case was registered)");
        for (String id : all) {
            v.check(organisations.holdsRole(id, Role.MEDIATOR), "mediatorIds", id + " 不是调解员 (not a mediator)");
            // whoever chose them (the organisation or the parties), a case's mediators are people of its organisation
            v.check(c.orgId != null && organisations.userWithin(id, c.orgId), "mediatorIds",
                    id + " 不属于本调解组织 (not a mediator of the organisation)");
        }
        v.throwIfInvalid();
        OffsetDateTime periodStart = courtReferred && cmd.materialsReceivedAt() != null ? cmd.materialsReceivedAt() : now;
        OffsetDateTime due = calendar.earlierDeadline(periodStart, settings.mediationLimit(c.mediationType), c.timeLimitDays);
        c.assignMediators(cmd.presidingMediatorId(), new ArrayList<>(all), selectedBy, now, due, warningFor(due, now));
        details.put("presidingMediatorId", c.presidingMediatorId);
        details.put("mediatorIds", c.mediatorIds());
        details.put("selectedBy", selectedBy.name());
        if (courtReferred) {
            details.put("materialsReceivedAt", periodStart.toString());
            details.put("periodStartsAt", periodStart.toString());
        }
        details.put("dueAt", due.toString());
        return "ASSIGNED";
    }

    private OffsetDateTime warningFor(OffsetDateTime due, OffsetDateTime now) {
        OffsetDateTime warning = calendar.warningBefore(due, settings.warningBefore());
        return warning.isBefore(now) ? now : warning;
    }

    private String recusal(DisputeCase c, Recusal cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.requestedBy(), "requestedBy").name(cmd.requestedBy(), "requestedBy")
                .require(cmd.grounds(), "grounds").text(cmd.grounds(), "grounds")
                .require(cmd.replacementMediatorId(), "replacementMediatorId");
        String replacement = cmd.replacementMediatorId();
        v.check(replacement == null || organisations.holdsRole(replacement, Role.MEDIATOR), "replacementMediatorId",
                "不是调解员 (not a mediator)");
        v.check(replacement == null || !c.isMediator(replacement), "replacementMediatorId",
                "已是本案调解员 (already a mediator of this case)");
        // a recusal never hands the case to another organisation
        v.check(replacement == null || (c.orgId != null && organisations.userWithin(replacement, c.orgId)),
                "replacementMediatorId", "不属于本案的调解组织 (not a member of the case's organisation)");
        v.throwIfInvalid();
        String replaced = c.presidingMediatorId;
        c.replaceMediator(replaced, replacement);
        details.put("requestedBy", cmd.requestedBy());
        details.put("grounds", cmd.grounds());
        details.put("replacedMediatorId", replaced);
        details.put("replacementMediatorId", replacement);
        return "CONTINUE";
    }

    private String session(DisputeCase c, Session cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.heldAt(), "heldAt").notInFuture(cmd.heldAt(), now, "heldAt")
                .title(cmd.place(), "place").require(cmd.minutes(), "minutes").text(cmd.minutes(), "minutes")
                .require(cmd.rightsNoticeDelivered(), "rightsNoticeDelivered");
        // 司法部规定 第30条: the parties are told their rights and duties before mediation starts
        v.check(!Boolean.FALSE.equals(cmd.rightsNoticeDelivered()) || records.rightsNoticeDelivered(c.id),
                "rightsNoticeDelivered", "首次调解前须告知当事人权利义务 (rights notice must be delivered before mediating)");
        v.throwIfInvalid();
        c.requireInMediation("sessions");
        records.addSession(c.id, cmd.heldAt(), cmd.place(), cmd.minutes(), cmd.rightsNoticeDelivered(), actor, now);
        details.put("heldAt", cmd.heldAt().toString());
        putIfPresent(details, "place", cmd.place());
        details.put("rightsNoticeDelivered", cmd.rightsNoticeDelivered());
        return "CONTINUE";
    }

    private String extension(DisputeCase c, Extension cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.extraDays(), "extraDays").require(cmd.allPartiesConsent(), "allPartiesConsent")
                .text(cmd.reason(), "reason");
        v.check(cmd.extraDays() == null || (cmd.extraDays() >= 1 && cmd.extraDays() <= settings.maxExtensionDays()),
                "extraDays", "必须在 1 到 " + settings.maxExtensionDays() + " 日之间 (must be 1.." + settings.maxExtensionDays() + ")");
        // 延长调解须经各方当事人同意
        v.check(!Boolean.FALSE.equals(cmd.allPartiesConsent()), "allPartiesConsent",
                "延长调解期限须经各方当事人同意 (all parties must consent)");
        v.throwIfInvalid();
        OffsetDateTime base = c.dueAt == null ? now : c.dueAt;
        OffsetDateTime newDue = calendar.deadline(base, TimeLimit.calendarDays(cmd.extraDays()));
        OffsetDateTime oldDue = c.dueAt;
        c.extend(newDue, warningFor(newDue, now));
        details.put("extraDays", cmd.extraDays());
        details.put("previousDueAt", oldDue == null ? null : oldDue.toString());
        details.put("dueAt", newDue.toString());
        putIfPresent(details, "reason", cmd.reason());
        return "CONTINUE";
    }

    private String escalation(DisputeCase c, Escalation cmd, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.toLevel(), "toLevel").require(cmd.reason(), "reason").text(cmd.reason(), "reason");
        v.check(cmd.toLevel() == null || c.level == null || cmd.toLevel().isHigherThan(c.level), "toLevel",
                "只能上报到更高层级 (must be higher than " + c.level + ")");
        v.throwIfInvalid();
        details.put("fromLevel", c.level == null ? null : c.level.name());
        details.put("toLevel", cmd.toLevel().name());
        details.put("fromOrgId", c.orgId);
        details.put("reason", cmd.reason());
        c.escalate(cmd.toLevel());
        return "ESCALATED";
    }

    private String agreement(DisputeCase c, Agreement cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        boolean written = cmd.form() == AgreementForm.WRITTEN;
        Validation v = new Validation().require(cmd.form(), "form").require(cmd.terms(), "terms").text(cmd.terms(), "terms")
                .money(cmd.amount(), "amount").notInFuture(cmd.effectiveAt(), now, "effectiveAt");
        // D5 (司法部规定 第30条; 特邀调解规定 第14条): the parties are told their rights and duties before
        // mediating, so no agreement without a rights notice on record (a termination needs none, D2)
        v.check(rightsNoticeOnRecord(c), "rightsNoticeDelivered",
                "达成协议前须已向当事人告知权利义务（调解记录或权利义务告知书）(a rights notice must be delivered first)");
        List<String> signedBy = cmd.signedBy() == null ? List.of() : cmd.signedBy();
        if (written) {
            // D10 (人民调解法 第29条): signed by every party, sealed by the committee, effective on the last signature
            v.check(!signedBy.isEmpty(), "signedBy", "书面调解协议须由各方当事人签名 (required: the parties' signatures)");
            List<String> unsigned = missingParties(c, signedBy);
            v.check(signedBy.isEmpty() || unsigned.isEmpty(), "signedBy",
                    "以下当事人尚未签名：" + String.join("、", unsigned) + " (every party must sign)");
            for (String name : signedBy) {
                v.name(name, "signedBy");
            }
            v.require(cmd.sealed(), "sealed");
            v.check(!Boolean.FALSE.equals(cmd.sealed()), "sealed", "书面调解协议须加盖调解委员会印章 (the committee's seal is required)");
            v.require(cmd.signedAt(), "signedAt").notInFuture(cmd.signedAt(), now, "signedAt");
        }
        OffsetDateTime effective = written ? (cmd.signedAt() == null ? now : cmd.signedAt())
                : (cmd.effectiveAt() == null ? now : cmd.effectiveAt());
        String effectiveField = written ? "signedAt" : "effectiveAt";
        v.check(c.mediationStartedAt == null || !effective.isBefore(c.mediationStartedAt.minusDays(1)), effectiveField,
                "早于调解开始时间 (before mediation started)");
        LocalDate effectiveDay = effective.atZoneSameInstant(calendar.zone()).toLocalDate();
        v.check(cmd.performanceDeadline() == null || !cmd.performanceDeadline().isBefore(effectiveDay),
                "performanceDeadline", "不能早于协议生效日 (must not precede the agreement)");
        v.throwIfInvalid();
        records.addAgreement(c.id, cmd.form(), cmd.terms(), cmd.performanceDeadline(), cmd.amount(), effective,
                written ? signedBy : null, written ? Boolean.TRUE : null, written ? cmd.signedAt() : null, actor, now);
        c.agreementForm = cmd.form();
        c.agreementReached(effective);
        details.put("form", cmd.form().name());
        details.put("effectiveAt", effective.toString());
        if (written) {
            details.put("signedBy", signedBy);
            details.put("sealed", true);
            details.put("signedAt", cmd.signedAt().toString());
        }
        putIfPresent(details, "performanceDeadline", cmd.performanceDeadline() == null ? null : cmd.performanceDeadline().toString());
        putIfPresent(details, "amount", cmd.amount());
        return "AGREEMENT";
    }

    /** D5: a session recorded the rights notice, or the dossier holds the 权利义务告知书. */
    private boolean rightsNoticeOnRecord(DisputeCase c) {
        return records.rightsNoticeDelivered(c.id)
                || records.documents(c.id).stream().anyMatch(d -> d.type() == DocumentType.RIGHTS_NOTICE);
    }

    /** The names of the case's parties that {@code names} leaves out. */
    private static List<String> missingParties(DisputeCase c, List<String> names) {
        Set<String> given = new java.util.HashSet<>();
        names.stream().filter(n -> n != null).map(String::trim).forEach(given::add);
        return c.parties.stream().map(Party::name).filter(n -> !given.contains(n.trim())).distinct().toList();
    }

    private String termination(DisputeCase c, Termination cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.reason(), "reason").text(cmd.reason(), "reason");
        // 人民调解法 第26条: the parties must be told of arbitration, administrative or judicial routes
        v.check(cmd.routesInformed() != null && !cmd.routesInformed().isEmpty(), "routesInformed",
                "须告知当事人至少一种救济途径（仲裁、行政、诉讼）(inform at least one route)");
        v.throwIfInvalid();
        c.terminate();
        details.put("reason", cmd.reason());
        details.put("routesInformed", cmd.routesInformed().stream().map(Enum::name).distinct().toList());
        materialsBackToCourt(c, now, details);
        return "TERMINATED";
    }

    /**
     * D20 (特邀调解规定 第21、26条; 在线调解规则 第15条): a court-referred case that ended without agreement
     * — failure, refusal or an unreachable respondent — hands the court's materials back, a step due
     * within the configured limit.
     */
    private void materialsBackToCourt(DisputeCase c, OffsetDateTime now, Map<String, Object> details) {
        if (c.mediationType == null || !c.mediationType.courtReferred()) {
            return;
        }
        OffsetDateTime due = calendar.deadline(now, settings.materialsReturnLimit());
        c.materialsToReturn(due);
        details.put("materialsReturnDueAt", due.toString());
    }

    private String materialsReturn(DisputeCase c, MaterialsReturn cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.returnedAt(), "returnedAt").notInFuture(cmd.returnedAt(), now, "returnedAt")
                .require(cmd.receivedBy(), "receivedBy").name(cmd.receivedBy(), "receivedBy").text(cmd.notes(), "notes")
                .throwIfInvalid();
        c.materialsReturned(cmd.returnedAt());
        details.put("returnedAt", cmd.returnedAt().toString());
        details.put("receivedBy", cmd.receivedBy());
        putIfPresent(details, "notes", cmd.notes());
        return "RETURNED";
    }

    /** D2 (人民调解法 第23条): before mediation began a party may withdraw; the case closes as WITHDRAWN. */
    private String withdrawal(DisputeCase c, Withdrawal cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.requestedBy(), "requestedBy").name(cmd.requestedBy(), "requestedBy")
                .require(cmd.reason(), "reason").text(cmd.reason(), "reason");
        v.check(cmd.requestedBy() == null || c.parties.stream().anyMatch(p -> p.name().trim().equals(cmd.requestedBy().trim())),
                "requestedBy", "不是本案当事人 (not a party of the case)");
        v.throwIfInvalid();
        String orgId = c.orgId;
        c.withdraw(now);
        details.put("requestedBy", cmd.requestedBy());
        details.put("reason", cmd.reason());
        putIfPresent(details, "orgId", orgId);
        details.put("outcome", c.outcome.name());
        return "WITHDRAWN";
    }

    /** D18 (人民调解法 第25条): a risk of intensification is reported; the report step is due within the limit. */
    private String riskReport(DisputeCase c, RiskReport cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.riskLevel(), "riskLevel").require(cmd.reportedTo(), "reportedTo")
                .require(cmd.description(), "description").text(cmd.description(), "description").throwIfInvalid();
        OffsetDateTime due = calendar.deadline(now, settings.riskReportLimit());
        c.riskReportOpened(cmd.riskLevel(), due);
        records.addRiskReport(c.id, cmd.riskLevel(), cmd.reportedTo(), cmd.description(), actor, now, due);
        details.put("riskLevel", cmd.riskLevel().name());
        details.put("reportedTo", cmd.reportedTo().name());
        details.put("description", cmd.description());
        details.put("riskReportDueAt", due.toString());
        return "REPORT";
    }

    private String riskReportDelivery(DisputeCase c, RiskReportDelivery cmd, String actor, OffsetDateTime now,
                                      Map<String, Object> details) {
        new Validation().require(cmd.deliveredAt(), "deliveredAt").notInFuture(cmd.deliveredAt(), now, "deliveredAt")
                .require(cmd.receivedBy(), "receivedBy").name(cmd.receivedBy(), "receivedBy").text(cmd.notes(), "notes")
                .throwIfInvalid();
        details.put("riskReportDueAt", c.riskReportDueAt.toString());
        c.riskReportDelivered();
        records.deliverRiskReport(c.id, cmd.deliveredAt(), cmd.receivedBy(), actor);
        details.put("deliveredAt", cmd.deliveredAt().toString());
        details.put("receivedBy", cmd.receivedBy());
        putIfPresent(details, "notes", cmd.notes());
        return "DELIVERED";
    }

    /** D18: the report step passed its due date → 督办通知. */
    @Transactional
    public void riskReportOverdue(String caseId) {
        DisputeCase c = get(caseId);
        if (c.riskReportDueAt == null) {
            return;
        }
        OffsetDateTime now = now();
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.NOTICE,
                "激化风险应及时报告公安机关或有关部门，报告期限已届满 (the risk report is overdue)", "OVERDUE_TIMER", SYSTEM, now, null);
        save(c, now, SYSTEM, "risk-report-overdue", c.status, Map.of("riskReportDueAt", c.riskReportDueAt.toString()));
    }

    /** D20: the court's materials are not back in time → 催办. */
    @Transactional
    public void materialsReturnOverdue(String caseId) {
        DisputeCase c = get(caseId);
        if (!c.materialsReturnPending()) {
            return;
        }
        OffsetDateTime now = now();
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.REMINDER,
                "调解不成，应及时将材料退回法院 (the court's materials are due back)", "OVERDUE_TIMER", SYSTEM, now, null);
        save(c, now, SYSTEM, "materials-return-overdue", c.status,
                Map.of("materialsReturnDueAt", c.materialsReturnDueAt.toString()));
    }

    private String judicialConfirmation(DisputeCase c, JudicialConfirmation cmd, String actor, OffsetDateTime now,
                                        Map<String, Object> details) {
        List<String> applicants = cmd.applicants() == null ? List.of() : cmd.applicants();
        Validation v = new Validation().require(cmd.court(), "court").title(cmd.court(), "court").require(cmd.filedAt(), "filedAt")
                .notInFuture(cmd.filedAt(), now, "filedAt");
        // D12 (人民调解法 第33条; 民事诉讼法 第205条): the parties apply jointly
        v.check(!applicants.isEmpty(), "applicants", "司法确认须由双方当事人共同申请 (required: the applying parties)");
        List<String> absent = missingParties(c, applicants);
        v.check(applicants.isEmpty() || absent.isEmpty(), "applicants",
                "以下当事人未共同申请：" + String.join("、", absent) + " (all parties must apply jointly)");
        for (String name : applicants) {
            v.name(name, "applicants");
        }
        v.throwIfInvalid();
        if (records.latestConfirmation(c.id).map(r -> r.result() == CourtResult.CONFIRMED_VALID).orElse(false)) {
            throw new IllegalTransitionException("调解协议已经司法确认有效 (the agreement is already confirmed)");
        }
        if (cmd.filedAt().isBefore(c.agreementEffectiveAt.minusMinutes(1))) {
            throw ValidationException.of("filedAt", "早于协议生效时间 (before the agreement took effect)");
        }
        // 人民调解法 第33条 / 民事诉讼法 第205条: within 30 days of the agreement's effective date
        OffsetDateTime window = calendar.deadline(c.agreementEffectiveAt, settings.judicialConfirmationWindow());
        if (cmd.filedAt().isAfter(window)) {
            throw new DeadlinePassedException("司法确认申请须在调解协议生效之日起 " + settings.judicialConfirmationWindow().describe()
                    + "内提出，期限已于 " + window.toLocalDate() + " 届满 (the window closed on " + window.toLocalDate() + ")");
        }
        // D13 (司法确认规定 第4条): the court decides within 3 days whether it accepts; the review runs from the acceptance
        OffsetDateTime acceptanceDue = calendar.deadline(cmd.filedAt(), settings.courtAcceptanceLimit());
        records.fileConfirmation(c.id, cmd.court(), cmd.filedAt(), null, applicants, actor);
        c.fileJudicialConfirmation();
        details.put("court", cmd.court());
        details.put("applicants", applicants);
        details.put("filedAt", cmd.filedAt().toString());
        details.put("windowEndsAt", window.toString());
        details.put("acceptanceDueAt", acceptanceDue.toString());
        return "CONFIRMATION";
    }

    /**
     * D13 (司法确认规定 第4、5条): the court accepted the application; it rules within 15 days of the
     * acceptance. The acceptance cannot precede the filing nor lie in the future.
     */
    private String courtAcceptance(DisputeCase c, CourtAcceptance cmd, String actor, OffsetDateTime now,
                                   Map<String, Object> details) {
        DisputeRecords.ConfirmationRecord pending = records.latestConfirmation(c.id).filter(r -> r.result() == null)
                .orElseThrow(() -> IllegalTransitionException.of(DisputeAction.COURT_ACCEPTANCE.path(), c.status));
        Validation v = new Validation().require(cmd.acceptedAt(), "acceptedAt").notInFuture(cmd.acceptedAt(), now, "acceptedAt")
                .require(cmd.courtCaseNo(), "courtCaseNo").title(cmd.courtCaseNo(), "courtCaseNo");
        v.check(cmd.acceptedAt() == null || !cmd.acceptedAt().isBefore(pending.filedAt().minusMinutes(1)), "acceptedAt",
                "受理时间早于司法确认申请时间 (the acceptance precedes the application, filed " + pending.filedAt() + ")");
        v.throwIfInvalid();
        OffsetDateTime acceptanceDue = calendar.deadline(pending.filedAt(), settings.courtAcceptanceLimit());
        OffsetDateTime reviewDue = calendar.deadline(cmd.acceptedAt(), settings.courtReviewLimit());
        c.courtAccepted(cmd.acceptedAt());
        records.acceptConfirmation(c.id, cmd.acceptedAt(), cmd.courtCaseNo(), reviewDue, actor);
        details.put("acceptedAt", cmd.acceptedAt().toString());
        details.put("courtCaseNo", cmd.courtCaseNo());
        details.put("acceptanceDueAt", acceptanceDue.toString());
        details.put("acceptedInTime", !cmd.acceptedAt().isAfter(acceptanceDue));
        details.put("reviewDueAt", reviewDue.toString());
        return "ACCEPTED";
    }

    /**
     * D13 (司法确认规定 第5条): with the court president's approval the review is extended once, by the
     * configured 10 days counted from the end of the 15; a second extension is refused (409).
     */
    private String courtExtension(DisputeCase c, CourtExtension cmd, String actor, OffsetDateTime now,
                                  Map<String, Object> details) {
        new Validation().require(cmd.reason(), "reason").text(cmd.reason(), "reason").throwIfInvalid();
        DisputeRecords.ConfirmationRecord pending = records.latestConfirmation(c.id)
                .filter(r -> r.result() == null && r.reviewDueAt() != null)
                .orElseThrow(() -> new IllegalTransitionException(DisputeAction.NOT_ACCEPTED_YET));
        c.courtReviewExtended(now);
        records.extendConfirmation(c.id, now, cmd.reason(), actor);
        OffsetDateTime extendedDue = calendar.deadline(pending.reviewDueAt(), settings.courtReviewExtension());
        details.put("reason", cmd.reason());
        details.put("extension", settings.courtReviewExtension().describe());
        details.put("previousReviewDueAt", pending.reviewDueAt().toString());
        details.put("reviewDueAt", extendedDue.toString());
        return "EXTENDED";
    }

    private String courtDecision(DisputeCase c, CourtDecision cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.result(), "result").text(cmd.notes(), "notes").throwIfInvalid();
        records.decideConfirmation(c.id, cmd.result(), now, actor);
        OffsetDateTime due = null;
        if (cmd.result() == CourtResult.REJECTED) {
            // 民事诉讼法 第206条: rejected → the parties may re-mediate; a fresh period starts
            records.supersedeAgreements(c.id);
            c.agreementForm = null;
            due = calendar.deadline(now, settings.reopenLimit());
        }
        c.courtDecided(cmd.result(), due, due == null ? null : warningFor(due, now));
        details.put("result", cmd.result().name());
        putIfPresent(details, "notes", cmd.notes());
        if (due != null) {
            details.put("dueAt", due.toString());
        }
        return cmd.result() == CourtResult.REJECTED ? "REMEDIATE" : "MONITOR";
    }

    private String performance(DisputeCase c, Performance cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.status(), "status").text(cmd.evidence(), "evidence").throwIfInvalid();
        records.addPerformance(c.id, cmd.status(), cmd.evidence(), actor, now);
        c.recordPerformance(cmd.status());
        details.put("status", cmd.status().name());
        putIfPresent(details, "evidence", cmd.evidence());
        if (cmd.status() == PerformanceStatus.DEFAULTED) {
            // 民事诉讼法 第206条 / 人民调解法 第32条
            boolean confirmed = records.latestConfirmation(c.id).map(r -> r.result() == CourtResult.CONFIRMED_VALID).orElse(false);
            details.put("advice", confirmed ? "ENFORCEMENT" : "LITIGATION");
        }
        return cmd.status() == PerformanceStatus.PARTIAL ? "CONTINUE" : "VISIT";
    }

    private String returnVisit(DisputeCase c, ReturnVisit cmd, String actor, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.satisfaction(), "satisfaction").text(cmd.notes(), "notes").throwIfInvalid();
        records.addReturnVisit(c, cmd.satisfaction(), cmd.performanceStatus(), cmd.notes(), actor, now);
        c.returnVisited(cmd.satisfaction(), cmd.performanceStatus(), now);
        details.put("satisfaction", cmd.satisfaction().name());
        putIfPresent(details, "performanceStatus", cmd.performanceStatus() == null ? null : cmd.performanceStatus().name());
        putIfPresent(details, "notes", cmd.notes());
        if (cmd.satisfaction() == Satisfaction.DISSATISFIED) {
            supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.NOTICE,
                    "回访不满意，请督办复核 (dissatisfied return visit)", "DISSATISFIED_VISIT", actor, now, null);
            return "REVIEW";
        }
        putIfPresent(details, "outcome", c.outcome == null ? null : c.outcome.name());
        return "CLOSED";
    }

    private String review(DisputeCase c, Review cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().require(cmd.decision(), "decision").require(cmd.reason(), "reason").text(cmd.reason(), "reason")
                .throwIfInvalid();
        OffsetDateTime due = null;
        if (cmd.decision() == ReviewDecision.REOPEN) {
            if (c.presidingMediatorId == null) {
                throw new IllegalTransitionException("本案从未指定调解员，无法重新调解 (never had mediators; cannot reopen)");
            }
            records.supersedeAgreements(c.id);
            c.agreementForm = null;
            due = calendar.deadline(now, settings.reopenLimit());
        }
        c.reviewed(cmd.decision(), now, due, due == null ? null : warningFor(due, now));
        details.put("decision", cmd.decision().name());
        details.put("reason", cmd.reason());
        if (due != null) {
            details.put("dueAt", due.toString());
            return "REOPEN";
        }
        details.put("outcome", c.outcome.name());
        return "CLOSED";
    }

    private String closure(DisputeCase c, Closure cmd, OffsetDateTime now, Map<String, Object> details) {
        new Validation().text(cmd.notes(), "notes").throwIfInvalid();
        c.closeTerminated(now);
        putIfPresent(details, "notes", cmd.notes());
        details.put("outcome", c.outcome.name());
        return "CLOSED";
    }

    private String archive(DisputeCase c, Archive cmd, OffsetDateTime now, Map<String, Object> details) {
        Validation v = new Validation().require(cmd.volumeNo(), "volumeNo").name(cmd.volumeNo(), "volumeNo")
                .require(cmd.retentionYears(), "retentionYears");
        v.check(cmd.retentionYears() == null || (cmd.retentionYears() >= 1 && cmd.retentionYears() <= 100),
                "retentionYears", "必须在 1 到 100 年之间 (must be 1..100)");
        List<DocumentType> missing = dossier(c).missingForArchive();
        for (DocumentType type : missing) {
            v.check(false, "documents", "缺少归档必备材料：" + type.label() + " (missing " + type.name() + ")");
        }
        v.throwIfInvalid();
        c.archive(cmd.volumeNo(), cmd.retentionYears(), now);
        details.put("volumeNo", cmd.volumeNo());
        details.put("retentionYears", cmd.retentionYears());
        return "ARCHIVED";
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    // --- timers ----------------------------------------------------------------------------------

    /** 推送 not answered in time: back to triage, and a 催办 on record. */
    @Transactional
    public void acceptanceExpired(String caseId) {
        DisputeCase c = get(caseId);
        if (c.status != DisputeStatus.ASSIGNED_PENDING_ACCEPT) {
            return;
        }
        OffsetDateTime now = now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orgId", c.orgId);
        details.put("acceptanceDueAt", c.acceptanceDueAt == null ? null : c.acceptanceDueAt.toString());
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.REMINDER,
                "推送后逾期未接收，已退回研判 (push not answered in time; returned to triage)", "OVERDUE_TIMER", SYSTEM, now, null);
        c.backToTriage("acceptance-timeout");
        save(c, now, SYSTEM, "acceptance-timeout", DisputeStatus.ASSIGNED_PENDING_ACCEPT, details);
    }

    @Transactional
    public void mediationWarning(String caseId) {
        DisputeCase c = get(caseId);
        if (c.status != DisputeStatus.IN_MEDIATION || c.alreadyWarnedForCurrentDeadline()) {
            return;
        }
        OffsetDateTime now = now();
        c.markWarned();
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.REMINDER,
                "调解期限将于 " + c.dueAt.toLocalDate() + " 届满 (mediation deadline approaching)", "DEADLINE_WARNING", SYSTEM,
                now, c.dueAt);
        save(c, now, SYSTEM, "deadline-warning", c.status, Map.of("dueAt", c.dueAt.toString()));
    }

    @Transactional
    public void mediationExpired(String caseId) {
        DisputeCase c = get(caseId);
        if (c.status != DisputeStatus.IN_MEDIATION) {
            return;
        }
        OffsetDateTime now = now();
        c.markOverdue();
        supervisions.raiseCounted(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.NOTICE,
                "调解期限已于 " + c.dueAt.toLocalDate() + " 届满，须经各方同意延长或终止调解 (mediation deadline passed)",
                "OVERDUE_TIMER", SYSTEM, now, settings.acceptanceLimit());
        save(c, now, SYSTEM, "deadline-expired", c.status, Map.of("dueAt", c.dueAt.toString()));
    }

    @Transactional
    public void performanceOverdue(String caseId) {
        DisputeCase c = get(caseId);
        if (c.status != DisputeStatus.PERFORMANCE_MONITORING) {
            return;
        }
        OffsetDateTime now = now();
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, SupervisionLevel.REMINDER,
                "调解协议履行期限已届满，请督促履行 (performance deadline passed)", "OVERDUE_TIMER", SYSTEM, now, null);
        save(c, now, SYSTEM, "performance-overdue", c.status, Map.of());
    }

    /** D13 (司法确认规定 第5条): 15 days from the acceptance passed without a ruling nor an extension → 督办通知. */
    @Transactional
    public void courtReviewOverdue(String caseId) {
        DisputeCase c = get(caseId);
        if (c.courtAcceptedAt == null || c.courtReviewExtendedAt != null) {
            return;
        }
        courtOverdue(caseId, "court-review-overdue", SupervisionLevel.NOTICE,
                "法院应自受理之日起 " + settings.courtReviewLimit().describe() + "内作出裁定，期限已届满；经院长批准可延长 "
                        + settings.courtReviewExtension().describe() + " (the court's review period passed)");
    }

    /** D13 (司法确认规定 第4条): 3 days after filing and no acceptance recorded → 催办. */
    @Transactional
    public void courtAcceptanceOverdue(String caseId) {
        if (get(caseId).courtAcceptedAt != null) {
            return;
        }
        courtOverdue(caseId, "court-acceptance-overdue", SupervisionLevel.REMINDER,
                "法院应在收到司法确认申请后 " + settings.courtAcceptanceLimit().describe()
                        + "内决定是否受理，请跟进 (the court's acceptance is overdue)");
    }

    /** D13: the recorded extension's period (15 + 10 days) passed as well → 通报. */
    @Transactional
    public void courtReviewExtendedOverdue(String caseId) {
        if (get(caseId).courtReviewExtendedAt == null) {
            return;
        }
        courtOverdue(caseId, "court-review-extended-overdue", SupervisionLevel.BULLETIN,
                "法院延长后的审查期限（" + settings.courtReviewLimit().describe() + "＋" + settings.courtReviewExtension().describe()
                        + "）已届满仍未裁定 (the court's extended review period passed)");
    }

    private void courtOverdue(String caseId, String action, SupervisionLevel level, String reason) {
        DisputeCase c = get(caseId);
        if (c.status != DisputeStatus.JUDICIAL_CONFIRMATION) {
            return;
        }
        OffsetDateTime now = now();
        supervisions.raise(TARGET_TYPE, c.id, c.caseNo, level, reason, "OVERDUE_TIMER", SYSTEM, now, null);
        Map<String, Object> details = new LinkedHashMap<>();
        records.latestConfirmation(c.id).ifPresent(r -> {
            details.put("court", r.court());
            details.put("filedAt", r.filedAt().toString());
            if (r.acceptedAt() != null) {
                details.put("acceptedAt", r.acceptedAt().toString());
                details.put("reviewDueAt", r.reviewDueAt().toString());
            }
        });
        details.put("level", level.name());
        save(c, now, SYSTEM, action, c.status, details);
    }

    // --- dossier -----------------------------------------------------------------------------------

    @Transactional
    public DisputeRecords.DocumentRecord addDocument(String id, DocumentType type, String title, String fileName,
                                                     String contentBase64, Caller caller) {
        DisputeCase c = getVisible(id, caller);
        if (caller.hasRole(Role.COURT.groupId()) && !caller.isAdmin()) {
            throw new ForbiddenException("法院联络员不能向调解卷宗添加材料 (court users cannot add dossier documents)");
        }
        if (c.status == DisputeStatus.ARCHIVED) {
            throw new IllegalTransitionException("案件已归档，卷宗不能再添加材料 (the dossier is archived)");
        }
        Validation v = new Validation().require(type, "type").require(title, "title").title(title, "title")
                .maxLength(fileName, 200, "fileName").require(contentBase64, "contentBase64");
        byte[] content = null;
        if (contentBase64 != null) {
            try {
                content = Base64.getMimeDecoder().decode(contentBase64);
            } catch (IllegalArgumentException e) {
                v.check(false, "contentBase64", "不是有效的 Base64 (not valid base64)");
            }
        }
        v.check(content == null || content.length <= settings.documentMaxBytes(), "contentBase64",
                "文件不能超过 " + settings.documentMaxBytes() + " 字节 (file too large)");
        v.check(fileName == null || !(fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")),
                "fileName", "文件名不能包含路径 (no path in file names)");
        v.throwIfInvalid();
        OffsetDateTime now = now();
        String docId = records.addDocument(c.id, type, title, fileName, content, sha256(content), caller.userId(), now);
        records.addHistory(c.id, now, caller.userId(), "document", c.status, c.status,
                Map.of("type", type.name(), "title", title, "documentId", docId));
        return records.documents(c.id).stream().filter(d -> d.id().equals(docId)).findFirst().orElseThrow();
    }

    public Dossier dossier(String id, Caller caller) {
        return dossier(getVisible(id, caller));
    }

    Dossier dossier(DisputeCase c) {
        List<DisputeRecords.DocumentRecord> documents = records.documents(c.id);
        List<DocumentType> produced = new ArrayList<>();
        produced.add(DocumentType.APPLICATION);
        if (!records.sessions(c.id).isEmpty()) {
            produced.add(DocumentType.MEDIATION_RECORD);
        }
        if (records.anyAgreement(c.id)) {
            produced.add(DocumentType.AGREEMENT);
        }
        if (records.anyReturnVisit(c.id)) {
            produced.add(DocumentType.RETURN_VISIT_RECORD);
        }
        Set<DocumentType> present = EnumSet.noneOf(DocumentType.class);
        present.addAll(produced);
        documents.forEach(d -> present.add(d.type()));
        Set<DocumentType> required = new LinkedHashSet<>(settings.archiveRequired().always());
        if (c.wasMediated()) {
            required.addAll(settings.archiveRequired().mediated());
        }
        if (records.anyAgreement(c.id)) {
            required.addAll(settings.archiveRequired().agreed());
        }
        List<DocumentType> missing = required.stream().filter(t -> !present.contains(t)).toList();
        return new Dossier(documents, produced, missing);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DisputeRecords records() {
        return records;
    }
}
