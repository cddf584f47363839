package org.fengqiao.custody.process;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.fengqiao.calendar.WorkingCalendar;
import org.fengqiao.custody.CustodyInventory;
import org.fengqiao.custody.ItemStatus;
import org.fengqiao.custody.PropertyCase;
import org.fengqiao.custody.PropertyCases;
import org.fengqiao.custody.PropertyItem;
import org.fengqiao.custody.PropertyItems;
import org.fengqiao.custody.Zones;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's card of a custody task ({@link CustodyProcesses#CARD}): which item (its number and
 * name), of which case (案号, case name), in which state, until when. Set on the process after every
 * step, so the task the step creates copies it (TaskCardVariables) and everyone who may work the
 * task tells it apart from the others without opening it.
 */
@Component
class CustodyCards {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final PropertyItems items;
    private final PropertyCases cases;
    private final Zones zones;
    private final WorkingCalendar calendar;

    CustodyCards(PropertyItems items, PropertyCases cases, Zones zones, WorkingCalendar calendar) {
        this.items = items;
        this.cases = cases;
        this.zones = zones;
        this.calendar = calendar;
    }

    /** The card of an item. */
    Map<String, Object> of(PropertyItem item) {
        PropertyCase propertyCase = cases.find(item.caseId()).orElse(null);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("caseNo", propertyCase == null ? "" : propertyCase.agencyCaseNo());
        card.put("caseTitle", propertyCase == null ? "" : propertyCase.caseName());
        card.put("caseStatus", item.status().label());
        card.put("caseDeadline", deadlineOf(item));
        card.put("itemNo", item.itemNo());
        card.put("itemName", item.name());
        return card;
    }

    /** The card of an inventory (盘点): what is counted. */
    Map<String, Object> of(CustodyInventory inventory) {
        String scope = "ZONE".equals(inventory.scopeType())
                ? zones.find(inventory.scopeId()).map(z -> "保管区 " + z.name()).orElse("保管区")
                : cases.find(inventory.scopeId()).map(c -> "案件 " + c.agencyCaseNo() + " " + c.caseName()).orElse("案件");
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("caseTitle", "盘点" + scope);
        card.put("caseStatus", "COUNTING".equals(inventory.status()) ? "清点中" : "已清点");
        card.put("itemName", "盘点" + scope + "（应在库 " + inventory.expectedItemIds().size() + " 件）");
        return card;
    }

    /** Sets the item's card on the process (nothing when the item is unknown). */
    void apply(VariableScope scope, String itemId) {
        items.find(itemId).ifPresent(item -> scope.setVariables(of(item)));
    }

    /**
     * The deadline the item's current state runs against, to the minute, in the calendar's zone, with （已届满）
     * once it has passed (as a dispute's card says it); "" if none. The cards of an item's open tasks are set
     * again after every step and timer ({@link CustodyProcessGateway#refreshCards}), so a task left open when
     * its deadline passes shows it.
     */
    private String deadlineOf(PropertyItem item) {
        OffsetDateTime due = switch (item.status()) {
            case PENDING_HANDOVER -> item.handoverDueAt();
            case ON_LOAN, LOAN_REQUESTED -> item.plannedReturnAt();
            case DISPOSAL_REQUESTED, DISPOSAL_APPROVED -> item.disposalDueAt();
            case REGISTERED_NOT_HELD -> item.measureDueAt() != null ? item.measureDueAt() : item.registrationDueAt();
            default -> item.measureDueAt();
        };
        if (due == null || item.status() == ItemStatus.DISPOSED) {
            return "";
        }
        String text = MINUTE.format(due.atZoneSameInstant(calendar.zone()));
        return due.isAfter(calendar.now()) ? text : text + "（已届满）";
    }
}
