package org.fengqiao.custody;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.fengqiao.calendar.CalendarYearChanged;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.organisation.OrganisationType;
import org.fengqiao.organisation.Role;
import org.fengqiao.shared.Caller;
import org.fengqiao.shared.ForbiddenException;
import org.fengqiao.shared.IllegalTransitionException;
import org.fengqiao.shared.NotFoundException;
import org.fengqiao.shared.ProceedingsPendingException;
import org.fengqiao.shared.Validation;
import org.fengqiao.shared.ValidationException;
import org.fengqiao.supervision.SupervisionLevel;
import org.fengqiao.supervision.SupervisionRecords;
import org.fengqiao.supervision.SupervisionResponseDueRecomputed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody operations: each checks visibility, role and state ({@link CustodyAccess}), validates
 * the content, moves the item through one transition and appends its ledger entry — all in the
 * caller's transaction. The process listeners call these methods; so the REST facade and the
 * Tasklist run the same checks.
 */
@Service
public class CustodyManagement {

    public static final String TARGET_TYPE = "PROPERTY_ITEM";
    public static final String DISPOSAL_DECISION = "property-disposal-approval";
    private static final String SYSTEM = SupervisionRecords.SYSTEM;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CustodyManagement.class);

    private final PropertyCases cases;
    private final PropertyItems items;
    private final Zones zones;
    private final CustodyLedger ledger;
    private final CustodyAccess access;
    private final CustodyProperties properties;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final SupervisionRecords supervision;
    private final DecisionService decisions;
    private final JdbcClient jdbc;

    CustodyManagement(PropertyCases cases, PropertyItems items, Zones zones, CustodyLedger ledger, CustodyAccess access,
                      CustodyProperties properties, WorkingCalendar calendar, Clock clock,
                      SupervisionRecords supervision, DecisionService decisions, JdbcClient jdbc) {
        this.cases = cases;
        this.items = items;
        this.zones = zones;
        this.ledger = ledger;
        this.access = access;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
        this.supervision = supervision;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A deadline from the working-day calendar (a provisional year where no notice is entered yet). */
    OffsetDateTime deadline(OffsetDateTime start, org.fengqiao.calendar.TimeLimit limit) {
        return calendar.deadline(start, limit);
    }

    // --- cases and registration ---------------------------------------------------------------

    @Transactional
    public PropertyCase openCase(Caller caller, NewPropertyCase command) {
        if (!caller.hasAnyRole(List.of(CustodyAccess.OFFICER, CustodyAccess.DEPARTMENT_HEAD, CustodyAccess.CCDI))) {
            throw new ForbiddenException("立案登记需要办案人员角色 (only case officers open property cases)");
        }
        Validation v = new Validation();
        v.require(command.agencyCaseNo(), "agencyCaseNo").name(command.agencyCaseNo(), "agencyCaseNo");
        v.require(command.caseName(), "caseName").title(command.caseName(), "caseName");
        v.require(command.caseType(), "caseType");
        v.require(command.handlingAgencyId(), "handlingAgencyId");
        if (command.handlingAgencyId() != null && !command.handlingAgencyId().isBlank()) {
            v.check(access.organisationExists(command.handlingAgencyId()), "handlingAgencyId",
                    "机关不存在 (unknown agency)");
        }
        List<String> officers = command.officerIds() == null ? List.of()
                : command.officerIds().stream().filter(Objects::nonNull).map(String::trim).distinct().toList();
        v.check(officers.size() >= 2, "officerIds", "至少两名办案人员 (at least two distinct officers)");
        v.check(officers.size() <= 10, "officerIds", "最多十名办案人员 (at most ten officers)");
        for (String officer : officers) {
            // officers of other systems need not be users here; a known custodian may not be one (C11)
            v.name(officer, "officerIds");
            if (access.userExists(officer) && access.userHasRole(officer, CustodyAccess.CUSTODIAN)) {
                v.check(false, "officerIds", "保管员不得担任办案人员: " + officer
                        + " (custodians may not be case officers, C11)");
            }
        }
        v.throwIfInvalid();
        String scope = access.agencyOf(command.handlingAgencyId());
        if (!caller.isAdmin() && !access.agenciesOf(caller).contains(scope)) {
            throw new ForbiddenException("只能为本机关登记案件 (only for the caller's own agency)");
        }
        long seq = cases.next("property-case");
        PropertyCase created = new PropertyCase(UUID.randomUUID().toString(), seq, command.agencyCaseNo().trim(),
                command.caseName(), command.caseType(), command.handlingAgencyId(), scope, officers, caller.userId(),
                now(), ProceedingsStage.INVESTIGATION, null, null, null, null, null);
        cases.insert(created);
        return created;
    }

    public PropertyCase visibleCase(Caller caller, String caseId) {
        PropertyCase found = cases.find(caseId).orElseThrow(() -> new NotFoundException("案件 (property case)", caseId));
        if (!access.isCustodian(caller) && !access.agenciesOf(caller).contains(found.handlingScope())) {
            throw new NotFoundException("案件 (property case)", caseId);
        }
        return found;
    }

    /**
     * The proceedings reached another stage (C17), e.g. a judgment took effect: {@code CONCLUDED}.
     * Every item of the case gets a {@code STAGE_CHANGED} ledger entry (its status does not change).
     * A concluded case stays concluded (409); the same stage again is 409.
     */
    @Transactional
    public PropertyCase changeStage(Caller caller, String caseId, ProceedingsStage stage, String documentNo) {
        PropertyCase propertyCase = visibleCase(caller, caseId);
        if (!caller.hasAnyRole(List.of(CustodyAccess.OFFICER, CustodyAccess.DEPARTMENT_HEAD, CustodyAccess.AGENCY_HEAD,
                CustodyAccess.CCDI, CustodyAccess.CHIEF_PROCURATOR))) {
            throw new ForbiddenException("诉讼阶段由办案机关登记 (only the case's agency records the stage)");
        }
        if (stage != null && (propertyCase.stage() == ProceedingsStage.CONCLUDED || propertyCase.stage() == stage)) {
            throw IllegalTransitionException.of("stage", propertyCase.stage());
        }
        new Validation().require(stage, "stage").require(documentNo, "documentNo").name(documentNo, "documentNo")
                .throwIfInvalid();
        OffsetDateTime now = now();
        cases.updateStage(caseId, stage, documentNo.trim(), now);
        if (stage == ProceedingsStage.CONCLUDED && propertyCase.caseType() == CaseType.CRIMINAL) {
            // C7 (最高法解释 第447条): the court delivers the effective judgment within 10 days
            cases.updateJudgmentDeliveryDue(caseId, deadline(now, properties.judgmentDeliveryLimit()));
        }
        for (PropertyItem item : items.ofCase(caseId)) {
            commit(item, caller.userId(), item.stageChanged(propertyCase.stage(), stage, documentNo.trim()));
        }
        return cases.find(caseId).orElseThrow();
    }

    /**
     * C7 (最高法解释 第447条): the seizing organ records when the court's effective judgment or
     * ruling arrived. Only in a concluded criminal case whose judgment is still awaited (else 409);
     * every item of the case gets a {@code JUDGMENT_DELIVERED} ledger entry, {@code late} when it
     * came after the 10 days. The one month for the 执行回单 is the disposal's own limit.
     */
    @Transactional
    public PropertyCase recordJudgmentDelivery(Caller caller, String caseId, OffsetDateTime deliveredAt,
                                               String documentNo) {
        PropertyCase propertyCase = checkedJudgmentDelivery(caller, caseId);
        Validation v = new Validation().require(deliveredAt, "deliveredAt").require(documentNo, "documentNo")
                .name(documentNo, "documentNo");
        if (deliveredAt != null) {
            v.check(!deliveredAt.isAfter(now()), "deliveredAt", "送达时间不能晚于当前时间 (may not lie in the future)");
        }
        v.throwIfInvalid();
        cases.updateJudgmentDelivered(caseId, deliveredAt, documentNo.trim());
        for (PropertyItem item : items.ofCase(caseId)) {
            commit(item, caller.userId(), item.judgmentDelivered(documentNo.trim(), deliveredAt,
                    propertyCase.judgmentDeliveryDueAt()));
        }
        return cases.find(caseId).orElseThrow();
    }

    /** C7: 404, 403 (the case's agency records it), 409 (no judgment awaited) before any content. */
    public PropertyCase checkedJudgmentDelivery(Caller caller, String caseId) {
        PropertyCase propertyCase = visibleCase(caller, caseId);
        boolean ownAgency = caller.isAdmin() || access.agenciesOf(caller).contains(propertyCase.handlingScope());
        if (!ownAgency || !caller.hasAnyRole(List.of(CustodyAccess.OFFICER, CustodyAccess.DEPARTMENT_HEAD,
                CustodyAccess.AGENCY_HEAD, CustodyAccess.CHIEF_PROCURATOR))) {
            throw new ForbiddenException("判决书送达由办案机关登记 (only the case's agency records the delivery)");
        }
        if (propertyCase.judgmentDeliveryDueAt() == null || propertyCase.judgmentDeliveredAt() != null) {
            throw IllegalTransitionException.of("judgment-delivery", propertyCase.stage());
        }
        return propertyCase;
    }

    /**
     * C7: the 10 days passed without the judgment: an alert and a 督办 on every item of the case
     * still awaiting its disposal.
     */
    @Transactional
    public void judgmentDeliveryOverdue(String caseId) {
        PropertyCase propertyCase = cases.find(caseId).orElseThrow();
        if (propertyCase.judgmentDeliveredAt() != null) {
            return;
        }
        OffsetDateTime now = now();
        for (PropertyItem item : items.ofCase(caseId)) {
            if (item.status() == ItemStatus.DISPOSED || hasAlert(item.id(), "JUDGMENT_DELIVERY_OVERDUE")) {
                continue;
            }
            String message = "案件 " + propertyCase.agencyCaseNo() + " 判决生效后 "
                    + properties.judgmentDeliveryLimit().describe() + "内（至 " + propertyCase.judgmentDeliveryDueAt()
                    + "）法院未送达判决书、裁定书，财物 " + item.itemNo() + " 无法处置 (judgment not delivered within the limit, C7)";
            raiseAlert(item.id(), "JUDGMENT_DELIVERY_OVERDUE", message, now);
            supervision.raiseCounted(TARGET_TYPE, item.id(), item.itemNo(), SupervisionLevel.NOTICE, message,
                    "OVERDUE_TIMER", SYSTEM, now, properties.supervisionResponseLimit());
        }
    }

    /** Registers seized items (REGISTER entries); the caller starts their intake processes. */
    @Transactional
    public List<PropertyItem> registerItems(Caller caller, String caseId, List<NewPropertyItem> commands) {
        PropertyCase propertyCase = visibleCase(caller, caseId);
        if (!caller.hasAnyRole(List.of(CustodyAccess.OFFICER, CustodyAccess.DEPARTMENT_HEAD, CustodyAccess.CCDI))) {
            throw new ForbiddenException("财物登记由办案人员办理 (only case officers register property)");
        }
        Validation v = new Validation();
        v.check(commands != null && !commands.isEmpty(), "items", "至少登记一件财物 (at least one item)");
        v.check(commands == null || commands.size() <= 200, "items", "一次最多登记 200 件 (at most 200 items)");
        if (commands != null) {
            for (int i = 0; i < commands.size(); i++) {
                NewPropertyItem c = commands.get(i);
                String p = "[" + i + "].";
                if (c == null) {
                    v.check(false, "[" + i + "]", "必填 (required)");
                    continue;
                }
                v.require(c.name(), p + "name").name(c.name(), p + "name");
                v.require(c.category(), p + "category");
                v.require(c.quantity(), p + "quantity");
                v.check(c.quantity() == null || c.quantity().signum() > 0, p + "quantity", "必须大于 0 (must be positive)");
                v.check(c.quantity() == null || c.quantity().stripTrailingZeros().scale() <= 3, p + "quantity",
                        "最多三位小数 (at most 3 decimals)");
                v.check(c.quantity() == null || c.quantity().compareTo(new BigDecimal("1000000000")) < 0,
                        p + "quantity", "数量过大 (too large)");
                v.require(c.unit(), p + "unit").maxLength(c.unit(), 20, p + "unit");
                v.require(c.measure(), p + "measure");
                v.money(c.valuation(), p + "valuation");
                v.text(c.description(), p + "description");
                // C21: the electronic ledger records where each item came from
                v.require(c.source(), p + "source").text(c.source(), p + "source");
                v.check(c.seizedAt() == null || !c.seizedAt().isAfter(now()), p + "seizedAt",
                        "扣押时间不能晚于当前时间 (may not lie in the future)");
                if (c.owner() != null) {
                    v.require(c.owner().name(), p + "owner.name").name(c.owner().name(), p + "owner.name");
                    v.require(c.owner().idNumber(), p + "owner.idNumber")
                            .maxLength(c.owner().idNumber(), 40, p + "owner.idNumber");
                }
                checkSealing(v, p, c, propertyCase);
            }
        }
        v.throwIfInvalid();
        OrganisationType agencyType = access.agencyType(propertyCase.handlingAgencyId());
        OffsetDateTime now = now();
        List<PropertyItem> created = new ArrayList<>();
        for (NewPropertyItem c : commands) {
            PropertyItem item = new PropertyItem();
            item.id = UUID.randomUUID().toString();
            long itemSeq = cases.next("case-" + propertyCase.caseSeq());
            item.itemNo = String.format("%s-%d-%06d-%03d", properties.itemNoPrefix(), now.getYear(),
                    propertyCase.caseSeq(), itemSeq);
            item.caseId = propertyCase.id();
            item.name = c.name();
            item.category = c.category();
            item.quantity = c.quantity();
            item.unit = c.unit();
            item.measure = c.measure();
            item.valuation = c.valuation();
            item.evidenceUse = Boolean.TRUE.equals(c.evidenceUse());
            item.description = c.description();
            item.source = c.source();
            item.seizedAt = c.seizedAt() == null ? now : c.seizedAt();
            if (c.owner() != null) {
                item.ownerName = c.owner().name().trim();
                item.ownerIdNumber = c.owner().idNumber().trim();
            }
            item.sealedBy = distinctTrimmed(c.sealedBy());
            item.photoHashes = distinctTrimmed(c.photoHashes()).stream().map(h -> h.toLowerCase(java.util.Locale.ROOT))
                    .toList();
            item.handlingScope = propertyCase.handlingScope();
            item.controllingAgencyId = propertyCase.handlingAgencyId();
            item.controllingScope = propertyCase.handlingScope();
            // C2: real estate, frozen assets and whatever was sealed up (查封) or registered for preservation
            // (先行登记保存) stays where it is and is registered only
            boolean held = !(c.category().notHeld() || c.measure().leavesPropertyInPlace());
            // C1 / C3: the hand-over limit depends on the agency type (24 h police, 3 days procuratorate …)
            // and runs from the seizure, not from the registration
            item.handoverClockFrom = held ? item.seizedAt : null;
            item.handoverDueAt = held ? deadline(item.seizedAt, properties.handoverLimit(agencyType.name())) : null;
            // C2: property left in place is registered with the centre within 24 h of the seizure
            item.registrationDueAt = held ? null : deadline(item.seizedAt, properties.registrationLimit());
            // C5: an administrative 扣押/扣留/查封 lasts 30 days from the seizure
            item.measureDueAt = propertyCase.caseType() == CaseType.ADMINISTRATIVE && c.measure().hasAdministrativePeriod()
                    ? deadline(item.seizedAt, properties.administrativeMeasureLimit()) : null;
            item.createdAt = now;
            item.updatedAt = now;
            PropertyItem.Change change = item.register(held);
            items.insert(item);
            ledger.append(item.id, caller.userId(), change, now);
            if (!held && now.isAfter(item.registrationDueAt)) {
                String message = "财物 " + item.itemNo + " 查封/冻结后超过 " + properties.registrationLimit().describe()
                        + "才登记 (registered after the limit of " + item.registrationDueAt + ", C2)";
                raiseAlert(item.id, "REGISTRATION_LATE", message, now);
                supervision.raiseCounted(TARGET_TYPE, item.id, item.itemNo, SupervisionLevel.NOTICE, message,
                        "OVERDUE_TIMER", SYSTEM, now, properties.supervisionResponseLimit());
            }
            created.add(item);
        }
        return created;
    }

    private static List<String> distinctTrimmed(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim)
                .filter(x -> !x.isEmpty()).distinct().toList();
    }

    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * C19 (最高法解释 第437条): valuables and cash are photographed and sealed on the spot by at
     * least two officers — {@code sealedBy} names two or more distinct officers of the case,
     * {@code photoHashes} the SHA-256 of at least one photo.
     */
    private static void checkSealing(Validation v, String p, NewPropertyItem c, PropertyCase propertyCase) {
        List<String> sealers = distinctTrimmed(c.sealedBy());
        List<String> photos = distinctTrimmed(c.photoHashes());
        boolean required = c.category() == PropertyCategory.VALUABLE || c.category() == PropertyCategory.CASH;
        if (required) {
            v.check(sealers.size() >= 2, p + "sealedBy",
                    "贵重物品、现金须由两名以上办案人员当场封存 (at least two distinct officers of the case seal it, C19)");
            v.check(!photos.isEmpty(), p + "photoHashes",
                    "贵重物品、现金须拍照，至少一张照片的 SHA-256 (at least one photo's SHA-256, C19)");
        }
        for (String sealer : sealers) {
            v.check(propertyCase.officerIds().contains(sealer), p + "sealedBy",
                    sealer + " 不是本案办案人员 (not an officer of the case)");
        }
        v.check(photos.size() <= 100, p + "photoHashes", "最多 100 张照片 (at most 100 photos)");
        for (String hash : photos) {
            v.check(SHA256_HEX.matcher(hash).matches(), p + "photoHashes",
                    "须为 64 位十六进制 SHA-256 (must be a SHA-256 in hex)");
        }
    }

    // --- item operations ----------------------------------------------------------------------

    public PropertyItem visibleItem(Caller caller, String itemId) {
        PropertyItem item = items.find(itemId).orElseThrow(() -> new NotFoundException("财物 (property item)", itemId));
        access.requireVisible(caller, item);
        return item;
    }

    /** Loads an item and applies the 404 → 403 → 409 checks of an action. */
    public PropertyItem checked(Caller caller, String itemId, String action) {
        PropertyItem item = items.find(itemId).orElseThrow(() -> new NotFoundException("财物 (property item)", itemId));
        access.require(caller, item, action);
        return item;
    }

    private PropertyItem commit(PropertyItem item, String actor, PropertyItem.Change change) {
        OffsetDateTime now = now();
        item.updatedAt = now;
        items.update(item);
        ledger.append(item.id, actor, change, now);
        return item;
    }

    @Transactional
    public PropertyItem handOver(Caller caller, String itemId, String centreId) {
        PropertyItem item = checked(caller, itemId, "handover");
        Validation v = new Validation().require(centreId, "centreId");
        if (centreId != null && !centreId.isBlank()) {
            v.check(access.organisationExists(centreId)
                            && access.agencyType(centreId) == OrganisationType.CUSTODY_CENTRE, "centreId",
                    "必须是涉案财物管理中心 (must be a custody centre)");
        }
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.handOver(centreId));
    }

    /**
     * C1 (公安 S10 第190条): property extracted away from the unit is handed over within 24 h of the
     * officers' return ({@code REMOTE_EXTRACTION}, {@code clockFrom} = the return, not in the future);
     * property needing urgent appraisal, identification or inspection within 24 h after that work is
     * done ({@code URGENT_APPRAISAL}, {@code clockFrom} = its planned end) — only with the department
     * head's approval: the department head records it. The hand-over timer moves with the deadline.
     */
    @Transactional
    public PropertyItem deferHandover(Caller caller, String itemId, HandoverException exception, OffsetDateTime clockFrom,
                                      String reason) {
        PropertyItem item = checked(caller, itemId, "handover-deferral");
        if (exception == HandoverException.URGENT_APPRAISAL && !caller.hasRole(CustodyAccess.DEPARTMENT_HEAD)) {
            throw new ForbiddenException("紧急鉴定须经办案部门负责人批准 (an urgent appraisal needs the department head's approval, C1)");
        }
        Validation v = new Validation().require(exception, "exception").require(clockFrom, "clockFrom")
                .require(reason, "reason").text(reason, "reason");
        if (clockFrom != null && exception == HandoverException.REMOTE_EXTRACTION) {
            v.check(!clockFrom.isAfter(now()), "clockFrom", "返回时间不能晚于当前时间 (the return may not lie in the future)");
        }
        if (clockFrom != null) {
            v.check(item.seizedAt() == null || clockFrom.isAfter(item.seizedAt()), "clockFrom",
                    "须晚于扣押时间 (must lie after the seizure)");
            v.check(!clockFrom.isAfter(deadline(now(), properties.maxLoanPeriod())), "clockFrom",
                    "超出最长期限 (too far ahead)");
        }
        v.throwIfInvalid();
        PropertyCase propertyCase = cases.find(item.caseId()).orElseThrow();
        OffsetDateTime due = deadline(clockFrom, properties.handoverLimit(access.agencyType(
                propertyCase.handlingAgencyId()).name()));
        return commit(item, caller.userId(), item.deferHandover(exception, clockFrom, due,
                exception == HandoverException.URGENT_APPRAISAL ? caller.userId() : null, reason));
    }

    /**
     * C1 (公安 S10 第190条, third exception): property disposed of within 24 h of its seizure (the
     * hand-over limit of the agency) is not handed over; the disposal papers go to the file. The
     * department head (or a higher head) records and so approves it (domain §5.6); the disposal
     * type's own approver (the disposal DMN) must be among the caller's roles. A disposal after the
     * limit is refused (422 {@code disposedAt}): the item is to be handed over. The item ends DISPOSED
     * and its hand-over step ends.
     */
    @Transactional
    public PropertyItem disposeBeforeHandover(Caller caller, String itemId, DisposalType type, OffsetDateTime disposedAt,
                                              String documentNo, String description) {
        PropertyItem item = checked(caller, itemId, "handover-disposal");
        PropertyCase propertyCase = cases.find(item.caseId()).orElseThrow();
        org.fengqiao.calendar.TimeLimit limit = properties.handoverLimit(access.agencyType(
                propertyCase.handlingAgencyId()).name());
        OffsetDateTime seized = item.seizedAt() != null ? item.seizedAt() : item.createdAt();
        OffsetDateTime latest = deadline(seized, limit);
        Validation v = new Validation().require(type, "disposalType").require(disposedAt, "disposedAt")
                .require(documentNo, "documentNo").name(documentNo, "documentNo")
                .require(description, "description").text(description, "description");
        if (type != null) {
            v.check(!type.awaitsEndOfProceedings() && type != DisposalType.REFUND_FROM_TREASURY, "disposalType",
                    "该处置须待诉讼终结，不能在移交前处置 (" + type + " waits for the end of the proceedings)");
        }
        if (disposedAt != null) {
            v.check(!disposedAt.isAfter(now()), "disposedAt", "处置时间不能晚于当前时间 (may not lie in the future)");
            v.check(!disposedAt.isBefore(seized), "disposedAt", "不能早于扣押时间 (may not lie before the seizure)");
            v.check(!disposedAt.isAfter(latest), "disposedAt", "扣押后 " + limit.describe() + "内（至 " + latest
                    + "）未处置的，应当移交入库 (only property disposed of within " + limit.describe()
                    + " of the seizure is exempt from the hand-over, C1)");
        }
        v.throwIfInvalid();
        DisposalAuthority authority = disposalAuthority(type, item.category(), item.valuation(),
                access.agencyType(item.controllingAgencyId()));
        if (!authority.allowed()) {
            throw ValidationException.of("disposalType", authority.reason());
        }
        if (!authority.approverRoles().isEmpty() && !caller.hasAnyRole(authority.approverRoles())) {
            throw new ForbiddenException("该处置须由 " + authority.approvalLevel() + " 批准 (requires one of "
                    + authority.approverRoles() + ")");
        }
        return commit(item, caller.userId(), item.disposeBeforeHandover(type, disposedAt, documentNo.trim(),
                description, caller.userId()));
    }

    @Transactional
    public PropertyItem inspect(Caller caller, String itemId, InspectionResult result, String zoneId, String location,
                                String condition) {
        return inspect(caller, itemId, result, zoneId, location, condition, null);
    }

    /**
     * Inspection at the hand-over. C18: cash is not kept in a store but paid into the designated
     * account (唯一合规账户, {@code fengqiao.custody.cash-account}); the custodian records the deposit
     * slip instead of a zone. Cash kept as evidence (its notes prove the facts) is stored sealed.
     */
    @Transactional
    public PropertyItem inspect(Caller caller, String itemId, InspectionResult result, String zoneId, String location,
                                String condition, String depositSlipNo) {
        PropertyItem item = checked(caller, itemId, "inspection");
        Validation v = new Validation().require(result, "result").text(condition, "condition");
        boolean deposit = item.category() == PropertyCategory.CASH && !item.evidenceUse();
        if (result == InspectionResult.PASS && deposit) {
            v.require(depositSlipNo, "depositSlipNo").name(depositSlipNo, "depositSlipNo");
            v.check(zoneId == null || zoneId.isBlank(), "zoneId",
                    "现金存入指定账户，不入库保管 (cash goes to the designated account, not a zone, C18)");
            v.throwIfInvalid();
            return commit(item, caller.userId(), item.depositCash(properties.cashAccount(), depositSlipNo.trim(), condition));
        }
        if (result == InspectionResult.PASS) {
            v.require(zoneId, "zoneId").require(location, "location").name(location, "location");
            Zone zone = zones.find(zoneId).orElse(null);
            if (zoneId != null && !zoneId.isBlank()) {
                if (zone == null) {
                    v.check(false, "zoneId", "保管区不存在 (unknown zone)");
                } else {
                    checkZoneFits(v, item, zone);
                }
            }
        }
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.inspect(result, zoneId, location, condition));
    }

    /**
     * Dangerous goods go to a hazardous zone. A RESTRICTED zone (专区) takes whatever the custodian
     * places there; from then on only its owner agency and the custodians see the item.
     */
    private void checkZoneFits(Validation v, PropertyItem item, Zone zone) {
        if (item.category() == PropertyCategory.DANGEROUS) {
            v.check(zone.type() == ZoneType.HAZARDOUS, "zoneId",
                    "危险物品须存入危险品库 (dangerous goods go to a hazardous zone)");
        }
    }

    @Transactional
    public PropertyItem requestLoan(Caller caller, String itemId, String reason, OffsetDateTime plannedReturnAt) {
        PropertyItem item = checked(caller, itemId, "loan-request");
        OffsetDateTime now = now();
        Validation v = new Validation().require(reason, "reason").text(reason, "reason").require(plannedReturnAt, "plannedReturnAt");
        if (plannedReturnAt != null) {
            v.check(plannedReturnAt.isAfter(now), "plannedReturnAt", "归还时间必须晚于当前时间 (must lie in the future)");
            v.check(!plannedReturnAt.isAfter(deadline(now, properties.maxLoanPeriod())), "plannedReturnAt",
                    "调用期限不得超过 " + properties.maxLoanPeriod().describe() + " (loan too long)");
        }
        v.throwIfInvalid();
        String approverGroup = Role.DEPARTMENT_HEAD.groupFor(departmentOf(caller, item));
        return commit(item, caller.userId(), item.requestLoan(caller.userId(), reason, plannedReturnAt, approverGroup));
    }

    private String departmentOf(Caller caller, PropertyItem item) {
        return caller.organisationIds().stream()
                .filter(o -> access.agencyOf(o).equals(item.controllingScope())).sorted().findFirst()
                .orElse(item.controllingScope());
    }

    @Transactional
    public PropertyItem decideLoan(Caller caller, String itemId, Boolean approved, String reason) {
        PropertyItem item = checked(caller, itemId, "loan-approval");
        new Validation().require(approved, "approved").text(reason, "reason").throwIfInvalid();
        return commit(item, caller.userId(), item.decideLoan(caller.userId(), approved, reason));
    }

    /**
     * C6 (S21-2010 第11条): an overdue or running loan is extended (调用延期) by a department head of
     * the controlling agency — never the borrower himself; the new return time lies after the old
     * one and within the longest loan period from now. The loan timer moves with it.
     */
    /** C5: the agency's head extends an administrative measure once by 30 days (公安 S10 第112条). */
    @Transactional
    public PropertyItem extendMeasure(Caller caller, String itemId, String reason) {
        PropertyItem item = checked(caller, itemId, "measure-extension");
        new Validation().require(reason, "reason").text(reason, "reason").throwIfInvalid();
        OffsetDateTime due = measureDue(item, true);
        return commit(item, caller.userId(), item.extendMeasure(caller.userId(), due, reason));
    }

    /**
     * The end of an administrative measure (C5): 30 days from the seizure, +30 when the agency's
     * head extended it, plus the time of every recorded appraisal (not counted, 公安 S10 第112条).
     */
    OffsetDateTime measureDue(PropertyItem item, boolean extended) {
        OffsetDateTime due = deadline(item.seizedAt() != null ? item.seizedAt() : item.createdAt(),
                properties.administrativeMeasureLimit());
        if (extended) {
            due = deadline(due, properties.administrativeMeasureExtension());
        }
        return due.plusSeconds(item.measureSuspendedSeconds());
    }

    /**
     * C5 (公安 S10 第112条): the time a 检测、检验、检疫 or 技术鉴定 of the item took is not counted in
     * the administrative measure's period; its end moves by the appraisal's length. The appraisal
     * started after the seizure and before the period's end, and is over (not in the future).
     */
    @Transactional
    public PropertyItem recordMeasureAppraisal(Caller caller, String itemId, AppraisalKind kind, OffsetDateTime startedAt,
                                               OffsetDateTime endedAt, String appraiser, String reason) {
        PropertyItem item = checked(caller, itemId, "measure-appraisal");
        Validation v = new Validation().require(kind, "kind").require(startedAt, "startedAt").require(endedAt, "endedAt")
                .name(appraiser, "appraiser").text(reason, "reason");
        if (startedAt != null) {
            v.check(item.seizedAt() == null || !startedAt.isBefore(item.seizedAt()), "startedAt",
                    "不能早于扣押时间 (may not lie before the seizure)");
            v.check(startedAt.isBefore(item.measureDueAt()), "startedAt",
                    "须在扣押期限届满（" + item.measureDueAt() + "）前开始 (must start within the measure's period)");
        }
        if (endedAt != null) {
            v.check(!endedAt.isAfter(now()), "endedAt", "鉴定结束时间不能晚于当前时间 (may not lie in the future)");
            v.check(startedAt == null || endedAt.isAfter(startedAt), "endedAt",
                    "须晚于开始时间 (must lie after the start)");
        }
        v.throwIfInvalid();
        long seconds = java.time.Duration.between(startedAt, endedAt).getSeconds();
        OffsetDateTime due = item.measureDueAt().plusSeconds(seconds);
        return commit(item, caller.userId(), item.recordMeasureAppraisal(kind, startedAt, endedAt, due,
                appraiser == null ? null : appraiser.trim(), reason, caller.userId()));
    }

    /** C5: the administrative measure's period ended with the measure still in force: alert and 督办. */
    @Transactional
    public void measureOverdue(String itemId) {
        PropertyItem item = items.find(itemId).orElseThrow();
        if (item.status() == ItemStatus.DISPOSED || item.status() == ItemStatus.EXCEPTION_DAMAGED_OR_LOST) {
            return;
        }
        OffsetDateTime now = now();
        String message = "财物 " + item.itemNo() + " 行政扣押/查封期限已于 " + item.measureDueAt()
                + " 届满，尚未解除或作出处理决定 (the administrative measure's period has ended, C5)";
        raiseAlert(itemId, "MEASURE_OVERDUE", message, now);
        supervision.raiseCounted(TARGET_TYPE, itemId, item.itemNo(), SupervisionLevel.NOTICE, message, "OVERDUE_TIMER",
                SYSTEM, now, properties.supervisionResponseLimit());
    }

    @Transactional
    public PropertyItem extendLoan(Caller caller, String itemId, OffsetDateTime plannedReturnAt, String reason) {
        PropertyItem item = checked(caller, itemId, "loan-extension");
        Validation v = new Validation().require(plannedReturnAt, "plannedReturnAt").require(reason, "reason")
                .text(reason, "reason");
        if (plannedReturnAt != null) {
            v.check(plannedReturnAt.isAfter(now()) && plannedReturnAt.isAfter(item.plannedReturnAt()), "plannedReturnAt",
                    "须晚于原定归还时间和当前时间 (must lie after the registered return time and now)");
            v.check(!plannedReturnAt.isAfter(deadline(now(), properties.maxLoanPeriod())), "plannedReturnAt",
                    "调用期限不得超过 " + properties.maxLoanPeriod().describe() + " (loan too long)");
        }
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.extendLoan(caller.userId(), plannedReturnAt, reason));
    }

    @Transactional
    public PropertyItem returnLoan(Caller caller, String itemId, ReturnCondition condition, String notes) {
        PropertyItem item = checked(caller, itemId, "loan-return");
        new Validation().require(condition, "condition").text(notes, "notes").throwIfInvalid();
        return commit(item, caller.userId(), item.returnFromLoan(condition, notes));
    }

    /** C20: damage, shortage, substitution or loss at a return is recorded and reported to both department heads. */
    @Transactional
    public void reportReturnException(String itemId, ReturnCondition condition, String reportedBy) {
        PropertyItem item = items.find(itemId).orElseThrow();
        OffsetDateTime now = now();
        recordException(item.id(), null, condition.name(), "调用归还查验发现: " + condition.name()
                + " (found at the return inspection)", reportedBy, now);
        raiseToBothHeads(item, "归还查验发现异常 " + condition.name() + " (return inspection found " + condition.name() + ")");
    }

    @Transactional
    public PropertyItem transfer(Caller caller, String itemId, String toAgencyId, TransferMode mode) {
        PropertyItem item = checked(caller, itemId, "transfer");
        Validation v = new Validation().require(toAgencyId, "toAgencyId").require(mode, "mode");
        String toScope = null;
        if (toAgencyId != null && !toAgencyId.isBlank()) {
            if (!access.organisationExists(toAgencyId)) {
                v.check(false, "toAgencyId", "机关不存在 (unknown agency)");
            } else {
                toScope = access.agencyOf(toAgencyId);
                v.check(!toScope.equals(item.controllingScope()), "toAgencyId",
                        "不能移送给本机关 (already the controlling agency)");
            }
        }
        // C16: dangerous, bulky, perishable and non-held property does not travel; its list and photos do
        v.check(mode != TransferMode.PHYSICAL || (item.held() && !item.category().notPhysicallyTransferable()), "mode",
                "该类财物不随案移送实物，应移送清单、照片 (this category moves as list/photos: use RECORD_ONLY)");
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.transfer(toAgencyId, toScope, mode));
    }

    @Transactional
    public PropertyItem receiveTransfer(Caller caller, String itemId, String notes) {
        PropertyItem item = checked(caller, itemId, "transfer-receipt");
        new Validation().text(notes, "notes").throwIfInvalid();
        return commit(item, caller.userId(), item.receiveTransfer(notes));
    }

    @Transactional
    public PropertyItem remoteDisplay(Caller caller, String itemId, String requestingAgencyId, OffsetDateTime scheduledAt,
                                      String recordingHash) {
        PropertyItem item = checked(caller, itemId, "remote-display");
        Validation v = new Validation().require(requestingAgencyId, "requestingAgencyId")
                .require(scheduledAt, "scheduledAt").require(recordingHash, "recordingHash")
                .title(recordingHash, "recordingHash");
        if (requestingAgencyId != null && !requestingAgencyId.isBlank()) {
            v.check(access.organisationExists(requestingAgencyId), "requestingAgencyId", "机关不存在 (unknown agency)");
        }
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.recordRemoteDisplay(requestingAgencyId, scheduledAt, recordingHash));
    }

    /** The approval authority of a disposal, from the DMN {@code property-disposal-approval}. */
    public record DisposalAuthority(boolean allowed, String approverRole, List<String> approverRoles,
                                    String approvalLevel, String reason) {
    }

    /**
     * Evaluates the disposal DMN for a type, the item's category and valuation and the type of the
     * agency controlling the item (a procuratorate's every disposal is its 检察长's, C14).
     */
    public DisposalAuthority disposalAuthority(DisposalType type, PropertyCategory category, BigDecimal valuation,
                                               OrganisationType agencyType) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(DISPOSAL_DECISION, Variables.createVariables()
                        .putValue("disposalType", type.name()).putValue("category", category.name())
                        .putValue("valuation", valuation == null ? 0d : valuation.doubleValue())
                        .putValue("agencyType", agencyType == null ? null : agencyType.name()))
                .getSingleResult().getEntryMap();
        String roles = (String) result.get("approverRoles");
        return new DisposalAuthority(Boolean.TRUE.equals(result.get("allowed")), (String) result.get("approverRole"),
                roles == null || roles.isBlank() ? List.of() : List.of(roles.split("\\s*,\\s*")),
                (String) result.get("approvalLevel"), (String) result.get("reason"));
    }

    /**
     * The candidate group of each approver role: the requester's department for its head, the
     * controlling agency for the agency's head and the 检察长.
     */
    private String approverGroups(Caller caller, PropertyItem item, List<String> roles) {
        List<String> groups = new ArrayList<>();
        for (String roleId : roles) {
            Role role = Role.ofGroup(roleId).orElseThrow(() -> new IllegalStateException("unknown approver role " + roleId));
            groups.add(role == Role.DEPARTMENT_HEAD ? role.groupFor(departmentOf(caller, item))
                    : role.groupFor(item.controllingScope()));
        }
        return String.join(",", groups);
    }

    @Transactional
    public PropertyItem requestDisposal(Caller caller, String itemId, DisposalType type, String legalBasisDocNo) {
        return requestDisposal(caller, itemId, type, legalBasisDocNo, null);
    }

    /**
     * A disposal request. {@code noticePublishedOn} (the day the owner was told to collect, or the
     * public notice) is required for {@code UNCLAIMED_TO_TREASURY}, which may come only after the
     * unclaimed period has run from it (C9, C10).
     */
    @Transactional
    public PropertyItem requestDisposal(Caller caller, String itemId, DisposalType type, String legalBasisDocNo,
                                        java.time.LocalDate noticePublishedOn) {
        return requestDisposal(caller, itemId, type, legalBasisDocNo, noticePublishedOn, null);
    }

    /** The right-holder's consent to an early disposal (C13): who, when and how. */
    public record Consent(String name, String idNumber, ConsentMethod method, String documentNo, OffsetDateTime consentedAt) {
        public boolean isEmpty() {
            return name == null && idNumber == null && method == null && documentNo == null && consentedAt == null;
        }
    }

    /**
     * C13 (domain §5.6, S22 §6, S21-2015 第21条, 最高法解释 第439条): an early disposal (先行处置) in a
     * criminal or supervisory case needs the right-holder's consent or application, recorded with the
     * request: {@code rightHolderConsent} {name, idNumber, method, documentNo, consentedAt}. Where
     * the owner is on record, the consent is the owner's. An administrative case's early disposal
     * (公安 S10 第191条) needs the agency head's approval only.
     */
    @Transactional
    public PropertyItem requestDisposal(Caller caller, String itemId, DisposalType type, String legalBasisDocNo,
                                        java.time.LocalDate noticePublishedOn, Consent consent) {
        PropertyItem item = checked(caller, itemId, "disposal-request");
        // C17: no final disposal before the proceedings have ended (409 before any content is looked at)
        PropertyCase propertyCase = cases.find(item.caseId()).orElseThrow();
        if (type != null && type.awaitsEndOfProceedings() && propertyCase.stage() != ProceedingsStage.CONCLUDED) {
            throw new ProceedingsPendingException("诉讼程序尚未终结（当前阶段 " + propertyCase.stage().label()
                    + "），不得" + type.name() + " (" + type + " waits for the end of the proceedings, stage "
                    + propertyCase.stage() + ", C17)");
        }
        Validation v = new Validation().require(type, "disposalType").require(legalBasisDocNo, "legalBasisDocNo")
                .name(legalBasisDocNo, "legalBasisDocNo");
        if (type == DisposalType.UNCLAIMED_TO_TREASURY) {
            v.require(noticePublishedOn, "noticePublishedOn");
            if (noticePublishedOn != null) {
                OffsetDateTime noticed = noticePublishedOn.atStartOfDay(calendar.zone()).toOffsetDateTime();
                OffsetDateTime expires = deadline(noticed, properties.unclaimedPeriod(propertyCase.caseType()));
                v.check(!noticePublishedOn.isAfter(now().atZoneSameInstant(calendar.zone()).toLocalDate()),
                        "noticePublishedOn", "公告日期不能晚于今天 (may not lie in the future)");
                v.check(now().isAfter(expires), "noticePublishedOn", "认领期限（" + properties.unclaimedPeriod(
                        propertyCase.caseType()).describe() + "）至 " + expires.toLocalDate() + " 届满，尚不能上缴"
                        + " (the unclaimed period runs until " + expires + ", C9/C10)");
            }
        }
        v.throwIfInvalid();
        DisposalAuthority authority = disposalAuthority(type, item.category(), item.valuation(),
                access.agencyType(item.controllingAgencyId()));
        if (!authority.allowed()) {
            throw ValidationException.of("disposalType", authority.reason());
        }
        Validation cv = new Validation();
        Consent c = consent == null || consent.isEmpty() ? null : consent;
        if (type == DisposalType.EARLY_DISPOSAL_SALE && propertyCase.caseType() != CaseType.ADMINISTRATIVE) {
            cv.check(c != null, "rightHolderConsent",
                    "先行处置须经权利人同意或申请 (an early disposal needs the right-holder's consent or application, C13)");
        }
        if (c != null) {
            cv.require(c.name(), "rightHolderConsent.name").name(c.name(), "rightHolderConsent.name");
            cv.require(c.idNumber(), "rightHolderConsent.idNumber")
                    .maxLength(c.idNumber(), 40, "rightHolderConsent.idNumber");
            cv.require(c.method(), "rightHolderConsent.method");
            cv.name(c.documentNo(), "rightHolderConsent.documentNo");
            cv.require(c.consentedAt(), "rightHolderConsent.consentedAt");
            if (c.consentedAt() != null) {
                cv.check(!c.consentedAt().isAfter(now()), "rightHolderConsent.consentedAt",
                        "同意时间不能晚于当前时间 (may not lie in the future)");
            }
            if (c.idNumber() != null && item.ownerIdNumber() != null) {
                cv.check(c.idNumber().trim().equalsIgnoreCase(item.ownerIdNumber()), "rightHolderConsent.idNumber",
                        "同意人与登记的所有人不符 (the consent is not the owner's on record)");
            }
        }
        cv.throwIfInvalid();
        if (c != null && type == DisposalType.EARLY_DISPOSAL_SALE) {
            item.recordConsent(c.name().trim(), c.idNumber().trim(), c.method().name(),
                    c.documentNo() == null ? null : c.documentNo().trim(), c.consentedAt());
        }
        String groups = approverGroups(caller, item, authority.approverRoles());
        OffsetDateTime due = deadline(now(), properties.disposalLimit(type, item.category()));
        return commit(item, caller.userId(), item.requestDisposal(caller.userId(), type, legalBasisDocNo,
                authority.approverRole(), String.join(",", authority.approverRoles()), groups,
                authority.approvalLevel(), due));
    }

    /** C10: an unclaimed item remitted to the treasury is returned to its owner whose claim was verified. */
    @Transactional
    public PropertyItem refund(Caller caller, String itemId, String legalBasisDocNo, String receiptNo, Recipient recipient) {
        PropertyItem item = checked(caller, itemId, "refund");
        Validation v = new Validation().require(legalBasisDocNo, "legalBasisDocNo").name(legalBasisDocNo, "legalBasisDocNo")
                .name(receiptNo, "receiptNo");
        Recipient r = recipient == null ? new Recipient(null, null, null, null) : recipient;
        checkRecipient(v, item, r);
        v.throwIfInvalid();
        return commit(item, caller.userId(), item.refund(now(), legalBasisDocNo.trim(), receiptNo,
                recipientDetails(r, item)));
    }

    @Transactional
    public PropertyItem decideDisposal(Caller caller, String itemId, Boolean approved, String reason) {
        PropertyItem item = checked(caller, itemId, "disposal-approval");
        new Validation().require(approved, "approved").text(reason, "reason").throwIfInvalid();
        return commit(item, caller.userId(), item.decideDisposal(caller.userId(), approved, reason));
    }

    /** Who takes a returned item (C15): the owner, or an agent with a written authorisation. */
    public record Recipient(String name, String idNumber, String relation, String authorisationDocNo) {
        public boolean isEmpty() {
            return name == null && idNumber == null && relation == null && authorisationDocNo == null;
        }
    }

    @Transactional
    public PropertyItem executeDisposal(Caller caller, String itemId, List<String> executedBy, String receiptNo,
                                        Recipient recipient) {
        PropertyItem item = checked(caller, itemId, "disposal-execution");
        List<String> executors = executedBy == null ? List.of()
                : executedBy.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Set<String> distinct = new LinkedHashSet<>(executors);
        Validation v = new Validation().require(executors, "executedBy").name(receiptNo, "receiptNo");
        v.check(distinct.size() == executors.size(), "executedBy", "执行人不能重复 (executors must be distinct)");
        v.check(executors.isEmpty() || distinct.contains(caller.userId()), "executedBy",
                "执行人须包括当前办理人 (the caller must be one of the executors)");
        boolean twoPerson = item.disposalType() == DisposalType.DESTROY || item.category() == PropertyCategory.VALUABLE;
        v.check(!twoPerson || distinct.size() >= 2, "executedBy",
                "销毁及贵重物品处置须由两名不同人员执行 (destruction and valuables need two distinct executors)");
        for (String executor : distinct) {
            v.check(access.userExists(executor), "executedBy", "用户不存在: " + executor + " (unknown user)");
            // executors are people of the organisation carrying out the disposal, never of another one
            v.check(access.sharesOrganisation(executor, caller), "executedBy",
                    executor + " 不属于办理单位 (not a member of the executing organisation)");
        }
        if (item.category() == PropertyCategory.FROZEN_ASSET && (item.disposalType() == DisposalType.CONFISCATE_TO_TREASURY
                || item.disposalType() == DisposalType.UNCLAIMED_TO_TREASURY)) {
            // C8: the bank's remittance voucher (国库缴款凭证) closes the remittance
            v.require(receiptNo, "receiptNo");
        }
        Recipient r = recipient == null ? new Recipient(null, null, null, null) : recipient;
        DisposalType type = item.disposalType();
        boolean returnToPerson = type != null && type.name().startsWith("RETURN_");
        if (returnToPerson || (type != null && type.handsToPerson() && !r.isEmpty())) {
            checkRecipient(v, item, r);
        }
        v.throwIfInvalid();
        Map<String, Object> recipientDetails = r.isEmpty() ? null : recipientDetails(r, item);
        Map<String, Object> more = new java.util.LinkedHashMap<>();
        if (recipientDetails != null) {
            // the names the ledger carried before the recipient became an object
            more.put("recipientName", r.name().trim());
            more.put("recipientIdNumber", r.idNumber().trim());
        }
        return commit(item, caller.userId(), item.executeDisposal(List.copyOf(distinct), receiptNo, recipientDetails,
                more));
    }

    /**
     * C15 (S21-2015 第19条): a returned item goes only to its owner or an agent with a written
     * authorisation, whose identity matches the owner on record, and never to one of the case's
     * officers (they may not collect on anybody's behalf).
     */
    private void checkRecipient(Validation v, PropertyItem item, Recipient r) {
        v.require(r.name(), "recipient.name").name(r.name(), "recipient.name");
        v.require(r.idNumber(), "recipient.idNumber").maxLength(r.idNumber(), 40, "recipient.idNumber");
        v.require(r.relation(), "recipient.relation");
        boolean owner = "OWNER".equals(r.relation());
        boolean agent = "AGENT".equals(r.relation());
        v.check(r.relation() == null || owner || agent, "recipient.relation", "须为 OWNER 或 AGENT (OWNER or AGENT)");
        if (agent) {
            v.require(r.authorisationDocNo(), "recipient.authorisationDocNo")
                    .name(r.authorisationDocNo(), "recipient.authorisationDocNo");
        }
        if (r.name() == null || r.idNumber() == null) {
            return;
        }
        String name = r.name().trim();
        String idNumber = r.idNumber().trim();
        if (owner && item.ownerIdNumber() != null) {
            v.check(idNumber.equalsIgnoreCase(item.ownerIdNumber()) && name.equals(item.ownerName()),
                    "recipient.idNumber", "领取人身份与登记的所有人不符 (the recipient is not the owner on record)");
        }
        if (agent && item.ownerIdNumber() != null) {
            v.check(!idNumber.equalsIgnoreCase(item.ownerIdNumber()), "recipient.relation",
                    "所有人本人领取应为 OWNER (the owner collects as OWNER)");
        }
        PropertyCase propertyCase = cases.find(item.caseId()).orElseThrow();
        for (String officer : propertyCase.officerIds()) {
            boolean isOfficer = officer.equalsIgnoreCase(name) || officer.equalsIgnoreCase(idNumber)
                    || name.equals(access.displayName(officer));
            v.check(!isOfficer, "recipient.name",
                    "办案人员不得代为领取 (a case officer may never collect returned property, C15)");
        }
    }

    private static Map<String, Object> recipientDetails(Recipient r, PropertyItem item) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("name", r.name() == null ? null : r.name().trim());
        details.put("idNumber", r.idNumber() == null ? null : r.idNumber().trim());
        details.put("relation", r.relation());
        if (r.authorisationDocNo() != null) {
            details.put("authorisationDocNo", r.authorisationDocNo().trim());
        }
        details.put("ownerOnRecord", item.ownerIdNumber() != null);
        return details;
    }

    // --- recomputation after a year's calendar was entered ---------------------------------------

    /** A deadline of an item that moved: the engine's timer reading {@code field} is to follow. */
    public record MovedDeadline(String itemId, String field, OffsetDateTime oldDueAt, OffsetDateTime newDueAt) {
    }

    /**
     * Computes the item's open deadlines again, from their original start with the same limit, as
     * {@link #registerItems} and {@link #requestDisposal} computed them:
     * <ul>
     *   <li>hand-over: from the item's registration, with the limit of the handling agency's type
     *       (a limit in hours does not depend on the calendar and never moves);</li>
     *   <li>disposal: from the disposal request (the time of its ledger entry), with the limit of
     *       the disposal type.</li>
     * </ul>
     * A loan's return time is not recomputed: the requester chose it (within the longest loan
     * period), the calendar did not compute it. A deadline already passed stays as it is (its
     * timer has fired). Each change is a ledger entry {@code DEADLINE_RECOMPUTED} with the field,
     * old and new date and the reason; an unchanged deadline writes nothing, so a second run
     * changes nothing. Runs in the transaction that changed the calendar.
     */
    @Transactional
    public List<MovedDeadline> recomputeDeadlines(CalendarYearChanged event) {
        OffsetDateTime now = now();
        OffsetDateTime from = event.firstMoment(calendar.zone());
        List<MovedDeadline> moved = new ArrayList<>();
        for (PropertyItem item : items.withOpenDeadlinesFrom(from, now)) {
            OffsetDateTime due;
            String field;
            if (item.measureDueAt() != null && !item.measureDueAt().isBefore(from) && item.measureDueAt().isAfter(now)) {
                // C5: from the seizure, plus the extension when the agency's head granted it and the appraisals
                OffsetDateTime measureDue = measureDue(item, item.measureExtendedBy() != null);
                if (!measureDue.isEqual(item.measureDueAt())) {
                    OffsetDateTime oldMeasure = item.measureDueAt();
                    commit(item, SYSTEM, item.deadlineRecomputed("measureDueAt", measureDue, event.reason(), event.year()));
                    moved.add(new MovedDeadline(item.id(), "measureDueAt", oldMeasure, measureDue));
                }
            }
            boolean handoverOpen = (item.status() == ItemStatus.PENDING_HANDOVER || item.status() == ItemStatus.HANDOVER_INSPECTION)
                    && item.handoverDueAt() != null && !item.handoverDueAt().isBefore(from) && item.handoverDueAt().isAfter(now);
            boolean disposalOpen = (item.status() == ItemStatus.DISPOSAL_REQUESTED || item.status() == ItemStatus.DISPOSAL_APPROVED)
                    && item.disposalDueAt() != null && !item.disposalDueAt().isBefore(from) && item.disposalDueAt().isAfter(now);
            if (!handoverOpen && !disposalOpen) {
                continue;
            }
            if (handoverOpen) {
                field = "handoverDueAt";
                PropertyCase propertyCase = cases.find(item.caseId()).orElse(null);
                if (propertyCase == null) {
                    continue;
                }
                OrganisationType agencyType = access.agencyType(propertyCase.handlingAgencyId());
                // from the seizure, as at registration (C1)
                due = deadline(item.handoverClockFrom() != null ? item.handoverClockFrom()
                        : item.seizedAt() != null ? item.seizedAt() : item.createdAt(),
                        properties.handoverLimit(agencyType.name()));
            } else {
                field = "disposalDueAt";
                OffsetDateTime requestedAt = ledger.ofItem(item.id()).stream()
                        .filter(e -> LedgerEventType.DISPOSAL_REQUEST.name().equals(e.eventType()))
                        .map(LedgerEntry::at).reduce((a, b) -> b).orElse(null);
                if (requestedAt == null || item.disposalType() == null) {
                    continue;
                }
                due = deadline(requestedAt, properties.disposalLimit(item.disposalType(), item.category()));
            }
            OffsetDateTime old = "handoverDueAt".equals(field) ? item.handoverDueAt() : item.disposalDueAt();
            if (due.isEqual(old)) {
                continue;
            }
            commit(item, SYSTEM, item.deadlineRecomputed(field, due, event.reason(), event.year()));
            moved.add(new MovedDeadline(item.id(), field, old, due));
            log.info("{}: {} recomputed {} -> {} ({})", item.itemNo(), field, old, due, event.reason());
        }
        return moved;
    }

    /** A 督办 on an item got a new response deadline: the ledger notes it in the item's timeline. */
    @Transactional
    public void noteSupervisionDeadline(SupervisionResponseDueRecomputed event) {
        if (!TARGET_TYPE.equals(event.targetType())) {
            return;
        }
        items.find(event.targetId()).ifPresent(item -> commit(item, SYSTEM, item.supervisionDeadlineRecomputed(
                event.supervisionId(), event.level().name(), event.oldDueAt(), event.newDueAt(), event.reason(),
                event.year())));
    }

    // --- timers ---------------------------------------------------------------------------------

    /** Overdue hand-over (超期未入库, C1): an alert and a 督办 record, once per item. */
    @Transactional
    public void handoverOverdue(String itemId) {
        PropertyItem item = items.find(itemId).orElseThrow();
        if (item.status() != ItemStatus.PENDING_HANDOVER || hasAlert(itemId, "HANDOVER_OVERDUE")) {
            return;
        }
        OffsetDateTime now = now();
        String message = "财物 " + item.itemNo() + " 超期未移交入库 (hand-over overdue since " + item.handoverDueAt() + ")";
        raiseAlert(itemId, "HANDOVER_OVERDUE", message, now);
        supervision.raiseCounted(TARGET_TYPE, itemId, item.itemNo(), SupervisionLevel.NOTICE, message, "OVERDUE_TIMER",
                SYSTEM, now, properties.supervisionResponseLimit());
    }

    /** Overdue loan (调用超期, C6): alert and 督办 to both department heads (S21-2010 第11条). */
    @Transactional
    public void loanOverdue(String itemId) {
        PropertyItem item = items.find(itemId).orElseThrow();
        if (item.status() != ItemStatus.ON_LOAN) {
            return;
        }
        String message = "财物 " + item.itemNo() + " 调用超期未归还 (loan overdue since " + item.plannedReturnAt()
                + ", borrower " + item.loanRequestedBy() + ")";
        raiseAlert(itemId, "LOAN_OVERDUE", message, now());
        raiseToBothHeads(item, message);
    }

    /** A disposal not executed within its limit (C4: unrelated property released within 3 days; C7). */
    @Transactional
    public void disposalOverdue(String itemId) {
        PropertyItem item = items.find(itemId).orElseThrow();
        if (item.status() != ItemStatus.DISPOSAL_REQUESTED && item.status() != ItemStatus.DISPOSAL_APPROVED) {
            return;
        }
        OffsetDateTime now = now();
        String message = "财物 " + item.itemNo() + " 处置(" + item.disposalType() + ")超期未执行 (disposal overdue since "
                + item.disposalDueAt() + ")";
        raiseAlert(itemId, "DISPOSAL_OVERDUE", message, now);
        supervision.raiseCounted(TARGET_TYPE, itemId, item.itemNo(), SupervisionLevel.NOTICE, message, "OVERDUE_TIMER",
                SYSTEM, now, properties.supervisionResponseLimit());
    }

    private void raiseToBothHeads(PropertyItem item, String message) {
        OffsetDateTime now = now();
        org.fengqiao.calendar.TimeLimit limit = properties.supervisionResponseLimit();
        supervision.raiseCounted(TARGET_TYPE, item.id(), item.itemNo(), SupervisionLevel.NOTICE,
                "致办案部门负责人 (to the case department head, " + item.controllingAgencyId() + "): " + message,
                "OVERDUE_TIMER", SYSTEM, now, limit);
        supervision.raiseCounted(TARGET_TYPE, item.id(), item.itemNo(), SupervisionLevel.NOTICE,
                "致保管部门负责人 (to the custody department head): " + message, "OVERDUE_TIMER", SYSTEM, now, limit);
    }

    private boolean hasAlert(String itemId, String kind) {
        return jdbc.sql("select count(*) from custody_alert where item_id = ? and kind = ?").params(itemId, kind)
                .query(Long.class).single() > 0;
    }

    private void raiseAlert(String itemId, String kind, String message, OffsetDateTime at) {
        jdbc.sql("insert into custody_alert (id, item_id, kind, message, raised_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), itemId, kind, message, at).update();
    }

    public List<CustodyAlert> alerts(String itemId) {
        return jdbc.sql("select * from custody_alert where item_id = ? order by raised_at, id").param(itemId)
                .query((rs, n) -> new CustodyAlert(rs.getString("id"), rs.getString("item_id"), rs.getString("kind"),
                        rs.getString("message"), rs.getObject("raised_at", OffsetDateTime.class))).list();
    }

    private void recordException(String itemId, String inventoryId, String kind, String details, String by,
                                 OffsetDateTime at) {
        jdbc.sql("""
                insert into custody_exception (id, item_id, inventory_id, kind, details, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), itemId, inventoryId, kind, details, by, at).update();
    }

    public List<ExceptionRecord> exceptions(String itemId) {
        return jdbc.sql("select * from custody_exception where item_id = ? order by raised_at, id").param(itemId)
                .query(CustodyManagement::mapException).list();
    }

    public List<ExceptionRecord> exceptionsOfInventory(String inventoryId) {
        return jdbc.sql("select * from custody_exception where inventory_id = ? order by raised_at, id")
                .param(inventoryId).query(CustodyManagement::mapException).list();
    }

    private static ExceptionRecord mapException(ResultSet rs, int n) throws SQLException {
        return new ExceptionRecord(rs.getString("id"), rs.getString("item_id"), rs.getString("inventory_id"),
                rs.getString("kind"), rs.getString("details"), rs.getString("raised_by"),
                rs.getObject("raised_at", OffsetDateTime.class));
    }

    // --- inventory (盘点) -----------------------------------------------------------------------

    @Transactional
    public CustodyInventory startInventory(Caller caller, String zoneId, String caseId) {
        if (!access.isCustodian(caller)) {
            throw new ForbiddenException("盘点由保管员办理 (only custodians take inventory)");
        }
        boolean byZone = zoneId != null && !zoneId.isBlank();
        boolean byCase = caseId != null && !caseId.isBlank();
        if (byZone == byCase) {
            throw ValidationException.of("zoneId", "须且只能指定 zoneId 或 caseId 之一 (exactly one of zoneId, caseId)");
        }
        List<PropertyItem> scope;
        if (byZone) {
            zones.find(zoneId).orElseThrow(() -> ValidationException.of("zoneId", "保管区不存在 (unknown zone)"));
            scope = items.inZone(zoneId);
        } else {
            cases.find(caseId).orElseThrow(() -> ValidationException.of("caseId", "案件不存在 (unknown case)"));
            scope = items.ofCase(caseId);
        }
        List<String> expected = scope.stream().filter(i -> i.status() == ItemStatus.IN_STORAGE)
                .map(PropertyItem::id).toList();
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into custody_inventory (id, scope_type, scope_id, status, expected_ids, started_by, started_at)
                values (?, ?, ?, 'COUNTING', ?, ?, ?)""")
                .params(id, byZone ? "ZONE" : "CASE", byZone ? zoneId : caseId, String.join(",", expected),
                        caller.userId(), now()).update();
        return inventory(id);
    }

    public CustodyInventory inventory(String id) {
        return jdbc.sql("select * from custody_inventory where id = ?").param(id).query((rs, n) -> new CustodyInventory(
                        rs.getString("id"), rs.getString("scope_type"), rs.getString("scope_id"), rs.getString("status"),
                        split(rs.getString("expected_ids")), split(rs.getString("found_item_nos")),
                        (Integer) rs.getObject("discrepancies"), rs.getString("started_by"),
                        rs.getObject("started_at", OffsetDateTime.class), rs.getString("counted_by"),
                        rs.getObject("counted_at", OffsetDateTime.class)))
                .optional().orElseThrow(() -> new NotFoundException("盘点 (inventory)", id));
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    /** Records what was found; answers the number of discrepancies (missing plus unexpected items). */
    @Transactional
    public int countInventory(Caller caller, String inventoryId, List<String> foundItemNos) {
        CustodyInventory inventory = inventory(inventoryId);
        if (!access.isCustodian(caller)) {
            throw new ForbiddenException("盘点由保管员办理 (only custodians take inventory)");
        }
        if (!"COUNTING".equals(inventory.status())) {
            throw IllegalTransitionException.of("count", inventory.status());
        }
        Validation v = new Validation().check(foundItemNos != null, "foundItemNos", "必填 (required)");
        v.throwIfInvalid();
        Set<String> found = new LinkedHashSet<>();
        foundItemNos.stream().filter(Objects::nonNull).map(String::trim).filter(s -> !s.isEmpty()).forEach(found::add);
        Map<String, String> expectedNos = new HashMap<>();
        items.findAll(inventory.expectedItemIds()).forEach(i -> expectedNos.put(i.itemNo(), i.id()));
        long missing = expectedNos.keySet().stream().filter(no -> !found.contains(no)).count();
        long unexpected = found.stream().filter(no -> !expectedNos.containsKey(no)).count();
        int discrepancies = (int) (missing + unexpected);
        jdbc.sql("""
                update custody_inventory set found_item_nos = ?, discrepancies = ?, counted_by = ?, counted_at = ?,
                       status = ? where id = ?""")
                .params(String.join(",", found), discrepancies, caller.userId(), now(),
                        discrepancies == 0 ? "RECONCILED" : "DISCREPANCIES", inventoryId).update();
        return discrepancies;
    }

    /** Discrepancies become exception records; a missing item moves to EXCEPTION_DAMAGED_OR_LOST. */
    @Transactional
    public void recordDiscrepancies(String inventoryId) {
        CustodyInventory inventory = inventory(inventoryId);
        Set<String> found = new LinkedHashSet<>(inventory.foundItemNos());
        OffsetDateTime now = now();
        Set<String> expectedNos = new LinkedHashSet<>();
        for (PropertyItem item : items.findAll(inventory.expectedItemIds())) {
            expectedNos.add(item.itemNo());
            if (!found.contains(item.itemNo())) {
                recordException(item.id(), inventoryId, "MISSING_AT_INVENTORY", "盘点未找到 " + item.itemNo()
                        + " (expected but not found)", inventory.countedBy(), now);
                if (item.status() == ItemStatus.IN_STORAGE) {
                    commit(item, inventory.countedBy(), item.markMissing(inventoryId));
                }
            }
        }
        for (String no : found) {
            if (!expectedNos.contains(no)) {
                String itemId = items.findByItemNo(no).map(PropertyItem::id).orElse(null);
                recordException(itemId, inventoryId, "UNEXPECTED_AT_INVENTORY", "盘点发现账外物品 " + no
                        + " (found but not expected here)", inventory.countedBy(), now);
            }
        }
    }
}
